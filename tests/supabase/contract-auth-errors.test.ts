// Auth contract tests: GoTrue's error statuses and bodies, Kong's API key check, CORS,
// the mail rate limit, and the local outbox endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { signJwt } from '../../supabase/local/jwt.ts';
import { configureAuth } from '../../supabase/local/auth/index.ts';
import { SITE_URL, followLink, fragmentParams, newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

let stack: AuthStack;

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 });
});

afterAll(async () => {
	await stack?.close();
});

describe('errors in GoTrue’s shapes', () => {
	it('bad, expired and foreign-signed JWTs are 403 bad_jwt; no token is 401', async () => {
		const malformed = await stack.authFetch('/user', { headers: { authorization: 'Bearer not.a.jwt' } });
		expect(malformed.status).toBe(403);
		const malformedBody = await malformed.json();
		expect(malformedBody.code).toBe('bad_jwt');
		expect(malformedBody.message).toMatch(/^invalid JWT: unable to parse or verify signature/);
		expect(malformed.headers.get('x-supabase-api-version')).toBe('2024-01-01');

		const email = newEmail('expired');
		const id = await stack.confirmedUser(email, 'password-123');
		const expiredToken = await signJwt(
			{ sub: id, role: 'authenticated', aud: 'authenticated' },
			stack.ctx.jwtSecret,
			-60
		);
		const expired = await stack.authFetch('/user', { headers: { authorization: `Bearer ${expiredToken}` } });
		expect(expired.status).toBe(403);
		expect((await expired.json()).message).toContain('token is expired');

		const foreign = await signJwt(
			{ sub: id, role: 'authenticated' },
			'another-secret-that-is-at-least-32-characters',
			3600
		);
		const foreignResponse = await stack.authFetch('/user', { headers: { authorization: `Bearer ${foreign}` } });
		expect(foreignResponse.status).toBe(403);
		expect((await foreignResponse.json()).code).toBe('bad_jwt');

		const none = await stack.authFetch('/user');
		expect(none.status).toBe(401);
		expect((await none.json()).code).toBe('no_authorization');

		const { error } = await stack.client().auth.getUser('not.a.jwt');
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('bad_jwt');
	});

	it('clients without the API version header get the older {code, error_code, msg} shape', async () => {
		const response = await stack.authFetch('/user', {
			headers: { authorization: 'Bearer not.a.jwt' },
			apiVersion: false
		});
		expect(response.status).toBe(403);
		expect(response.headers.get('x-supabase-api-version')).toBeNull();
		const body = await response.json();
		expect(body).toMatchObject({ code: 403, error_code: 'bad_jwt' });
		expect(body.msg).toMatch(/^invalid JWT/);
	});

	it('a body that is not JSON is 400 bad_json', async () => {
		const response = await stack.authFetch('/token?grant_type=password', { method: 'POST', body: '{"email": ' });
		expect(response.status).toBe(400);
		expect((await response.json()).code).toBe('bad_json');
	});

	it('an unknown grant type is refused', async () => {
		const response = await stack.authFetch('/token?grant_type=client_credentials', { method: 'POST', body: '{}' });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ code: 'invalid_credentials', message: 'unsupported_grant_type' });
	});

	it('a missing or wrong apikey is refused the way Kong refuses it; /verify needs none', async () => {
		const missing = await fetch(`${stack.url}/auth/v1/settings`);
		expect(missing.status).toBe(401);
		expect(await missing.json()).toEqual({ message: 'No API key found in request' });
		const wrong = await fetch(`${stack.url}/auth/v1/settings`, { headers: { apikey: 'not-a-key' } });
		expect(wrong.status).toBe(401);
		expect(await wrong.json()).toEqual({ message: 'Invalid authentication credentials' });

		const { error } = await createClient(stack.url, 'not-a-key', {
			auth: { persistSession: false, autoRefreshToken: false }
		}).auth.signInWithPassword({ email: newEmail('k'), password: 'password-123' });
		expect(error?.status).toBe(401);

		const verify = await fetch(`${stack.url}/auth/v1/verify?token=nope&type=magiclink`, { redirect: 'manual' });
		expect(verify.status).toBe(303);
	});

	it('unknown paths are 404 JSON; preflights are answered', async () => {
		const unknown = await stack.authFetch('/factors/none');
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).code).toBe('not_found');
		const preflight = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
			method: 'OPTIONS',
			headers: {
				origin: SITE_URL,
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'apikey, authorization, content-type, x-supabase-api-version'
			}
		});
		expect(preflight.ok).toBe(true);
		expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE_URL);
		expect(preflight.headers.get('access-control-allow-headers')).toContain('x-supabase-api-version');
	});

	it('settings, health and the (empty) JWKS answer', async () => {
		const settings = await (await stack.authFetch('/settings')).json();
		expect(settings).toMatchObject({ external: { email: true }, mailer_autoconfirm: false, disable_signup: false });
		expect((await stack.authFetch('/health')).status).toBe(200);
		const jwks = await fetch(`${stack.url}/auth/v1/.well-known/jwks.json`);
		expect(jwks.status).toBe(200);
		expect(await jwks.json()).toEqual({ keys: [] });
	});
});

describe('mail rate limit and the outbox endpoint', () => {
	it('a second mail to the same address within the interval is 429 over_email_send_rate_limit', async () => {
		configureAuth(stack.ctx, { emailMinInterval: 60 });
		try {
			const email = newEmail('hasty');
			expect((await stack.client().auth.signInWithOtp({ email })).error).toBeNull();
			const { error } = await stack.client().auth.signInWithOtp({ email });
			expect(error?.status).toBe(429);
			expect(error?.code).toBe('over_email_send_rate_limit');
			expect(await stack.ctx.outbox.list({ to: email })).toHaveLength(1);
		} finally {
			configureAuth(stack.ctx, { emailMinInterval: 0 });
		}
	});

	it('GET /local/v1/outbox lists mail newest first, only for the service_role key', async () => {
		const email = newEmail('Outbox');
		await stack.client().auth.signInWithOtp({ email });
		await stack.client().auth.signInWithOtp({ email });
		const endpoint = `${stack.url}/local/v1/outbox?to=${encodeURIComponent(email.toUpperCase())}&limit=5`;
		const response = await fetch(endpoint, { headers: { apikey: stack.serviceRoleKey } });
		expect(response.status).toBe(200);
		const mails = (await response.json()) as { to: string; subject: string; link: string; sentAt: string }[];
		expect(mails.map((mail) => mail.subject)).toEqual(['Confirm Your Signup', 'Confirm Your Signup']);
		expect(mails[0]!.to).toBe(email.toLowerCase());
		expect(mails[0]!.sentAt >= mails[1]!.sentAt).toBe(true);
		// The second mail replaced the first link: only the newest one still works.
		expect(fragmentParams(await followLink(mails[1]!.link)).get('error_code')).toBe('otp_expired');
		expect(fragmentParams(await followLink(mails[0]!.link)).get('access_token')).toBeTruthy();

		const anon = await fetch(endpoint, { headers: { apikey: stack.anonKey } });
		expect(anon.status).toBe(401);
		expect((await fetch(endpoint)).status).toBe(401);
	});
});
