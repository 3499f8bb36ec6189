// Signing a browser in as a person who opened the link in their sign-in mail. The mail
// flow itself is the subject of sign-in.spec.ts and a few others; everywhere else the
// link comes from Auth's admin API, which is what a mail would carry, without the
// one-link-a-minute limit per address that would make a long suite wait.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { BROWSER_LOCALE, expect, t, test, type Locale } from './fixtures';
import { admin, serviceKey } from './service-role';

/** Auth sends one address at most one link a minute (config.toml, max_frequency). */
const LINK_INTERVAL_MS = 61_000;

function baseURL(): string {
	const url = test.info().project.use.baseURL;
	if (!url) throw new Error('playwright.config.ts sets no baseURL');
	return url;
}

/** A single-use sign-in link for a seeded person, as the sign-in mail would carry it. */
export async function signInLink(email: string, next = '/'): Promise<string> {
	const response = await fetch(`${baseURL()}/auth/v1/admin/generate_link`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${await serviceKey()}`,
			apikey: await serviceKey(),
			'content-type': 'application/json'
		},
		body: JSON.stringify({ type: 'magiclink', email })
	});
	const body = (await response.json()) as { hashed_token?: string; msg?: string };
	if (!response.ok || !body.hashed_token) throw new Error(`generate_link for ${email}: ${body.msg ?? response.status}`);
	return `/auth/confirm?token_hash=${body.hashed_token}&type=magiclink&next=${encodeURIComponent(next)}`;
}

export async function signInAs(page: Page, email: string, locale: Locale = 'en', next = '/'): Promise<void> {
	await page.goto(await signInLink(email, next));
	await expect(page.getByRole('button', { name: t(locale, 'auth.signOut') })).toBeVisible();
}

/** A new browser context (the person's own device) signed in as them. */
export async function signedIn(
	browser: Browser,
	email: string,
	options: { locale?: Locale; next?: string } & Omit<BrowserContextOptions, 'locale'> = {}
): Promise<Page> {
	const { locale = 'en', next, ...contextOptions } = options;
	const context = await browser.newContext({ locale: BROWSER_LOCALE[locale], ...contextOptions });
	const page = await context.newPage();
	await signInAs(page, email, locale, next);
	return page;
}

/**
 * Before a test asks for a sign-in mail through the page: waits out the one-link-a-minute
 * limit when this person was sent a link (or an admin link was made) less than a minute ago,
 * whichever test or process did it. Auth keeps that time on the user.
 */
export async function waitForLinkAllowance(page: Page, email: string): Promise<void> {
	const db = await admin(baseURL());
	const { data, error } = await db.auth.admin.listUsers({ perPage: 1000 });
	if (error) throw error;
	const user = data.users.find((candidate) => candidate.email === email.toLowerCase());
	const sentAt = [user?.recovery_sent_at, user?.confirmation_sent_at]
		.filter((at): at is string => !!at)
		.map((at) => Date.parse(at));
	const wait = Math.max(-Infinity, ...sentAt) + LINK_INTERVAL_MS - Date.now();
	if (wait <= 0) return;
	test.info().setTimeout(test.info().timeout + wait);
	await page.waitForTimeout(wait);
}
