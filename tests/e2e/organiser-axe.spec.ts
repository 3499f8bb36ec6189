// axe in every language on every page the events-and-people work added: /start, the
// person's own pages and the organiser console (the event home, the programme and the
// session page are checked in every language by ui-parts, programme-timetable and
// session-notes). The organiser reads in the language of their cookie (the switcher would
// make it their saved preference, which every later spec would then inherit); every page
// is checked to be in that language before axe runs.
import type { Page } from '@playwright/test';
import { expect, t, test, type Locale } from './fixtures';
import { signInReading } from './sign-in-as';
import { seriousViolations } from './axe';

const SLUG = 'social-workforce-2018';
const ORGANISER = 'organiser@accord.test';
const ORDER: Locale[] = ['ro', 'ru', 'en'];
const LANGUAGE_NAME: Record<Locale, string> = { en: 'English', ro: 'Română', ru: 'Русский' };

async function expectAccessible(page: Page, path: string, locale: Locale): Promise<void> {
	await page.goto(path);
	// The server rendered the page in the chosen language (not just the client's guess).
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
}

for (const locale of ORDER) {
	test(`every page of events and people passes axe in ${locale}`, async ({ browser, page }) => {
		test.setTimeout(420_000);
		await signInReading(browser, page, ORGANISER, locale);

		// A session of the seed, found the way a reader finds it.
		await page.goto(`/${SLUG}/programme`);
		const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const sessionId = hrefs
			.map((href) => new RegExp(`^/${SLUG}/programme/([0-9a-f-]{36})$`).exec(href)?.[1])
			.find(Boolean);
		expect(sessionId, 'a session on the programme').toBeTruthy();

		const pages = [
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
		expect(await seriousViolations(page), `import problems in ${locale}`).toEqual([]);

		// /start is for people without an account: a visitor who chose the language.
		const visitor = await browser.newContext();
		const visitorPage = await visitor.newPage();
		await visitorPage.goto('/start');
		const switcher = visitorPage.getByRole('group', { name: t('en', 'language.label') });
		if (locale !== 'en') {
			await switcher.getByRole('button', { name: LANGUAGE_NAME[locale] }).click();
			await expect(visitorPage.locator('html')).toHaveAttribute('lang', locale);
		}
		await expectAccessible(visitorPage, '/start', locale);
		await visitor.close();
	});
}
