// The organiser's people work: importing a delegate list (a bad row found and named by
// line, fixed, imported), inviting (mails in the invitee's language, accepted), and the
// badge sheet (its QR code signs the person in once, then offers email sign-in). And a
// delegate who tries the same gets a translated refusal from the page and from the API.
import { seriousViolations } from './axe';
import type { Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { mkdirSync } from 'node:fs';
import { errorMessageKey } from '../../src/lib/domain/errors.ts';
import { LOCALES, expect, t, test, type Locale } from './fixtures';
import { signInReading } from './sign-in-as';

const SEED_EVENT = 'social-workforce-2018';
const ORGANISER = 'organiser@accord.test';
const DELEGATE = 'delegate.md.1@accord.test';
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const SCREENS = process.env.SCREENSHOT_DIR ?? '/tmp/accord-screens/organiser-people';
mkdirSync(SCREENS, { recursive: true });

// Unique per run: the e2e server may be reused between runs.
const RUN = Date.now().toString(36);
const PEOPLE = {
	ro: { name: `Ioana Ro ${RUN}`, email: `ioana.${RUN}@example.org` },
	ru: { name: `Олег Ру ${RUN}`, email: `oleg.${RUN}@example.org` },
	en: { name: `Sam En ${RUN}`, email: `sam.${RUN}@example.org` }
};

/** A Romanian Excel export: BOM, semicolons, CRLF, Romanian headers, a quoted semicolon. */
function delegateList(countryOfOleg: string): string {
	return (
		'\uFEFF' +
		[
			'Nume;Adresă de e-mail;Țară;Organizație;Sector;Rol;Limbă',
			`${PEOPLE.ro.name};${PEOPLE.ro.email};Republica Moldova;"Ministerul Muncii; Protecției Sociale";protecția copilului;delegat;ro`,
			`${PEOPLE.ru.name};${PEOPLE.ru.email};${countryOfOleg};НПО «Дети»;education;delegat;ru`,
			`${PEOPLE.en.name};${PEOPLE.en.email};GE;UNICEF;;observator;en`
		].join('\r\n') +
		'\r\n'
	);
}

async function screenshots(page: Page, name: string, fullPage = true): Promise<void> {
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

async function chooseFile(page: Page, locale: Locale, name: string, content: string): Promise<void> {
	await page.getByLabel(t(locale, 'peopleImport.fileLabel')).setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(content, 'utf8')
	});
	await page.getByRole('button', { name: t(locale, 'peopleImport.previewButton') }).click();
}

test.describe.configure({ mode: 'serial' });

test.describe('organiser people', () => {
	test('an organiser imports a list with a bad row, sees it by line, fixes it and imports', async ({
		browser,
		page
	}) => {
		await signInReading(browser, page, ORGANISER);
		await page.goto(`/${SEED_EVENT}/organise`);
		await page.getByRole('link', { name: t('en', 'peopleImport.title') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'peopleImport.title'));

		await chooseFile(page, 'en', 'delegates.csv', delegateList('Atlantis'));
		const problems = page.getByRole('alert').filter({ hasText: t('en', 'peopleImport.nothingWritten') });
		await expect(problems).toContainText(t('en', 'peopleImport.problemsTitle', { count: 1 }));
		await expect(problems.getByRole('listitem')).toHaveText(
			`${t('en', 'peopleImport.where', { line: 3, column: 'Țară' })} ${t('en', 'peopleImport.problem.countryUnknown', { text: 'Atlantis' })}`
		);
		await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
		await screenshots(page, 'import-problem');

		await chooseFile(page, 'en', 'delegates.csv', delegateList('Молдова'));
		await expect(
			page.getByText(t('en', 'peopleImport.previewCounts', { rows: 3, created: 3, existing: 0 }))
		).toBeVisible();
		await screenshots(page, 'import-preview');
		await page.getByRole('button', { name: t('en', 'peopleImport.importButton', { count: 3 }) }).click();
		const done = page.getByRole('status').filter({ hasText: t('en', 'peopleImport.doneTitle') });
		await expect(done).toContainText(t('en', 'peopleImport.doneCounts', { created: 3, updated: 0, unchanged: 0 }));
		await screenshots(page, 'import-done');

		// The same file again: nobody doubled.
		await chooseFile(page, 'en', 'delegates.csv', delegateList('MD'));
		await expect(
			page.getByText(t('en', 'peopleImport.previewCounts', { rows: 3, created: 0, existing: 3 }))
		).toBeVisible();
		await page.getByRole('button', { name: t('en', 'peopleImport.importButton', { count: 3 }) }).click();
		await expect(page.getByRole('status').filter({ hasText: t('en', 'peopleImport.doneTitle') })).toContainText(
			t('en', 'peopleImport.doneCounts', { created: 0, updated: 0, unchanged: 3 })
		);
	});

	test('invitations go out in the invitee language and record invited, then joined', async ({ browser, page }) => {
		await signInReading(browser, page, ORGANISER);
		await page.goto(`/${SEED_EVENT}/organise/invitations`);
		for (const who of [PEOPLE.ro, PEOPLE.ru]) {
			const row = page.getByRole('row').filter({ hasText: who.email });
			await row.getByRole('button', { name: `${t('en', 'peopleInvitations.invite')} ${who.name}` }).click();
			await expect(
				page.getByRole('status').filter({ hasText: t('en', 'peopleInvitations.sentCount', { count: 1 }) })
			).toBeVisible();
			await expect(row).toContainText(t('en', 'peopleInvitations.invited'));
		}
		await screenshots(page, 'invitations');

		await page.goto('/dev/outbox');
		const roMail = page.getByRole('listitem').filter({ hasText: PEOPLE.ro.email }).first();
		await expect(roMail.getByRole('heading')).toHaveText('Invitație în Accord');
		const ruMail = page.getByRole('listitem').filter({ hasText: PEOPLE.ru.email }).first();
		await expect(ruMail.getByRole('heading')).toHaveText('Приглашение в Accord');
		const link = await ruMail.getByRole('link', { name: t('en', 'outbox.openLink') }).getAttribute('href');

		// The invitee opens the mail's link on their own device.
		const invitee = await browser.newContext();
		const inviteePage = await invitee.newPage();
		await inviteePage.goto(link!);
		await expect(inviteePage).toHaveURL(`/${SEED_EVENT}/programme`);
		await expect(inviteePage.getByText(PEOPLE.ru.name).first()).toBeVisible();
		await invitee.close();

		await page.goto(`/${SEED_EVENT}/organise/invitations`);
		await expect(page.getByRole('row').filter({ hasText: PEOPLE.ru.email })).toContainText(
			t('en', 'peopleInvitations.joined')
		);
	});

	test('a badge QR code signs its owner in once, then offers email sign-in', async ({ browser }) => {
		test.setTimeout(180_000);
		// A sharper rendering, so the printed-size QR code reads reliably from a screenshot.
		const context = await browser.newContext({ deviceScaleFactor: 3 });
		const page = await context.newPage();
		await signInReading(browser, page, ORGANISER);
		await page.goto(`/${SEED_EVENT}/organise/badges`);
		const badge = page.getByRole('article', { name: PEOPLE.en.name });
		await expect(badge).toContainText(t('en', 'organiser.roles.observer'));
		await expect(badge).toContainText('Georgia');
		const png = PNG.sync.read(await badge.locator('figure svg').screenshot());
		const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
		expect(code?.data).toMatch(new RegExp(`^${BASE_URL}/badge/[0-9a-f]{64}$`));

		const phone = await browser.newContext();
		const phonePage = await phone.newPage();
		await phonePage.goto(code!.data);
		await expect(phonePage).toHaveURL(`/${SEED_EVENT}/programme`);
		await expect(phonePage.getByRole('button', { name: t('en', 'auth.signOut') })).toBeVisible();
		await expect(phonePage.getByText(PEOPLE.en.name).first()).toBeVisible();
		await phone.close();

		const again = await browser.newContext();
		const againPage = await again.newPage();
		await againPage.goto(code!.data);
		await expect(againPage.getByRole('alert')).toHaveText(t('en', 'peopleBadges.linkSpent'));
		await expect(againPage.getByLabel(t('en', 'peopleBadges.emailLabel'))).toBeVisible();
		await screenshots(againPage, 'badge-spent');
		await again.close();

		// Printing: A4, 8 badges a page, nothing of the site's chrome.
		const count = await page.getByRole('article').count();
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation')).toHaveCount(0);
		await page.screenshot({ path: `${SCREENS}/badges-print.png`, fullPage: true });
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		const { total } = await new PDFParse({ data: pdf }).getInfo();
		expect(total).toBe(Math.ceil(count / 8));
		await context.close();
	});

	test('each page passes axe in every language', async ({ browser, page }) => {
		test.setTimeout(180_000);
		for (const locale of LOCALES) {
			await signInReading(browser, page, ORGANISER, locale);
			for (const section of ['import', 'invitations', 'badges']) {
				await page.goto(`/${SEED_EVENT}/organise/${section}`);
				expect(await seriousViolations(page), `${locale} ${section}`).toEqual([]);
				// The sheet of every badge is long: its first screen is what there is to look at.
				if (locale === 'ru') await screenshots(page, `${section}-ru`, section !== 'badges');
			}
			await page.goto(`/${SEED_EVENT}/organise/import`);
			await chooseFile(page, locale, 'bad.csv', 'Name;Emial\nA;a@example.org\n');
			await expect(page.getByRole('alert')).toContainText(t(locale, 'peopleImport.nothingWritten'));
			expect(await seriousViolations(page), `${locale} import problems`).toEqual([]);
			if (locale !== 'en') await screenshots(page, `import-problem-${locale}`);
		}
		const visitorContext = await browser.newContext();
		const visitor = await visitorContext.newPage();
		await visitor.goto('/badge/' + '0'.repeat(64));
		await expect(visitor.getByRole('alert')).toHaveText(t('en', 'peopleBadges.linkUnknown'));
		expect(await seriousViolations(visitor)).toEqual([]);
		await visitorContext.close();
	});
});

test.describe('organiser people, as a delegate', () => {
	// The refused page itself: the browser logs its 403 (and the missing favicon of the static error page).
	test.use({ allowedConsoleErrors: [/status of 40[34]/] });

	test('a delegate is refused the actions and the functions, with a translated message', async ({
		browser,
		page,
		request
	}) => {
		await signInReading(browser, page, DELEGATE, 'ru');
		const response = await page.request.post(`/${SEED_EVENT}/organise/import?/preview`, {
			multipart: {
				file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nA,a@example.org\n') }
			},
			headers: { origin: BASE_URL, accept: 'text/html' }
		});
		// A plain form post is sent to the page, which is refused in the delegate's language.
		expect(response.status()).toBe(403);
		expect(await response.text()).toContain(t('ru', 'error.forbidden.title'));
		for (const action of ['invitations?/inviteAll', 'badges']) {
			const refused = await page.request.fetch(`/${SEED_EVENT}/organise/${action}`, {
				method: action === 'badges' ? 'GET' : 'POST',
				headers: { origin: BASE_URL, accept: 'text/html' }
			});
			expect(refused.status()).toBe(403);
		}
		// The page itself: the app's error page, in the delegate's language.
		await page.goto(`/${SEED_EVENT}/organise/import`);
		await expect(page.getByRole('heading', { level: 1, name: t('ru', 'error.forbidden.title') })).toBeVisible();
		await expect(page.getByText(t('ru', 'error.code', { status: 403 }))).toBeVisible();

		// Straight to the database with the delegate's own token.
		const data = await (
			await request.get(`/${SEED_EVENT}/programme/__data.json`, {
				headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') }
			})
		).text();
		const jwts = [...data.matchAll(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)].map((m) => m[0]);
		const role = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).role as string;
		const anonKey = jwts.find((jwt) => role(jwt) === 'anon')!;
		const token = jwts.find((jwt) => role(jwt) === 'authenticated')!;
		const supabase = createClient(BASE_URL, anonKey, {
			global: { headers: { Authorization: `Bearer ${token}` } },
			auth: { persistSession: false }
		});
		const { data: event } = await supabase.from('events').select('id').eq('slug', SEED_EVENT).single();
		const calls = [
			supabase.rpc('import_members', {
				p_event_id: event!.id,
				p_rows: [['x@example.org', 'X', null, null, null, 'organiser', null]]
			}),
			supabase.rpc('member_contacts', { p_event_id: event!.id }),
			supabase.rpc('record_invitations', { p_event_id: event!.id, p_member_ids: [] }),
			supabase.rpc('badge_links_for', { p_event_id: event!.id })
		];
		for (const { error } of await Promise.all(calls)) {
			expect(error?.hint).toBe('not_an_organiser');
			expect(t('ru', errorMessageKey({ ...error!, status: 403 }))).toBe(t('ru', 'error.data.notAnOrganiser'));
		}
		const redeem = await supabase.rpc('redeem_badge_link', { p_token: '0'.repeat(64) });
		expect(redeem.error?.code).toBe('42501');
	});
});
