// Contract tests for the local stack's Auth (GoTrue subset) with the real clients the app
// uses, @supabase/supabase-js and @supabase/ssr: signing in by mailed link or code, in the
// implicit and the PKCE flow, and where links may send people. Runs on PGlite, or on a
// fresh database on the Postgres server at DATABASE_URL. The other contract-auth-*.test.ts
// files cover passwords, sessions, the admin API and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerClient } from '@supabase/ssr';
import { verifyJwt } from '../../supabase/local/jwt.ts';
import {
	ALLOWED_REDIRECT,
	SITE_URL,
	codeIn,
	followLink,
	fragmentParams,
	newEmail,
	startAuthStack,
	type AuthStack
} from './helpers/auth.ts';

let stack: AuthStack;

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 });
});

afterAll(async () => {
	await stack?.close();
});

describe('magic link, implicit flow', () => {
	it('mails a link and a code; the link signs the person in through the redirect fragment', async () => {
		const email = newEmail('ana');
		const supabase = stack.client();
		const { error } = await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: `${SITE_URL}/welcome` } });
		expect(error).toBeNull();

		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Confirm Your Signup');
		expect(mail.link).toMatch(new RegExp(`^${stack.url}/auth/v1/verify\\?token=[0-9a-f]{64}&type=signup&redirect_to=`));
		expect(codeIn(mail)).toMatch(/^\d{6}$/);
		expect(stack.logs.some((line) => line.includes(email) && line.includes(mail.link!))).toBe(true);

		const landing = await followLink(mail.link!);
		expect(`${landing.origin}${landing.pathname}`).toBe(`${SITE_URL}/welcome`);
		const params = fragmentParams(landing);
		expect(params.get('token_type')).toBe('bearer');
		expect(params.get('type')).toBe('signup');
		expect(Number(params.get('expires_in'))).toBe(3600);
		expect(Number(params.get('expires_at'))).toBeGreaterThan(Date.now() / 1000);

		const claims = await verifyJwt(params.get('access_token')!, stack.ctx.jwtSecret);
		expect(claims).toMatchObject({
			iss: `${stack.url}/auth/v1`,
			aud: 'authenticated',
			role: 'authenticated',
			email,
			aal: 'aal1',
			is_anonymous: false,
			app_metadata: { provider: 'email', providers: ['email'] }
		});
		expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(claims.amr?.[0]?.method).toBe('otp');
		expect(claims.exp! - claims.iat!).toBe(3600);

		const { data: session, error: sessionError } = await supabase.auth.setSession({
			access_token: params.get('access_token')!,
			refresh_token: params.get('refresh_token')!
		});
		expect(sessionError).toBeNull();
		expect(session.user?.id).toBe(claims.sub);
		const { data: current } = await supabase.auth.getUser();
		expect(current.user?.email).toBe(email);
		expect(current.user?.email_confirmed_at).toBeTruthy();
		expect(current.user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: claims.sub });
	});

	it('a link works once: the second visit redirects with otp_expired', async () => {
		const email = newEmail('once');
		await stack.client().auth.signInWithOtp({ email });
		const { link } = await stack.latestMail(email);
		await followLink(link!);
		const again = await followLink(link!);
		expect(`${again.origin}${again.pathname}`).toBe(`${SITE_URL}/`);
		const params = fragmentParams(again);
		expect(params.get('error')).toBe('access_denied');
		expect(params.get('error_code')).toBe('otp_expired');
		expect(params.get('error_description')).toBe('Email link is invalid or has expired');
		expect(again.search).toBe('');
	});

	it('an expired link redirects with otp_expired', async () => {
		const email = newEmail('late');
		await stack.client().auth.signInWithOtp({ email });
		const { link } = await stack.latestMail(email);
		await stack.ctx.db.query(
			`update auth.one_time_tokens set created_at = now() - interval '2 hours'
			 where relates_to = $1`,
			[email]
		);
		const landing = await followLink(link!);
		expect(fragmentParams(landing).get('error_code')).toBe('otp_expired');
		expect(fragmentParams(landing).get('access_token')).toBeNull();
	});

	it('a confirmed user gets a magic link; the 6-digit code signs in with verifyOtp', async () => {
		const email = newEmail('code');
		await stack.confirmedUser(email, 'a-long-password');
		const supabase = stack.client();
		await supabase.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Your Magic Link');
		expect(mail.link).toContain('type=magiclink');

		const wrong = await supabase.auth.verifyOtp({
			email,
			token: codeIn(mail) === '000000' ? '111111' : '000000',
			type: 'email'
		});
		expect(wrong.error?.status).toBe(403);
		expect(wrong.error?.code).toBe('otp_expired');

		const { data, error } = await supabase.auth.verifyOtp({ email, token: codeIn(mail), type: 'email' });
		expect(error).toBeNull();
		expect(data.session?.access_token).toBeTruthy();
		expect(data.user?.email).toBe(email);
		const { data: current } = await supabase.auth.getUser();
		expect(current.user?.email).toBe(email);
	});

	it('after five wrong codes the mailed code and link stop working', async () => {
		const email = newEmail('guess');
		await stack.confirmedUser(email, 'a-long-password');
		await stack.client().auth.signInWithOtp({ email });
		const mail = await stack.latestMail(email);
		const right = codeIn(mail);
		const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((code) => code !== right);
		for (const wrong of wrongCodes.slice(0, 5)) {
			const { error } = await stack.client().auth.verifyOtp({ email, token: wrong, type: 'email' });
			expect(error?.code).toBe('otp_expired');
		}
		const late = await stack.client().auth.verifyOtp({ email, token: right, type: 'email' });
		expect(late.error?.code).toBe('otp_expired');
		expect(fragmentParams(await followLink(mail.link!)).get('error_code')).toBe('otp_expired');
	});

	it('verifyOtp with a token_hash (the link token) signs in', async () => {
		const email = newEmail('hash');
		await stack.confirmedUser(email, 'a-long-password');
		await stack.client().auth.signInWithOtp({ email });
		const { link } = await stack.latestMail(email);
		const tokenHash = new URL(link!).searchParams.get('token')!;
		const { data, error } = await stack.client().auth.verifyOtp({ token_hash: tokenHash, type: 'magiclink' });
		expect(error).toBeNull();
		expect(data.session?.user.email).toBe(email);
	});

	it('the older POST /magiclink endpoint mails a link too', async () => {
		const email = newEmail('legacy');
		const response = await stack.authFetch('/magiclink', { method: 'POST', body: JSON.stringify({ email }) });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({});
		const landing = await followLink((await stack.latestMail(email)).link!);
		expect(fragmentParams(landing).get('access_token')).toBeTruthy();
	});

	it('shouldCreateUser: false does not create anybody', async () => {
		const email = newEmail('nobody');
		const { error } = await stack.client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('otp_disabled');
		expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);
	});
});

describe('magic link, PKCE flow with @supabase/ssr', () => {
	function serverClient(jar: Map<string, string>) {
		return createServerClient(stack.url, stack.anonKey, {
			cookies: {
				getAll: () => [...jar].map(([name, value]) => ({ name, value })),
				setAll: (cookies) => {
					for (const { name, value, options } of cookies) {
						if (!value || options?.maxAge === 0) jar.delete(name);
						else jar.set(name, value);
					}
				}
			}
		});
	}

	it('the link redirects with ?code=, and exchangeCodeForSession turns it into a session in cookies', async () => {
		const email = newEmail('pkce');
		const jar = new Map<string, string>();
		const supabase = serverClient(jar);
		const { error } = await supabase.auth.signInWithOtp({
			email,
			options: { emailRedirectTo: `${SITE_URL}/auth/callback` }
		});
		expect(error).toBeNull();
		expect([...jar.keys()].some((name) => name.endsWith('-code-verifier'))).toBe(true);

		const mail = await stack.latestMail(email);
		expect(new URL(mail.link!).searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{64}$/);
		const landing = await followLink(mail.link!);
		expect(`${landing.origin}${landing.pathname}`).toBe(`${SITE_URL}/auth/callback`);
		const code = landing.searchParams.get('code');
		expect(code).toBeTruthy();
		expect(landing.hash).toBe('');

		const { data, error: exchangeError } = await supabase.auth.exchangeCodeForSession(code!);
		expect(exchangeError).toBeNull();
		expect(data.session?.user.email).toBe(email);
		expect([...jar.keys()].some((name) => /-auth-token(\.\d+)?$/.test(name))).toBe(true);

		const { data: current } = await serverClient(jar).auth.getUser();
		expect(current.user?.email).toBe(email);
		const claims = await verifyJwt(data.session!.access_token, stack.ctx.jwtSecret);
		expect(claims.amr?.[0]?.method).toBe('email/signup');
	});

	it('an auth code is single use and needs the right verifier', async () => {
		const email = newEmail('verifier');
		const jar = new Map<string, string>();
		const supabase = serverClient(jar);
		await supabase.auth.signInWithOtp({ email });
		const landing = await followLink((await stack.latestMail(email)).link!);
		const code = landing.searchParams.get('code')!;

		const wrongVerifier = await stack.authFetch('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(64) })
		});
		expect(wrongVerifier.status).toBe(400);
		expect(await wrongVerifier.json()).toEqual({
			code: 'bad_code_verifier',
			message: 'code challenge does not match previously saved code verifier'
		});

		const { error } = await supabase.auth.exchangeCodeForSession(code);
		expect(error).toBeNull();
		const reused = await stack.authFetch('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(64) })
		});
		expect(reused.status).toBe(404);
		expect((await reused.json()).code).toBe('flow_state_not_found');
	});

	it('PKCE with the plain method works too', async () => {
		const email = newEmail('plain');
		const verifier = 'v'.repeat(50);
		const sent = await stack.authFetch('/otp', {
			method: 'POST',
			body: JSON.stringify({ email, create_user: true, code_challenge: verifier, code_challenge_method: 'plain' })
		});
		expect(sent.status).toBe(200);
		const code = (await followLink((await stack.latestMail(email)).link!)).searchParams.get('code')!;
		const exchanged = await stack.authFetch('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: verifier })
		});
		expect(exchanged.status).toBe(200);
		expect((await exchanged.json()).user.email).toBe(email);
	});

	it('signUp through @supabase/ssr is confirmed by a PKCE link', async () => {
		const email = newEmail('ssr-signup');
		const jar = new Map<string, string>();
		const { data, error } = await serverClient(jar).auth.signUp({
			email,
			password: 'a-fine-password',
			options: { emailRedirectTo: `${SITE_URL}/auth/callback` }
		});
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Confirm Your Signup');
		const code = (await followLink(mail.link!)).searchParams.get('code')!;
		const exchanged = await serverClient(jar).auth.exchangeCodeForSession(code);
		expect(exchanged.error).toBeNull();
		expect(exchanged.data.user?.email_confirmed_at).toBeTruthy();
		const claims = await verifyJwt(exchanged.data.session!.access_token, stack.ctx.jwtSecret);
		expect(claims.amr?.[0]?.method).toBe('email/signup');
		expect((await stack.client().auth.signInWithPassword({ email, password: 'a-fine-password' })).error).toBeNull();
	});

	it('errors on a PKCE link go to the query string as well as the fragment', async () => {
		const email = newEmail('pkce-error');
		const supabase = serverClient(new Map());
		await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: `${SITE_URL}/auth/callback` } });
		const { link } = await stack.latestMail(email);
		await followLink(link!);
		const again = await followLink(link!);
		expect(again.searchParams.get('error_code')).toBe('otp_expired');
		expect(again.searchParams.get('error')).toBe('access_denied');
		expect(fragmentParams(again).get('error_code')).toBe('otp_expired');
	});
});

describe('redirects', () => {
	it('a redirect_to outside the allow-list falls back to the site URL', async () => {
		const email = newEmail('evil');
		await stack.client().auth.signInWithOtp({ email, options: { emailRedirectTo: 'https://evil.example.com/steal' } });
		const mail = await stack.latestMail(email);
		expect(new URL(mail.link!).searchParams.get('redirect_to')).toBe(SITE_URL);
		const landing = await followLink(mail.link!);
		expect(landing.origin).toBe(new URL(SITE_URL).origin);

		// Tampering with the link itself does not help either.
		await stack.client().auth.signInWithOtp({ email });
		const tampered = new URL((await stack.latestMail(email)).link!);
		tampered.searchParams.set('redirect_to', 'https://evil.example.com/steal');
		expect((await followLink(tampered.toString())).origin).toBe(new URL(SITE_URL).origin);
	});

	it('a URL under an allowed prefix is honoured', async () => {
		const email = newEmail('partner');
		await stack.client().auth.signInWithOtp({ email, options: { emailRedirectTo: `${ALLOWED_REDIRECT}callback` } });
		const landing = await followLink((await stack.latestMail(email)).link!);
		expect(`${landing.origin}${landing.pathname}`).toBe(`${ALLOWED_REDIRECT}callback`);
	});
});
