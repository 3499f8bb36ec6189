// As the attack: links and forms that carry where to go next (next, redirectTo) with a
// path that a browser would read as another host. Each lands on the site instead. And the
// session cookie a real sign-in leaves is out of reach of scripts.
import { signInAs } from './sign-in-as';
import { expect, test } from './fixtures';

const HOSTILE = [
	'/.//evil.example/',
	'//evil.example/',
	'/\\evil.example/',
	'/%2F%2Fevil.example/',
	'/..//evil.example/'
];

function staysOnSite(location: string | undefined, baseURL: string): void {
	expect(location).toBeDefined();
	const target = new URL(location!, baseURL);
	expect(target.origin).toBe(new URL(baseURL).origin);
	expect(target.pathname.startsWith('//')).toBe(false);
}

test.describe('next and redirectTo stay on the site', () => {
	for (const next of HOSTILE) {
		test(`/auth/confirm and /auth/callback with next=${next}`, async ({ request, baseURL }) => {
			for (const route of ['/auth/confirm?token_hash=forged&type=magiclink', '/auth/callback?code=forged']) {
				const response = await request.get(`${route}&next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
				expect(response.status()).toBe(303);
				const location = response.headers()['location'];
				staysOnSite(location, baseURL!);
				expect(new URL(location!, baseURL).searchParams.get('next')).toBe('/');
			}
		});

		test(`/sign-in and /locale with ${next}`, async ({ page, request, baseURL }) => {
			await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
			await expect(page.locator('input[name="next"]')).toHaveValue('/');

			const response = await request.post('/locale', {
				form: { locale: 'ro', redirectTo: next },
				headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			expect(response.headers()['location']).toBe('/');
		});
	}
});

test('the session cookie is HttpOnly and does not outlive the session', async ({ page, context }) => {
	await signInAs(page, 'delegate.bg.1@accord.test');
	const session = (await context.cookies()).filter((cookie) => /^sb-.+-auth-token/.test(cookie.name));
	expect(session.length).toBeGreaterThan(0);
	for (const cookie of session) {
		expect(cookie.httpOnly).toBe(true);
		expect(cookie.sameSite).toBe('Lax');
		// [auth.sessions] inactivity_timeout: a week, not @supabase/ssr's 400 days.
		expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(7 * 24 * 60 * 60 * 1000);
	}
	expect(await page.evaluate(() => document.cookie)).not.toMatch(/sb-.+-auth-token/);
});
