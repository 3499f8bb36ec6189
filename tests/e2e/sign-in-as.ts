// Signing a browser in the way a person does: ask for a link, open it from the local
// outbox (demo mode, which the e2e server runs in).
import type { Page } from '@playwright/test';
import { expect, t, type Locale } from './fixtures';

export async function signInAs(page: Page, email: string, locale: Locale = 'en'): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel(t(locale, 'auth.email')).fill(email);
	await page.getByRole('button', { name: t(locale, 'auth.sendLink') }).click();
	await expect(page.getByRole('status')).toContainText(email);
	await page.goto('/dev/outbox');
	const message = page.getByRole('listitem').filter({ hasText: email }).first();
	await message.getByRole('link', { name: t(locale, 'outbox.openLink') }).click();
	await expect(page.getByRole('button', { name: t(locale, 'auth.signOut') })).toBeVisible();
}
