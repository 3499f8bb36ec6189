// axe in every language on every page the events-and-people work added: the programme
// pages, /start, the person's own pages and the organiser console. The language is set the
// way a person sets it, with the header's language switcher (for a signed-in person it
// also becomes their preference, which outranks the cookie), and every page is checked to
// be in that language before axe runs. English goes last, so the organiser is left with
// the language the other specs expect.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';
import { axeViolations } from './voting-helpers';

const SLUG = 'social-workforce-2018';
const ORGANISER = 'organiser@accord.test';
const ORDER: Locale[] = ['ro', 'ru', 'en'];
const LANGUAGE_NAME: Record<Locale, string> = { en: 'English', ro: 'Română', ru: 'Русский' };

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
let organiserCookies: Cookies | undefined;

/** The organiser's session, signed in once for the three runs (Auth allows one link a minute). */
async function organiserPage(page: Page): Promise<void> {
	if (!organiserCookies) {
		await signInAs(page, ORGANISER);
		organiserCookies = await page.context().cookies();
	} else {
		await page.context().addCookies(organiserCookies);
	}
}

/** Chooses the language in the header, as a person does, and waits for the page to follow. */
async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
	await page.goto('/events');
	const current = (await page.locator('html').getAttribute('lang')) as Locale;
	const switcher = page.getByRole('group', { name: t(current, 'language.label') });
	await switcher.getByRole('button', { name: LANGUAGE_NAME[locale] }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(
		page.getByRole('group', { name: t(locale, 'language.label') }).getByRole('button', { name: LANGUAGE_NAME[locale] })
	).toHaveAttribute('aria-pressed', 'true');
}

async function expectAccessible(page: Page, path: string, locale: Locale): Promise<void> {
	await page.goto(path);
	// The server rendered the page in the chosen language (not just the client's guess).
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	expect(await axeViolations(page), `${path} in ${locale}`).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

for (const locale of ORDER) {
	test(`every page of events, people and the programme passes axe in ${locale}`, async ({ browser, page }) => {
		test.setTimeout(420_000);
		await organiserPage(page);
		await chooseLanguage(page, locale);

		// A session of the seed, found the way a reader finds it.
		await page.goto(`/${SLUG}/programme`);
		const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const sessionId = hrefs
			.map((href) => new RegExp(`^/${SLUG}/programme/([0-9a-f-]{36})$`).exec(href)?.[1])
			.find(Boolean);
		expect(sessionId, 'a session on the programme').toBeTruthy();

		const pages = [
			`/${SLUG}`,
			`/${SLUG}/programme`,
			`/${SLUG}/programme/${sessionId}`,
			'/events',
			'/events/new',
			'/profile',
			`/${SLUG}/organise`,
			`/${SLUG}/organise/settings`,
			`/${SLUG}/organise/members`,
			`/${SLUG}/organise/import`,
			`/${SLUG}/organise/invitations`,
			`/${SLUG}/organise/badges`,
			`/${SLUG}/organise/sessions`,
			`/${SLUG}/organise/sessions/new`,
			`/${SLUG}/organise/sessions/${sessionId}/edit`
		];
		for (const path of pages) await expectAccessible(page, path, locale);

		// The import's problem report, a state of its own.
		await page.goto(`/${SLUG}/organise/import`);
		await page.getByLabel(t(locale, 'peopleImport.fileLabel')).setInputFiles({
			name: 'bad.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Name;Emial\nA;a@example.org\n', 'utf8')
		});
		await page.getByRole('button', { name: t(locale, 'peopleImport.previewButton') }).click();
		await expect(page.getByRole('alert')).toContainText(t(locale, 'peopleImport.nothingWritten'));
		expect(await axeViolations(page), `import problems in ${locale}`).toEqual([]);

		// /start is for people without an account: a visitor who chose the language.
		const visitor = await browser.newContext();
		const visitorPage = await visitor.newPage();
		await visitorPage.goto('/start');
		const switcher = visitorPage.getByRole('group', { name: t('en', 'language.label') });
		if (locale !== 'en') {
			await switcher.getByRole('button', { name: LANGUAGE_NAME[locale] }).click();
		}
		await expectAccessible(visitorPage, '/start', locale);
		await visitor.close();
	});
}
