// The session cookie as the app's server writes it after a real sign-in through
// @supabase/ssr (today's defaults: readable by any script for 400 days), and the session
// behind it ending after [auth.sessions] inactivity_timeout, as GoTrue ends it.
import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_INACTIVITY_SECONDS } from '../../src/lib/server/session-cookie.ts';
import { createSupabaseServerClient } from '../../src/lib/supabase/server.ts';
import { newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

let stack: AuthStack;
let clock = Date.now();

beforeAll(async () => {
	stack = await startAuthStack({ sessionInactivityTimeout: SESSION_INACTIVITY_SECONDS, now: () => clock });
});

afterAll(async () => {
	await stack?.close();
});

interface Written {
	value: string;
	options: Parameters<Cookies['set']>[2];
}

/** The request's cookies as SvelteKit holds them, recording what the client sets. */
function cookieJar(): { cookies: Cookies; written: Map<string, Written> } {
	const written = new Map<string, Written>();
	const cookies = {
		get: (name: string) => written.get(name)?.value,
		getAll: () => [...written].map(([name, { value }]) => ({ name, value })),
		set: (name: string, value: string, options: Written['options']) => void written.set(name, { value, options }),
		delete: (name: string) => void written.delete(name),
		serialize: () => ''
	} as Cookies;
	return { cookies, written };
}

async function signInThroughTheServer(site: string) {
	const email = newEmail('cookie');
	await stack.confirmedUser(email, 'password-123');
	const jar = cookieJar();
	const client = createSupabaseServerClient(jar.cookies, {
		url: stack.url,
		anonKey: stack.anonKey,
		siteUrl: new URL(site)
	});
	const { data, error } = await client.auth.signInWithPassword({ email, password: 'password-123' });
	expect(error).toBeNull();
	return { ...jar, session: data.session! };
}

describe('the session cookie', () => {
	it.each([
		['http://192.168.1.20:3000/', false],
		['https://accord.example.org/', true]
	])('on %s is HttpOnly, Secure %s, and lives as long as the session may idle', async (site, secure) => {
		const { written } = await signInThroughTheServer(site);
		const session = [...written].filter(([name]) => name.startsWith('sb-') && name.includes('-auth-token'));
		expect(session.length).toBeGreaterThan(0);
		for (const [, { options }] of session) {
			expect(options).toMatchObject({ path: '/', httpOnly: true, secure, sameSite: 'lax' });
			expect(options.maxAge).toBe(SESSION_INACTIVITY_SECONDS);
		}
	});

	it('outlives no session: an idle session ends when its cookie would expire', async () => {
		const { session } = await signInThroughTheServer('http://localhost:3000/');
		clock += (SESSION_INACTIVITY_SECONDS - 60) * 1000;
		const active = await stack.client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(active.error).toBeNull();

		clock += (SESSION_INACTIVITY_SECONDS + 1) * 1000;
		const idle = await stack.client().auth.refreshSession({ refresh_token: active.data.session!.refresh_token });
		expect(idle.error?.code).toBe('session_expired');
		expect(idle.error?.message).toBe('Invalid Refresh Token: Session Expired (Inactivity)');
	});
});
