// Signing a browser in as a person who opened the link in their sign-in mail. The mail
// flow itself is the subject of sign-in.spec.ts and a few others; everywhere else the
// link comes from Auth's admin API, which is what a mail would carry, without the
// one-link-a-minute limit per address that would make a long suite wait.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { BROWSER_LOCALE, LOCALES, expect, t, test, type Locale } from './fixtures';
import { admin, serviceKey } from './clients';

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

/**
 * Signs the page in as the person. The page then speaks their preferred language: pass it as
 * `locale` to check that too, or leave it out when any language will do.
 */
export async function signInAs(page: Page, email: string, locale?: Locale, next = '/'): Promise<void> {
	await page.goto(await signInLink(email, next));
	const signOut = locale ? t(locale, 'auth.signOut') : new RegExp(LOCALES.map((l) => t(l, 'auth.signOut')).join('|'));
	await expect(page.getByRole('button', { name: signOut })).toBeVisible();
}

/** A new browser context (the person's own device) signed in as them. */
export async function signedIn(
	browser: Browser,
	email: string,
	options: { locale?: Locale; next?: string } & Omit<BrowserContextOptions, 'locale'> = {}
): Promise<Page> {
	const { locale, next, ...contextOptions } = options;
	const context = await browser.newContext({ locale: BROWSER_LOCALE[locale ?? 'en'], ...contextOptions });
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

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
/** Each person's session cookies, made once per test process and handed to later contexts. */
const sessionCookies = new Map<string, Cookies>();

/**
 * Signs the page's context in as a person who reads in `locale` (the language cookie), by
 * giving it that person's session: cheaper than a sign-in per test, and the same session.
 */
export async function signInReading(browser: Browser, page: Page, email: string, locale: Locale = 'en'): Promise<void> {
	let cookies = sessionCookies.get(email);
	if (!cookies) {
		const context = await browser.newContext();
		await signInAs(await context.newPage(), email);
		cookies = (await context.cookies()).filter((cookie) => cookie.name !== 'accord_locale');
		sessionCookies.set(email, cookies);
		await context.close();
	}
	await page.context().addCookies([...cookies, { name: 'accord_locale', value: locale, url: baseURL() }]);
}
