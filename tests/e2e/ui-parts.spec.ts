// The UI parts (Form, Field, Button, Alert, Card, EmptyState, Badge) as people meet them on
// real pages: in each language, without JavaScript, by keyboard alone, and under axe.
import { seriousViolations } from './axe';
import type { Browser, Locator, Page } from '@playwright/test';
import { BROWSER_LOCALE, LOCALES, expect, t, test, type Locale } from './fixtures';

async function inLocale(browser: Browser, locale: Locale, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ locale: BROWSER_LOCALE[locale], ...options });
	return { context, page: await context.newPage() };
}

/** The sign-in form refused for a bad address, as the reader sees and hears it. */
async function expectRefusedAddress(page: Page, locale: Locale, typed: string): Promise<Locator> {
	const email = page.getByLabel(t(locale, 'auth.email'));
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	// The error is read first when the field takes focus, then the hint.
	await expect(email).toHaveAccessibleDescription(
		`${t(locale, 'auth.errors.emailInvalid')} ${t(locale, 'auth.emailHint')}`
	);
	await expect(page.getByText(t(locale, 'auth.errors.emailInvalid'))).toBeVisible();
	await expect(email).toHaveValue(typed);
	await expect(email).toBeFocused();
	return email;
}

test.describe('sign-in form', () => {
	for (const locale of LOCALES) {
		test(`refuses a bad address in ${locale}, keeps it and moves focus to it`, async ({ browser }) => {
			const { context, page } = await inLocale(browser, locale);
			await page.goto('/sign-in');
			await page.getByLabel(t(locale, 'auth.email')).fill('ioana.dumitrescu@');
			await page.getByRole('button', { name: t(locale, 'auth.sendLink') }).click();
			await expectRefusedAddress(page, locale, 'ioana.dumitrescu@');
			// The page did not reload: the form was enhanced.
			expect(page.url()).toMatch(/\/sign-in$/);
			await context.close();
		});
	}

	test('works without JavaScript: the refusal comes back in the page, focused', async ({ browser }) => {
		const { context, page } = await inLocale(browser, 'ru', { javaScriptEnabled: false });
		await page.goto('/sign-in?next=%2Fsocial-workforce-2018%2Fprogramme');
		await page.getByLabel(t('ru', 'auth.email')).fill('тигран@');
		const response = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: t('ru', 'auth.sendLink') }).click();
		expect((await response).status()).toBe(400);
		await expectRefusedAddress(page, 'ru', 'тигран@');
		// Where to go after signing in survives the refusal too.
		await expect(page.locator('input[name="next"]')).toHaveValue('/social-workforce-2018/programme');

		await page.getByLabel(t('ru', 'auth.email')).fill('no.such.delegate@example.org');
		await page.getByRole('button', { name: t('ru', 'auth.sendLink') }).click();
		await expect(page.getByRole('status')).toContainText('no.such.delegate@example.org');
		await context.close();
	});

	test('can be used by keyboard alone, with a visible focus', async ({ page }) => {
		await page.goto('/sign-in');
		const email = page.getByLabel(t('en', 'auth.email'));
		// From the top of the page, past the skip link and the header, to the field.
		for (let stops = 0; stops < 20 && !(await email.evaluate((el) => el === document.activeElement)); stops++) {
			await page.keyboard.press('Tab');
		}
		await expect(email).toBeFocused();
		expect(await email.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

		await page.keyboard.type('not an address');
		await page.keyboard.press('Enter');
		await expectRefusedAddress(page, 'en', 'not an address');

		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('keyboard.only@example.org');
		await page.keyboard.press('Tab');
		const send = page.getByRole('button', { name: t('en', 'auth.sendLink') });
		await expect(send).toBeFocused();
		expect(await send.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toContainText('keyboard.only@example.org');
	});
});

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
	const PAGES = [
		{ name: 'home', path: '/' },
		{ name: 'sign-in', path: '/sign-in' },
		{ name: 'sign-in, expired link', path: '/sign-in?error=link' },
		{ name: 'programme', path: '/social-workforce-2018/programme' },
		{ name: 'indicators', path: '/social-workforce-2018/indicators' },
		{ name: 'call to action', path: '/social-workforce-2018/call-to-action' }
	];

	for (const locale of LOCALES) {
		test(`finds nothing serious in ${locale}`, async ({ browser }) => {
			const { context, page } = await inLocale(browser, locale);
			for (const { name, path } of PAGES) {
				await page.goto(path);
				expect(await seriousViolations(page), `${locale} ${name}`).toEqual([]);
			}
			// The form in its refused state too.
			await page.goto('/sign-in');
			await page.getByLabel(t(locale, 'auth.email')).fill('ioana@');
			await page.getByRole('button', { name: t(locale, 'auth.sendLink') }).click();
			await expect(page.getByLabel(t(locale, 'auth.email'))).toHaveAttribute('aria-invalid', 'true');
			expect(await seriousViolations(page), `${locale} sign-in refused`).toEqual([]);
			await context.close();
		});
	}
});
