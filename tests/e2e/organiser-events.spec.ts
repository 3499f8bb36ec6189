// Events, people and members as organisers and delegates meet them: the organiser console,
// creating and publishing an event, settings and days, the profile, the members list.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LOCALES, expect, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

const SEED_EVENT = 'social-workforce-2018';
const ORGANISER = 'organiser@accord.test';
const DELEGATE = 'delegate.ge.1@accord.test';
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
// Outside test-results, which each run empties, so they can be looked at after a partial run.
const SCREENS = process.env.SCREENSHOT_DIR ?? '/tmp/accord-screens/organiser-events';

// Auth lets one address ask for a link once a minute: each person signs in once per run
// and later tests reuse their cookies.
type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
const signedIn = new Map<string, Cookies>();

/** signInAs, waiting out Auth's minute when the address asked for a link just before (demo links at start). */
async function signInOnce(page: Page, email: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel(t('en', 'auth.email')).fill(email);
	await page.getByRole('button', { name: t('en', 'auth.sendLink') }).click();
	const limited = page.getByRole('alert').filter({ hasText: t('en', 'auth.errors.rateLimited') });
	await expect(page.getByRole('status').or(limited)).toBeVisible();
	if (!(await limited.isVisible())) {
		await page.goto('/dev/outbox');
		const message = page.getByRole('listitem').filter({ hasText: email }).first();
		await message.getByRole('link', { name: t('en', 'outbox.openLink') }).click();
		await expect(page.getByRole('button', { name: t('en', 'auth.signOut') })).toBeVisible();
		return;
	}
	test.setTimeout(150_000);
	await page.waitForTimeout(61_000);
	await signInAs(page, email);
}

async function signIn(browser: Browser, page: Page, email: string, locale: Locale = 'en'): Promise<void> {
	let cookies = signedIn.get(email);
	if (!cookies) {
		const context = await browser.newContext();
		await signInOnce(await context.newPage(), email);
		cookies = (await context.cookies()).filter((cookie) => cookie.name !== 'accord_locale');
		signedIn.set(email, cookies);
		await context.close();
	}
	await page.context().addCookies([...cookies, { name: 'accord_locale', value: locale, url: BASE_URL }]);
}

async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Screenshots at a phone's and a laptop's width, for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('organiser console', () => {
	test('an organiser finds the console from the event and sees its overview', async ({ browser, page }) => {
		await signIn(browser, page, ORGANISER);
		await page.goto(`/${SEED_EVENT}/programme`);
		await page
			.getByRole('navigation', { name: t('en', 'nav.main') })
			.getByRole('link', { name: t('en', 'nav.organise') })
			.click();
		await expect(page).toHaveURL(`/${SEED_EVENT}/organise`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'organiser.overview.title'));
		const sections = page.getByRole('navigation', { name: t('en', 'organiser.console.sections') });
		await expect(sections.getByRole('link', { name: t('en', 'organiser.sections.overview') })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(page.getByRole('heading', { name: /\d+ members/ })).toBeVisible();
		await screenshots(page, 'organise-overview');
	});

	for (const locale of LOCALES) {
		test(`the overview has no serious accessibility violation in ${locale}`, async ({ browser, page }) => {
			await signIn(browser, page, ORGANISER, locale);
			await page.goto(`/${SEED_EVENT}/organise`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'organiser.overview.title'));
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
});

test.describe('a delegate at the console', () => {
	// The browser reports the refused page's status as a console error, and the plain error
	// page (the hook refuses before any layout) has no icon link, so it asks for /favicon.ico.
	test.use({ allowedConsoleErrors: [/status of 40[34]/] });

	test('is not offered it and is refused it', async ({ browser, page }) => {
		await signIn(browser, page, DELEGATE);
		await page.goto(`/${SEED_EVENT}/programme`);
		await expect(page.getByRole('link', { name: t('en', 'nav.organise') })).toHaveCount(0);
		const response = await page.goto(`/${SEED_EVENT}/organise`);
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 }).first()).toContainText('403');
	});
});
