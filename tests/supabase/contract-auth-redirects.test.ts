// Auth contract tests, as the attack: a redirect_to that looks allowed as a string but
// takes the browser (and the #access_token GoTrue appends) somewhere else falls back to
// the site URL, as GoTrue's IsRedirectURLValid does. The allow-list is the one local mode
// uses (whole origins on the app's port) plus a partner path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followLink, newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

const SITE = 'http://localhost:3000';
const PARTNER = 'https://partner.accord.test/auth/';

let stack: AuthStack;

beforeAll(async () => {
	stack = await startAuthStack(
		{ emailMinInterval: 0 },
		{ siteUrl: SITE, redirectUrls: [SITE, 'http://127.0.0.1:3000', `${PARTNER}**`] }
	);
});

afterAll(async () => {
	await stack?.close();
});

/** Where GoTrue's mail link would send the person, for this redirect_to. */
async function mailedRedirect(redirectTo: string): Promise<string | null> {
	const email = newEmail('redirect');
	const response = await stack.authFetch(`/otp?redirect_to=${encodeURIComponent(redirectTo)}`, {
		method: 'POST',
		body: JSON.stringify({ email })
	});
	expect(response.status).toBe(200);
	return new URL((await stack.latestMail(email)).link!).searchParams.get('redirect_to');
}

describe('redirect_to is judged as the browser parses it', () => {
	it.each([
		['userinfo in front of another host', 'http://localhost:3000@evil.example/'],
		['userinfo with the loopback IP', 'http://127.0.0.1:3000@evil.example/'],
		['a host that merely starts with the site', 'http://localhost:3000.evil.example/'],
		['a port that merely starts with the site port', 'http://localhost:30001/'],
		['another port on loopback', 'http://localhost:4000/'],
		['another scheme', 'https://localhost:3000/'],
		['a backslash before userinfo', 'http://localhost:3000\\@evil.example/'],
		['a backslash authority', 'http:/\\evil.example/'],
		['dot segments out of the allowed path', 'https://partner.accord.test/auth/../admin'],
		['encoded dot segments out of the allowed path', 'https://partner.accord.test/auth/%2e%2e/admin'],
		['the allowed host as userinfo', 'https://partner.accord.test@evil.example/auth/'],
		['a leading tab', '\thttp://evil.example/'],
		['an encoded host separator', 'http://localhost:3000%2F@evil.example/'],
		['script', 'javascript:alert(document.cookie)//http://localhost:3000/'],
		['a data URL', 'data:text/html,<script>alert(1)</script>']
	])('%s (%s) falls back to the site URL', async (_label, redirectTo) => {
		expect(await mailedRedirect(redirectTo)).toBe(SITE);
	});

	it.each([
		[
			'the site',
			'http://localhost:3000/auth/callback?next=%2Fprogramme',
			'http://localhost:3000/auth/callback?next=%2Fprogramme'
		],
		['the site in capitals', 'HTTP://LOCALHOST:3000/auth/confirm', 'http://localhost:3000/auth/confirm'],
		['a whole allowed origin', 'http://127.0.0.1:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'],
		['under an allowed path', 'https://partner.accord.test/auth/callback', 'https://partner.accord.test/auth/callback']
	])('%s (%s) is honoured', async (_label, redirectTo, expected) => {
		expect(await mailedRedirect(redirectTo)).toBe(expected);
	});

	it('a tampered link lands on the site, with the tokens in the site URL only', async () => {
		const email = newEmail('tamper');
		await stack.authFetch('/otp', { method: 'POST', body: JSON.stringify({ email }) });
		const link = new URL((await stack.latestMail(email)).link!);
		link.searchParams.set('redirect_to', 'http://localhost:3000@evil.example/');
		const landing = await followLink(link.toString());
		expect(landing.host).toBe('localhost:3000');
		expect(landing.username).toBe('');
		expect(landing.hash).toContain('access_token=');
	});
});
