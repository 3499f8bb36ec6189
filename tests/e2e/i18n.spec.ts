import { BROWSER_LOCALE, LOCALES, expect, t, test } from './fixtures';

test.describe('language', () => {
	for (const locale of LOCALES) {
		test(`home page renders in ${locale} from Accept-Language`, async ({ browser }) => {
			const context = await browser.newContext({ locale: BROWSER_LOCALE[locale] });
			const page = await context.newPage();
			const response = await page.goto('/');
			expect(response?.status()).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'app.tagline'));
			// Server-rendered in that language: the HTML itself, before hydration, has it.
			expect(await response?.text()).toContain(t(locale, 'home.intro'));
			await context.close();
		});
	}

	test('the switcher changes the language, keeps the page and survives a reload', async ({ page }) => {
		await page.goto('/sign-in?next=%2F');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'auth.signInTitle'));

		await page.getByRole('button', { name: 'Română' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ro', 'auth.signInTitle'));
		await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
		await expect(page.getByRole('button', { name: 'Română' })).toHaveAttribute('aria-pressed', 'true');

		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ro', 'auth.signInTitle'));

		await page.getByRole('button', { name: 'Русский' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ru', 'auth.signInTitle'));
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ru', 'app.tagline'));
	});

	test('the switcher works without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await page.getByRole('button', { name: 'Русский' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ru', 'app.tagline'));
		await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
		await context.close();
	});

	test('an unknown locale in the cookie or the header falls back to English', async ({ browser, request, baseURL }) => {
		const context = await browser.newContext({ locale: 'de-DE' });
		await context.addCookies([{ name: 'accord_locale', value: 'klingon', url: baseURL! }]);
		const page = await context.newPage();
		const response = await page.goto('/');
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'app.tagline'));
		await context.close();

		// Garbage a browser would never send, straight to the server.
		for (const header of ['tlh;q=abc,,;;', '*', 'x'.repeat(5000), 'ro;q=0, ru;q=0']) {
			const raw = await request.get('/', {
				headers: { 'accept-language': header, cookie: 'accord_locale=%00%FF../../etc' }
			});
			expect(raw.status()).toBe(200);
			expect(await raw.text()).toContain('<html lang="en">');
		}
	});

	test('a forged language in the switcher form is refused without breaking the page', async ({
		page,
		request,
		baseURL
	}) => {
		const response = await request.post('/locale', {
			form: { locale: 'de', redirectTo: '/' },
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(response.status()).toBeLessThan(500);
		expect(response.headers()['set-cookie'] ?? '').not.toContain('accord_locale=de');
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});
});

for (const locale of LOCALES) {
	test.describe(`error pages in ${locale}`, () => {
		test.use({ allowedConsoleErrors: [/status of 404/], locale: BROWSER_LOCALE[locale] });
		test('404 for an unknown event', async ({ page }) => {
			const response = await page.goto('/this-event-does-not-exist/programme');
			expect(response?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'error.notFound.title'));
			await expect(page.getByRole('link', { name: t(locale, 'error.backHome') })).toBeVisible();
		});
	});
}

test.describe('keyboard', () => {
	test('the first Tab reaches a visible skip link that moves focus to the content', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: t('en', 'nav.skipToContent') });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(page.locator('#main')).toBeFocused();
	});
});
