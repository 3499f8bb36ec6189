// Signing a browser in the way a person does: ask for a link, open it from the local
// outbox (demo mode, which the e2e server runs in).
import type { Page } from '@playwright/test';
import { expect, t, test, type Locale } from './fixtures';

/** Auth sends one address at most one link a minute (config.toml, max_frequency). */
const LINK_INTERVAL_MS = 61_000;
/**
 * When this test process last asked for a link to each address. The demo server mails its
 * three demo people a link as it starts, just before the tests load this module.
 */
const lastLinkAt = new Map<string, number>(
	['organiser@accord.test', 'rapporteur2@accord.test', 'delegate.al.1@accord.test'].map((email) => [email, Date.now()])
);

/** Waits out the one-link-a-minute limit when an earlier test signed the same person in. */
async function waitForLinkAllowance(page: Page, email: string): Promise<void> {
	const wait = (lastLinkAt.get(email) ?? -Infinity) + LINK_INTERVAL_MS - Date.now();
	if (wait <= 0) return;
	test.info().setTimeout(test.info().timeout + wait);
	await page.waitForTimeout(wait);
}

export async function signInAs(page: Page, email: string, locale: Locale = 'en'): Promise<void> {
	await waitForLinkAllowance(page, email);
	await page.goto('/sign-in');
	await page.getByLabel(t(locale, 'auth.email')).fill(email);
	await page.getByRole('button', { name: t(locale, 'auth.sendLink') }).click();
	lastLinkAt.set(email, Date.now());
	await expect(page.getByRole('status')).toContainText(email);
	await page.goto('/dev/outbox');
	const message = page.getByRole('listitem').filter({ hasText: email }).first();
	await message.getByRole('link', { name: t(locale, 'outbox.openLink') }).click();
	await expect(page.getByRole('button', { name: t(locale, 'auth.signOut') })).toBeVisible();
}
