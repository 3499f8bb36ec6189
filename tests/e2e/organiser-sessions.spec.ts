// Issue 10, the organisers' side of the programme: an organiser (Romanian UI) creates,
// edits, reorders and starts a session while a delegate (Russian UI) watches the public
// programme change without reloading; bad input is refused with its reason and nothing
// typed is lost; a delegate's requests to the organisers' actions are refused in their
// language; the pages pass axe in each language and are photographed at two widths.
import { seriousViolations } from './axe';
import type { Page } from '@playwright/test';
import { personClient } from './clients';
import { errorMessageKey } from '../../src/lib/domain/errors.ts';
import { formatDateRange } from '../../src/lib/domain/format.ts';
import { BROWSER_LOCALE, LOCALES, expect, t, test } from './fixtures';
import { signInReading } from './sign-in-as';

const EVENT = 'social-workforce-2018';
const EVENT_ID = 'e0000000-0000-4000-8000-000000002018';
const DAY_THREE = 'd0000000-0000-4000-8000-000000201803';
const CLOSING_PLENARY = '50000000-0000-4000-8000-000000001817';
const MIHAELA = 'b2018000-0000-4000-8000-000000000002';
const ORGANISER = 'organiser@accord.test';
const DELEGATE = 'delegate.am.1@accord.test';
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const SCREENS = process.env.SCREENSHOT_DIR ?? '/tmp/accord-screens/organiser-sessions';
const LIST = `/${EVENT}/organise/sessions`;

async function screenshots(page: Page, name: string): Promise<void> {
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

const TITLE_EN = 'Regional peer exchange on supervision';
const TITLE_RO = 'Schimb regional de experiență privind supervizarea';
const HTML = '<img src=x onerror="window.__injected=1"><b>not bold</b>';

test.describe('organiser sessions', () => {
	test('an organiser creates, edits, reorders and starts a session; a delegate watching in Russian sees each change live', async ({
		browser,
		page,
		baseURL
	}) => {
		test.setTimeout(180_000);
		const organiserApi = await personClient(baseURL!, ORGANISER);
		const { data: plenary } = await organiserApi
			.from('sessions')
			.select('starts_at, ends_at, room')
			.eq('id', CLOSING_PLENARY)
			.single();

		// The delegate's programme, in Russian, open before anything changes.
		const delegateContext = await browser.newContext({ locale: BROWSER_LOCALE.ru });
		const reader = await delegateContext.newPage();
		await signInReading(browser, reader, DELEGATE, 'ru');
		await reader.goto(`/${EVENT}/programme`);
		await expect(reader.locator('html')).toHaveAttribute('lang', 'ru');
		await expect(reader.locator('header[data-live]')).toHaveAttribute('data-live', 'live');
		await reader.evaluate(() => Object.assign(window, { __sameDocument: true }));

		await page.context().setExtraHTTPHeaders({ 'accept-language': BROWSER_LOCALE.ro });
		await signInReading(browser, page, ORGANISER, 'ro');
		try {
			await page.goto(LIST);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ro', 'sessions.title'));
			await page
				.getByRole('link', { name: t('ro', 'sessions.new') })
				.first()
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ro', 'sessions.newTitle'));

			// A title only in Romanian: the event's default language (English) is required; nothing typed is lost.
			await page.getByLabel(t('ro', 'sessions.form.day')).selectOption(DAY_THREE);
			await page.getByLabel(t('ro', 'sessions.form.startTime')).fill('17:00');
			await page.getByLabel(t('ro', 'sessions.form.endTime')).fill('16:00');
			await page.getByLabel(t('ro', 'sessions.form.room')).fill('E');
			await page.getByLabel(t('ro', 'sessions.form.format')).selectOption('working_group');
			await page.getByLabel(t('ro', 'sessions.form.title', { language: 'ro' })).fill(TITLE_RO);
			await page.getByLabel(t('ro', 'sessions.form.description', { language: 'en' })).fill(HTML);
			await page.getByLabel(t('ro', 'sessions.people.role')).first().selectOption('rapporteur');
			await page.getByLabel(t('ro', 'sessions.people.member')).first().selectOption(MIHAELA);
			await page.getByLabel(t('ro', 'sessions.people.name')).nth(1).fill('Olena Kovalenko');
			await page
				.getByLabel(t('ro', 'sessions.people.affiliation', { language: 'en' }))
				.nth(1)
				.fill('Ministry of Social Policy');
			await page.getByRole('button', { name: t('ro', 'sessions.form.create') }).click();
			await expect(page.getByText(t('ro', 'sessions.error.titleInDefaultLanguage', { language: 'en' }))).toBeVisible();
			await expect(page.getByText(t('ro', 'sessions.error.endsBeforeStart'))).toBeVisible();
			await expect(page.getByLabel(t('ro', 'sessions.form.title', { language: 'ro' }))).toHaveValue(TITLE_RO);
			await expect(page.getByLabel(t('ro', 'sessions.form.description', { language: 'en' }))).toHaveValue(HTML);
			await expect(page.getByLabel(t('ro', 'sessions.people.name')).nth(1)).toHaveValue('Olena Kovalenko');
			await expect(page.getByLabel(t('ro', 'sessions.form.room'))).toHaveValue('E');
			// The Russian title is still missing, and the form says so.
			await expect(page.getByTestId('missing-in-form')).toContainText('RU');

			await page.getByLabel(t('ro', 'sessions.form.title', { language: 'en' })).fill(TITLE_EN);
			await page.getByLabel(t('ro', 'sessions.form.endTime')).fill('18:00');
			await page.getByRole('button', { name: t('ro', 'sessions.form.create') }).click();
			await expect(page.getByText(t('ro', 'sessions.flash.created', { title: TITLE_RO }))).toBeVisible();
			await expect(page.getByTestId('missing-translations')).toContainText(
				t('ro', 'sessions.missing.count', { language: 'ru', count: 1 })
			);

			// The delegate sees it appear (in English: there is no Russian title yet), its HTML inert.
			const card = reader.getByRole('article').filter({ hasText: TITLE_EN });
			await expect(card).toBeVisible();
			await expect(card).toContainText('<b>not bold</b>');
			expect(await reader.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();

			// Edit: a room already in use at that time is a warning, confirmed, not a refusal.
			await page.getByRole('link', { name: t('ro', 'sessions.editTitle', { title: TITLE_RO }) }).click();
			await page.getByLabel(t('ro', 'sessions.form.startTime')).fill('15:30');
			await page.getByLabel(t('ro', 'sessions.form.endTime')).fill('17:00');
			await page.getByLabel(t('ro', 'sessions.form.room')).fill('A');
			await page
				.getByLabel(t('ro', 'sessions.form.title', { language: 'ru' }))
				.fill('Региональный обмен опытом по супервизии');
			await page.getByRole('button', { name: t('ro', 'sessions.form.save') }).click();
			const warning = page.getByRole('alert').filter({ hasText: t('ro', 'sessions.conflicts.title') });
			await expect(warning).toContainText(
				t('ro', 'sessions.conflicts.room', {
					what: 'A',
					title: 'Sesiunea plenară de închidere: adoptarea Apelului la acțiune',
					time: '14:00–16:00'
				}).slice(0, 12)
			);
			await expect(page.getByLabel(t('ro', 'sessions.form.startTime'))).toHaveValue('15:30');
			await page.getByRole('button', { name: t('ro', 'sessions.conflicts.confirm') }).click();
			await expect(page.getByText(t('ro', 'sessions.flash.saved', { title: TITLE_RO }))).toBeVisible();
			await expect(
				reader.getByRole('article').filter({ hasText: 'Региональный обмен опытом по супервизии' })
			).toBeVisible();

			// Reorder with the keyboard buttons: it moves before the closing plenary, keeping its length.
			const row = page.getByRole('article').filter({ hasText: TITLE_RO });
			await page.getByRole('button', { name: t('ro', 'sessions.moveEarlier', { title: TITLE_RO }) }).click();
			await expect(row).toContainText('14:00–15:30');
			const dayThree = page.locator('section').filter({ has: page.getByRole('heading', { name: /Ziua 3/ }) });
			const titles = await dayThree.getByRole('heading', { level: 3 }).allTextContents();
			expect(titles.findIndex((x) => x.includes(TITLE_RO))).toBeLessThan(
				titles.findIndex((x) => x.includes('Sesiunea plenară de închidere'))
			);

			// Live: the delegate's card turns live without a reload.
			await row.getByRole('button', { name: t('ro', 'sessions.setStatus', { status: 'live' }) }).click();
			await expect(
				page.getByText(t('ro', 'sessions.statusChanged', { title: TITLE_RO, status: 'live' }))
			).toBeVisible();
			const liveCard = reader.getByRole('article').filter({ hasText: 'Региональный обмен опытом по супервизии' });
			await expect(liveCard).toContainText(t('ru', 'programme.status.live'));
			expect(await reader.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
		} finally {
			const { data: created } = await organiserApi.from('sessions').select('id').eq('title->>en', TITLE_EN);
			for (const { id } of created ?? []) await organiserApi.from('sessions').delete().eq('id', id);
			if (plenary) await organiserApi.from('sessions').update(plenary).eq('id', CLOSING_PLENARY);
			await delegateContext.close();
		}
	});

	test('times outside the event are refused with the event’s dates, and what was typed stays', async ({
		browser,
		page,
		baseURL
	}) => {
		const organiserApi = await personClient(baseURL!, ORGANISER);
		const { data: user } = await organiserApi.auth.getUser();
		const slug = `sessions-no-days-${Date.now().toString(36)}`;
		const created = await organiserApi
			.from('events')
			.insert({
				slug,
				title: { en: 'Consultation without days' },
				starts_on: '2026-05-12',
				ends_on: '2026-05-13',
				timezone: 'Europe/Chisinau',
				created_by: user.user!.id
			})
			.select('id')
			.single();
		expect(created.error).toBeNull();
		try {
			await signInReading(browser, page, ORGANISER, 'en');
			await page.goto(`/${slug}/organise/sessions/new`);
			await page.getByLabel(t('en', 'sessions.form.date')).fill('2026-05-14');
			await page.getByLabel(t('en', 'sessions.form.startTime')).fill('09:00');
			await page.getByLabel(t('en', 'sessions.form.endTime')).fill('10:00');
			await page.getByLabel(t('en', 'sessions.form.title', { language: 'en' })).fill('Too late');
			await page.getByRole('button', { name: t('en', 'sessions.form.create') }).click();
			await expect(
				page.getByText(
					t('en', 'sessions.error.outsideEvent', { dates: formatDateRange('2026-05-12', '2026-05-13', 'en') })
				)
			).toBeVisible();
			await expect(page.getByLabel(t('en', 'sessions.form.date'))).toBeFocused();
			await expect(page.getByLabel(t('en', 'sessions.form.title', { language: 'en' }))).toHaveValue('Too late');

			await page.getByLabel(t('en', 'sessions.form.date')).fill('2026-05-13');
			await page.getByRole('button', { name: t('en', 'sessions.form.create') }).click();
			await expect(page.getByText(t('en', 'sessions.flash.created', { title: 'Too late' }))).toBeVisible();
			await expect(page.getByRole('heading', { name: t('en', 'sessions.noDay') })).toBeVisible();
			// The whole programme translated? Only English is a working language here by default.
			await screenshots(page, 'list-no-days-en');
		} finally {
			await organiserApi.from('events').delete().eq('id', created.data!.id);
		}
	});

	test.describe('as a delegate', () => {
		// The browser reports the refused page's status as a console error.
		test.use({ allowedConsoleErrors: [/status of 403/] });

		test('a delegate is refused the organisers’ pages, form actions and direct calls, in Russian', async ({
			browser,
			page,
			baseURL
		}) => {
			await signInReading(browser, page, DELEGATE, 'ru');
			const response = await page.goto(LIST);
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { name: t('ru', 'error.forbidden.title') })).toBeVisible();

			for (const [action, form] of [
				['?/status', { id: CLOSING_PLENARY, status: 'live' }],
				['?/move', { id: CLOSING_PLENARY, direction: 'earlier' }]
			] as const) {
				const posted = await page.request.post(`${LIST}${action}`, {
					form,
					headers: { origin: BASE_URL, accept: 'text/html' }
				});
				expect(posted.status()).toBe(403);
				expect(await posted.text()).toContain(t('ru', 'error.forbidden.title'));
			}
			const edit = await page.request.post(`${LIST}/${CLOSING_PLENARY}/edit?/delete`, {
				form: { confirm: 'yes' },
				headers: { origin: BASE_URL }
			});
			expect(edit.status()).toBe(403);

			const delegateApi = await personClient(baseURL!, DELEGATE);
			const insert = await delegateApi.from('sessions').insert({
				event_id: EVENT_ID,
				day_id: DAY_THREE,
				starts_at: '2018-11-23T17:00:00+02:00',
				ends_at: '2018-11-23T18:00:00+02:00',
				format: 'panel',
				title: { en: 'Mine' }
			});
			expect(t('ru', errorMessageKey({ ...insert.error!, status: insert.status }))).toBe(
				t('ru', 'error.data.forbidden')
			);
			const rpc = await delegateApi.rpc('reschedule_sessions', { p_event_id: EVENT_ID, p_changes: [] });
			expect(t('ru', errorMessageKey({ ...rpc.error!, status: rpc.status }))).toBe(
				t('ru', 'error.data.notAnOrganiser')
			);
			const person = await delegateApi
				.from('session_people')
				.insert({ session_id: CLOSING_PLENARY, role: 'speaker', name: 'Me' });
			expect(errorMessageKey({ ...person.error!, status: person.status })).toBe('error.data.forbidden');
			// An update or delete RLS filters out changes nothing.
			const update = await delegateApi
				.from('sessions')
				.update({ status: 'live' })
				.eq('id', CLOSING_PLENARY)
				.select('id');
			expect(update.data).toEqual([]);
			const removed = await delegateApi.from('session_people').delete().eq('session_id', CLOSING_PLENARY).select('id');
			expect(removed.data).toEqual([]);
		});
	});

	for (const locale of LOCALES) {
		// The list, new and edit pages are checked by organiser-axe.spec.ts; here, a state of its own.
		test(`the delete confirmation passes axe in ${locale} and the pages are photographed`, async ({
			browser,
			page
		}) => {
			await page.context().setExtraHTTPHeaders({ 'accept-language': BROWSER_LOCALE[locale] });
			await signInReading(browser, page, ORGANISER, locale);
			await page.goto(LIST);
			await screenshots(page, `list-${locale}`);
			await page.goto(`${LIST}/${CLOSING_PLENARY}/edit`);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await screenshots(page, `edit-${locale}`);
			await page.getByRole('button', { name: t(locale, 'sessions.delete.button') }).click();
			await expect(page.getByRole('button', { name: t(locale, 'sessions.delete.confirm') })).toBeVisible();
			expect(await seriousViolations(page), `delete ${locale}`).toEqual([]);
		});
	}
});
