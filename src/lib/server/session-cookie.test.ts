import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { authSettingsFromToml } from '../../../supabase/local/auth/project-config.ts';
import { SESSION_INACTIVITY_SECONDS, sessionCookieOptions } from './session-cookie.ts';

const SSR_DEFAULTS = { path: '/', sameSite: 'lax' as const, httpOnly: false, maxAge: 400 * 24 * 60 * 60 };

describe('sessionCookieOptions', () => {
	it.each([
		['http://192.168.1.20:3000/', false],
		['http://localhost:3000/', false],
		['https://accord.example.org/', true]
	])('on %s: HttpOnly, Secure %s, as long as the session may idle', (site, secure) => {
		expect(sessionCookieOptions(SSR_DEFAULTS, new URL(site))).toEqual({
			path: '/',
			sameSite: 'lax',
			httpOnly: true,
			secure,
			maxAge: SESSION_INACTIVITY_SECONDS
		});
	});

	it('keeps a removal a removal', () => {
		expect(sessionCookieOptions({ ...SSR_DEFAULTS, maxAge: 0 }, new URL('https://a.example/')).maxAge).toBe(0);
	});

	it('lasts exactly as long as config.toml lets a session idle', async () => {
		const config = parse(await readFile(new URL('../../../supabase/config.toml', import.meta.url), 'utf8'));
		expect(authSettingsFromToml(config).sessionInactivityTimeout).toBe(SESSION_INACTIVITY_SECONDS);
	});
});
