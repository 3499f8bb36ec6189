// Contract tests for the local stack's Auth (GoTrue subset) with the real clients the app
// uses: @supabase/supabase-js and @supabase/ssr. Runs on PGlite, or on a fresh database on
// the Postgres server at DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createServerClient } from '@supabase/ssr';
import { signJwt, verifyJwt } from '../../supabase/local/jwt.ts';
import { configureAuth } from '../../supabase/local/auth/index.ts';
import {
	ALLOWED_REDIRECT,
	SITE_URL,
	codeIn,
	followLink,
	fragmentParams,
	startAuthStack,
	type AuthStack
} from './helpers/auth.ts';

let stack: AuthStack;
let emailCounter = 0;

/** A fresh address per test, so tests do not see each other's mail. */
function newEmail(label: string): string {
	emailCounter += 1;
	return `${label}.${emailCounter}.${Date.now().toString(36)}@delegates.accord.test`;
}

function client(flowType: 'implicit' | 'pkce' = 'implicit', key = stack.anonKey): SupabaseClient {
	return createClient(stack.url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType }
	});
}

function adminClient(): SupabaseClient {
	return client('implicit', stack.serviceRoleKey);
}

async function authFetch(path: string, init: RequestInit & { apiVersion?: boolean } = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (!headers.has('apikey')) headers.set('apikey', stack.anonKey);
	if (init.apiVersion !== false) headers.set('X-Supabase-Api-Version', '2024-01-01');
	if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
	return fetch(`${stack.url}/auth/v1${path}`, { ...init, headers });
}

async function confirmedUser(email: string, password: string): Promise<string> {
	const { data, error } = await adminClient().auth.admin.createUser({ email, password, email_confirm: true });
	expect(error).toBeNull();
	return data.user!.id;
}

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 });
});

afterAll(async () => {
	await stack?.close();
});

describe('magic link, implicit flow', () => {
	it('mails a link and a code; the link signs the person in through the redirect fragment', async () => {
		const email = newEmail('ana');
		const supabase = client();
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
		await client().auth.signInWithOtp({ email });
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
		await client().auth.signInWithOtp({ email });
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
		await confirmedUser(email, 'a-long-password');
		const supabase = client();
		await supabase.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Your Magic Link');
		expect(mail.link).toContain('type=magiclink');

		const wrong = await supabase.auth.verifyOtp({ email, token: codeIn(mail) === '000000' ? '111111' : '000000', type: 'email' });
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
		await confirmedUser(email, 'a-long-password');
		await client().auth.signInWithOtp({ email });
		const mail = await stack.latestMail(email);
		const right = codeIn(mail);
		const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((code) => code !== right);
		for (const wrong of wrongCodes.slice(0, 5)) {
			const { error } = await client().auth.verifyOtp({ email, token: wrong, type: 'email' });
			expect(error?.code).toBe('otp_expired');
		}
		const late = await client().auth.verifyOtp({ email, token: right, type: 'email' });
		expect(late.error?.code).toBe('otp_expired');
		expect(fragmentParams(await followLink(mail.link!)).get('error_code')).toBe('otp_expired');
	});

	it('verifyOtp with a token_hash (the link token) signs in', async () => {
		const email = newEmail('hash');
		await confirmedUser(email, 'a-long-password');
		await client().auth.signInWithOtp({ email });
		const { link } = await stack.latestMail(email);
		const tokenHash = new URL(link!).searchParams.get('token')!;
		const { data, error } = await client().auth.verifyOtp({ token_hash: tokenHash, type: 'magiclink' });
		expect(error).toBeNull();
		expect(data.session?.user.email).toBe(email);
	});

	it('shouldCreateUser: false does not create anybody', async () => {
		const email = newEmail('nobody');
		const { error } = await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
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
		const { error } = await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: `${SITE_URL}/auth/callback` } });
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

		const wrongVerifier = await authFetch('/token?grant_type=pkce', {
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
		const reused = await authFetch('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(64) })
		});
		expect(reused.status).toBe(404);
		expect((await reused.json()).code).toBe('flow_state_not_found');
	});

	it('PKCE with the plain method works too', async () => {
		const email = newEmail('plain');
		const verifier = 'v'.repeat(50);
		const sent = await authFetch('/otp', {
			method: 'POST',
			body: JSON.stringify({ email, create_user: true, code_challenge: verifier, code_challenge_method: 'plain' })
		});
		expect(sent.status).toBe(200);
		const code = (await followLink((await stack.latestMail(email)).link!)).searchParams.get('code')!;
		const exchanged = await authFetch('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: verifier })
		});
		expect(exchanged.status).toBe(200);
		expect((await exchanged.json()).user.email).toBe(email);
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

describe('password sign-up and sign-in', () => {
	it('signs in with the right password and refuses a wrong one', async () => {
		const email = newEmail('pw');
		const id = await confirmedUser(email, 'correct horse battery');
		const supabase = client();
		const wrong = await supabase.auth.signInWithPassword({ email, password: 'wrong password' });
		expect(wrong.error?.status).toBe(400);
		expect(wrong.error?.code).toBe('invalid_credentials');
		expect(wrong.error?.message).toBe('Invalid login credentials');
		const unknown = await supabase.auth.signInWithPassword({ email: newEmail('ghost'), password: 'whatever1' });
		expect(unknown.error?.code).toBe('invalid_credentials');

		const { data, error } = await supabase.auth.signInWithPassword({ email, password: 'correct horse battery' });
		expect(error).toBeNull();
		expect(data.session?.token_type).toBe('bearer');
		expect(data.user?.id).toBe(id);
		expect(data.user?.last_sign_in_at).toBeTruthy();
		expect((await verifyJwt(data.session!.access_token, stack.ctx.jwtSecret)).amr?.[0]?.method).toBe('password');
	});

	it('signUp with confirmations on: unconfirmed user, confirmation mail, no session until confirmed', async () => {
		const email = newEmail('signup');
		const supabase = client();
		const { data, error } = await supabase.auth.signUp({
			email,
			password: 'a-fine-password',
			options: { data: { display_name: 'Ioana' }, emailRedirectTo: `${SITE_URL}/confirmed` }
		});
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		expect(data.user?.email).toBe(email);
		expect(data.user?.email_confirmed_at).toBeUndefined();
		expect(data.user?.user_metadata).toEqual({ display_name: 'Ioana' });

		const early = await supabase.auth.signInWithPassword({ email, password: 'a-fine-password' });
		expect(early.error?.code).toBe('email_not_confirmed');

		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Confirm Your Signup');
		const landing = await followLink(mail.link!);
		expect(landing.pathname).toBe('/confirmed');
		expect(fragmentParams(landing).get('type')).toBe('signup');

		const later = await supabase.auth.signInWithPassword({ email, password: 'a-fine-password' });
		expect(later.error).toBeNull();
		expect(later.data.user?.email_confirmed_at).toBeTruthy();
	});

	it('signUp refuses a short password with weak_password', async () => {
		const { error } = await client().auth.signUp({ email: newEmail('weak'), password: '123' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('weak_password');
		expect((error as { reasons?: string[] }).reasons).toEqual(['length']);
	});

	it('signing up again with a confirmed address reveals nothing and sends nothing', async () => {
		const email = newEmail('taken');
		const id = await confirmedUser(email, 'first-password');
		const { data, error } = await client().auth.signUp({ email, password: 'second-password' });
		expect(error).toBeNull();
		expect(data.user?.id).not.toBe(id);
		expect(data.user?.identities).toEqual([]);
		expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);
		const still = await client().auth.signInWithPassword({ email, password: 'first-password' });
		expect(still.error).toBeNull();
	});
});

describe('sessions: refresh, rotation, reuse, sign-out', () => {
	it('refreshSession rotates the refresh token and issues a new access token', async () => {
		const email = newEmail('refresh');
		await confirmedUser(email, 'password-123');
		const supabase = client();
		const { data: signedIn } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const first = signedIn.session!;
		const { data, error } = await supabase.auth.refreshSession({ refresh_token: first.refresh_token });
		expect(error).toBeNull();
		expect(data.session!.refresh_token).not.toBe(first.refresh_token);
		expect(data.session!.user.email).toBe(email);
		const before = await verifyJwt(first.access_token, stack.ctx.jwtSecret);
		const after = await verifyJwt(data.session!.access_token, stack.ctx.jwtSecret);
		expect(after.session_id).toBe(before.session_id);
		expect(after.sub).toBe(before.sub);
	});

	it('replaying the previous token hands back the current one; an older one revokes the session', async () => {
		const email = newEmail('reuse');
		await confirmedUser(email, 'password-123');
		const supabase = client();
		const { data: signedIn } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const r0 = signedIn.session!.refresh_token;
		const r1 = (await supabase.auth.refreshSession({ refresh_token: r0 })).data.session!.refresh_token;

		// A client that never stored r1 retries with r0: it gets r1 back, not a new branch.
		const replay = await supabase.auth.refreshSession({ refresh_token: r0 });
		expect(replay.error).toBeNull();
		expect(replay.data.session!.refresh_token).toBe(r1);

		const r2 = (await supabase.auth.refreshSession({ refresh_token: r1 })).data.session!.refresh_token;
		configureAuth(stack.ctx, { refreshTokenReuseInterval: 0 });
		try {
			const stolen = await supabase.auth.refreshSession({ refresh_token: r0 });
			expect(stolen.error?.status).toBe(400);
			expect(stolen.error?.code).toBe('refresh_token_already_used');
			expect(stolen.error?.message).toBe('Invalid Refresh Token: Already Used');
			// The whole family is revoked, so the legitimate holder of r2 must sign in again.
			const legit = await supabase.auth.refreshSession({ refresh_token: r2 });
			expect(legit.error?.code).toBe('refresh_token_already_used');
		} finally {
			configureAuth(stack.ctx, { refreshTokenReuseInterval: 10 });
		}
	});

	it('within the reuse interval an older token still refreshes', async () => {
		const email = newEmail('interval');
		await confirmedUser(email, 'password-123');
		const supabase = client();
		const { data: signedIn } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const r0 = signedIn.session!.refresh_token;
		const r1 = (await supabase.auth.refreshSession({ refresh_token: r0 })).data.session!.refresh_token;
		await supabase.auth.refreshSession({ refresh_token: r1 });
		const late = await supabase.auth.refreshSession({ refresh_token: r0 });
		expect(late.error).toBeNull();
		expect(late.data.session!.refresh_token).not.toBe(r0);
	});

	it('an unknown refresh token is refresh_token_not_found', async () => {
		const { error } = await client().auth.refreshSession({ refresh_token: 'notarealtoken-notarealtoken' });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('refresh_token_not_found');
	});

	it('after signOut the refresh token and the access token stop working', async () => {
		const email = newEmail('signout');
		await confirmedUser(email, 'password-123');
		const supabase = client();
		const { data } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const { access_token: accessToken, refresh_token: refreshToken } = data.session!;
		const { data: me } = await supabase.auth.getUser(accessToken);
		expect(me.user?.email).toBe(email);

		expect((await supabase.auth.signOut()).error).toBeNull();

		const refreshed = await client().auth.refreshSession({ refresh_token: refreshToken });
		expect(refreshed.error?.code).toBe('refresh_token_not_found');
		const stale = await client().auth.getUser(accessToken);
		expect(stale.data.user).toBeNull();
		expect(stale.error?.name).toBe('AuthSessionMissingError');

		const raw = await authFetch('/user', { headers: { authorization: `Bearer ${accessToken}` } });
		expect(raw.status).toBe(403);
		expect(await raw.json()).toEqual({
			code: 'session_not_found',
			message: 'Session from session_id claim in JWT does not exist'
		});
	});

	it("signOut({ scope: 'others' }) keeps this session and ends the others", async () => {
		const email = newEmail('others');
		await confirmedUser(email, 'password-123');
		const phone = client();
		const laptop = client();
		const onPhone = (await phone.auth.signInWithPassword({ email, password: 'password-123' })).data.session!;
		await laptop.auth.signInWithPassword({ email, password: 'password-123' });
		expect((await laptop.auth.signOut({ scope: 'others' })).error).toBeNull();
		expect((await laptop.auth.getUser()).data.user?.email).toBe(email);
		expect((await client().auth.getUser(onPhone.access_token)).error?.name).toBe('AuthSessionMissingError');
	});
});

describe('the signed-in user', () => {
	it('updateUser changes metadata and the password', async () => {
		const email = newEmail('update');
		await confirmedUser(email, 'old-password');
		const supabase = client();
		await supabase.auth.signInWithPassword({ email, password: 'old-password' });
		const { data, error } = await supabase.auth.updateUser({ data: { display_name: 'Olena', locale: 'ru' } });
		expect(error).toBeNull();
		expect(data.user?.user_metadata).toMatchObject({ display_name: 'Olena', locale: 'ru' });

		const same = await supabase.auth.updateUser({ password: 'old-password' });
		expect(same.error?.code).toBe('same_password');
		expect((await supabase.auth.updateUser({ password: 'new-password' })).error).toBeNull();
		expect((await client().auth.signInWithPassword({ email, password: 'old-password' })).error?.code).toBe(
			'invalid_credentials'
		);
		expect((await client().auth.signInWithPassword({ email, password: 'new-password' })).error).toBeNull();
	});

	it('an email change is confirmed from the new address', async () => {
		const email = newEmail('move');
		const next = newEmail('moved');
		await confirmedUser(email, 'password-123');
		const supabase = client();
		await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const { data } = await supabase.auth.updateUser({ email: next });
		expect(data.user?.email).toBe(email);
		expect(data.user?.new_email).toBe(next);
		const mail = await stack.latestMail(next);
		expect(mail.subject).toBe('Confirm Email Change');
		const { error } = await client().auth.verifyOtp({ email: next, token: codeIn(mail), type: 'email_change' });
		expect(error).toBeNull();
		expect((await client().auth.signInWithPassword({ email: next, password: 'password-123' })).error).toBeNull();
	});
});

describe('password recovery', () => {
	it('resetPasswordForEmail mails a recovery link that signs in; the person then sets a new password', async () => {
		const email = newEmail('forgot');
		await confirmedUser(email, 'forgotten-password');
		const { error } = await client().auth.resetPasswordForEmail(email, { redirectTo: `${SITE_URL}/account/password` });
		expect(error).toBeNull();
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Reset Your Password');
		const landing = await followLink(mail.link!);
		expect(landing.pathname).toBe('/account/password');
		const params = fragmentParams(landing);
		expect(params.get('type')).toBe('recovery');

		const supabase = client();
		await supabase.auth.setSession({ access_token: params.get('access_token')!, refresh_token: params.get('refresh_token')! });
		expect((await supabase.auth.updateUser({ password: 'remembered-password' })).error).toBeNull();
		expect((await client().auth.signInWithPassword({ email, password: 'remembered-password' })).error).toBeNull();
	});

	it('says nothing about addresses without a user', async () => {
		const email = newEmail('stranger');
		expect((await client().auth.resetPasswordForEmail(email)).error).toBeNull();
		expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);
	});
});

describe('admin API', () => {
	it('createUser, getUserById, updateUserById, listUsers and deleteUser with the service_role key', async () => {
		const admin = adminClient().auth.admin;
		const email = newEmail('admin');
		const created = await admin.createUser({
			email,
			password: 'password-123',
			email_confirm: true,
			user_metadata: { display_name: 'Mihai' },
			app_metadata: { accord_role: 'organiser' }
		});
		expect(created.error).toBeNull();
		const user = created.data.user!;
		expect(user.email_confirmed_at).toBeTruthy();
		expect(user.app_metadata).toEqual({ accord_role: 'organiser', provider: 'email', providers: ['email'] });

		const duplicate = await admin.createUser({ email, password: 'password-123' });
		expect(duplicate.error?.status).toBe(422);
		expect(duplicate.error?.code).toBe('email_exists');

		expect((await admin.getUserById(user.id)).data.user?.email).toBe(email);
		const updated = await admin.updateUserById(user.id, { user_metadata: { country: 'MD' } });
		expect(updated.data.user?.user_metadata).toEqual({ display_name: 'Mihai', country: 'MD' });

		const page = await admin.listUsers({ page: 1, perPage: 2 });
		expect(page.error).toBeNull();
		expect(page.data.users).toHaveLength(2);
		expect((page.data as { total?: number }).total).toBeGreaterThan(2);
		expect((page.data as { nextPage?: number | null }).nextPage).toBe(2);

		const banned = await admin.updateUserById(user.id, { ban_duration: '24h' });
		expect(new Date((banned.data.user as { banned_until?: string }).banned_until!).getTime()).toBeGreaterThan(Date.now());
		const refused = await client().auth.signInWithPassword({ email, password: 'password-123' });
		expect(refused.error?.code).toBe('user_banned');
		await admin.updateUserById(user.id, { ban_duration: 'none' });
		expect((await client().auth.signInWithPassword({ email, password: 'password-123' })).error).toBeNull();

		expect((await admin.deleteUser(user.id)).error).toBeNull();
		const gone = await admin.getUserById(user.id);
		expect(gone.error?.status).toBe(404);
		expect(gone.error?.code).toBe('user_not_found');
	});

	it('generateLink(invite) returns GoTrue’s properties, and the link signs the invitee in', async () => {
		const email = newEmail('invitee');
		const { data, error } = await adminClient().auth.admin.generateLink({
			type: 'invite',
			email,
			options: { redirectTo: `${SITE_URL}/join/bucharest-2018`, data: { display_name: 'Invitee' } }
		});
		expect(error).toBeNull();
		expect(data.properties).toMatchObject({
			verification_type: 'invite',
			redirect_to: `${SITE_URL}/join/bucharest-2018`
		});
		expect(data.properties!.email_otp).toMatch(/^\d{6}$/);
		expect(data.properties!.hashed_token).toMatch(/^[0-9a-f]{64}$/);
		expect(data.properties!.action_link).toContain(`token=${data.properties!.hashed_token}&type=invite`);
		expect(data.user).toMatchObject({ email, user_metadata: { display_name: 'Invitee' } });
		expect(data.user?.invited_at).toBeTruthy();
		expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);

		const landing = await followLink(data.properties!.action_link);
		expect(landing.pathname).toBe('/join/bucharest-2018');
		expect(fragmentParams(landing).get('type')).toBe('invite');
		const { data: me } = await client().auth.getUser(fragmentParams(landing).get('access_token')!);
		expect(me.user?.email_confirmed_at).toBeTruthy();

		const again = await adminClient().auth.admin.generateLink({ type: 'invite', email });
		expect(again.error?.code).toBe('email_exists');
	});

	it('generateLink(magiclink) works for existing users and signs up unknown ones', async () => {
		const known = newEmail('known');
		await confirmedUser(known, 'password-123');
		const admin = adminClient().auth.admin;
		const forKnown = await admin.generateLink({ type: 'magiclink', email: known });
		expect(forKnown.data.properties?.verification_type).toBe('magiclink');
		expect(forKnown.data.properties?.redirect_to).toBe(SITE_URL);
		const { data, error } = await client().auth.verifyOtp({
			email: known,
			token: forKnown.data.properties!.email_otp,
			type: 'email'
		});
		expect(error).toBeNull();
		expect(data.user?.email).toBe(known);

		const unknown = newEmail('fresh');
		const forUnknown = await admin.generateLink({ type: 'magiclink', email: unknown });
		expect(forUnknown.data.properties?.verification_type).toBe('signup');
		const landing = await followLink(forUnknown.data.properties!.action_link);
		expect(fragmentParams(landing).get('access_token')).toBeTruthy();
	});

	it('inviteUserByEmail mails the invitation', async () => {
		const email = newEmail('mailed-invite');
		const { data, error } = await adminClient().auth.admin.inviteUserByEmail(email, { data: { country: 'RO' } });
		expect(error).toBeNull();
		expect(data.user?.email).toBe(email);
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('You have been invited');
		expect(mail.link).toContain('type=invite');
	});

	it('is refused with the anon key and with a user token (not_admin)', async () => {
		const anonAdmin = client().auth.admin;
		const created = await anonAdmin.createUser({ email: newEmail('sneaky'), password: 'password-123' });
		expect(created.error?.status).toBe(403);
		expect(created.error?.code).toBe('not_admin');
		const link = await anonAdmin.generateLink({ type: 'magiclink', email: newEmail('sneaky') });
		expect(link.error?.code).toBe('not_admin');

		const email = newEmail('plain-user');
		await confirmedUser(email, 'password-123');
		const session = (await client().auth.signInWithPassword({ email, password: 'password-123' })).data.session!;
		const asUser = await authFetch('/admin/users', { headers: { authorization: `Bearer ${session.access_token}` } });
		expect(asUser.status).toBe(403);
		expect((await asUser.json()).code).toBe('not_admin');
	});
});

describe('errors in GoTrue’s shapes', () => {
	it('bad, expired and foreign-signed JWTs are 403 bad_jwt; no token is 401', async () => {
		const malformed = await authFetch('/user', { headers: { authorization: 'Bearer not.a.jwt' } });
		expect(malformed.status).toBe(403);
		const malformedBody = await malformed.json();
		expect(malformedBody.code).toBe('bad_jwt');
		expect(malformedBody.message).toMatch(/^invalid JWT: unable to parse or verify signature/);
		expect(malformed.headers.get('x-supabase-api-version')).toBe('2024-01-01');

		const email = newEmail('expired');
		const id = await confirmedUser(email, 'password-123');
		const expiredToken = await signJwt({ sub: id, role: 'authenticated', aud: 'authenticated' }, stack.ctx.jwtSecret, -60);
		const expired = await authFetch('/user', { headers: { authorization: `Bearer ${expiredToken}` } });
		expect(expired.status).toBe(403);
		expect((await expired.json()).message).toContain('token is expired');

		const foreign = await signJwt({ sub: id, role: 'authenticated' }, 'another-secret-that-is-at-least-32-characters', 3600);
		const foreignResponse = await authFetch('/user', { headers: { authorization: `Bearer ${foreign}` } });
		expect(foreignResponse.status).toBe(403);
		expect((await foreignResponse.json()).code).toBe('bad_jwt');

		const none = await authFetch('/user');
		expect(none.status).toBe(401);
		expect((await none.json()).code).toBe('no_authorization');

		const { error } = await client().auth.getUser('not.a.jwt');
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('bad_jwt');
	});

	it('clients without the API version header get the older {code, error_code, msg} shape', async () => {
		const response = await authFetch('/user', { headers: { authorization: 'Bearer not.a.jwt' }, apiVersion: false });
		expect(response.status).toBe(403);
		expect(response.headers.get('x-supabase-api-version')).toBeNull();
		const body = await response.json();
		expect(body).toMatchObject({ code: 403, error_code: 'bad_jwt' });
		expect(body.msg).toMatch(/^invalid JWT/);
	});

	it('a body that is not JSON is 400 bad_json', async () => {
		const response = await authFetch('/token?grant_type=password', { method: 'POST', body: '{"email": ' });
		expect(response.status).toBe(400);
		expect((await response.json()).code).toBe('bad_json');
	});

	it('an unknown grant type is refused', async () => {
		const response = await authFetch('/token?grant_type=client_credentials', { method: 'POST', body: '{}' });
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
		const unknown = await authFetch('/factors/none');
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

	it('settings and health answer', async () => {
		const settings = await (await authFetch('/settings')).json();
		expect(settings).toMatchObject({ external: { email: true }, mailer_autoconfirm: false, disable_signup: false });
		expect((await authFetch('/health')).status).toBe(200);
	});
});

describe('redirects', () => {
	it('a redirect_to outside the allow-list falls back to the site URL', async () => {
		const email = newEmail('evil');
		await client().auth.signInWithOtp({ email, options: { emailRedirectTo: 'https://evil.example.com/steal' } });
		const mail = await stack.latestMail(email);
		expect(new URL(mail.link!).searchParams.get('redirect_to')).toBe(SITE_URL);
		const landing = await followLink(mail.link!);
		expect(landing.origin).toBe(new URL(SITE_URL).origin);

		// Tampering with the link itself does not help either.
		await client().auth.signInWithOtp({ email });
		const tampered = new URL((await stack.latestMail(email)).link!);
		tampered.searchParams.set('redirect_to', 'https://evil.example.com/steal');
		expect((await followLink(tampered.toString())).origin).toBe(new URL(SITE_URL).origin);
	});

	it('a URL under an allowed prefix is honoured', async () => {
		const email = newEmail('partner');
		await client().auth.signInWithOtp({ email, options: { emailRedirectTo: `${ALLOWED_REDIRECT}callback` } });
		const landing = await followLink((await stack.latestMail(email)).link!);
		expect(`${landing.origin}${landing.pathname}`).toBe(`${ALLOWED_REDIRECT}callback`);
	});
});

describe('mail rate limit and the outbox endpoint', () => {
	it('a second mail to the same address within the interval is 429 over_email_send_rate_limit', async () => {
		configureAuth(stack.ctx, { emailMinInterval: 60 });
		try {
			const email = newEmail('hasty');
			expect((await client().auth.signInWithOtp({ email })).error).toBeNull();
			const { error } = await client().auth.signInWithOtp({ email });
			expect(error?.status).toBe(429);
			expect(error?.code).toBe('over_email_send_rate_limit');
			expect(await stack.ctx.outbox.list({ to: email })).toHaveLength(1);
		} finally {
			configureAuth(stack.ctx, { emailMinInterval: 0 });
		}
	});

	it('GET /local/v1/outbox lists mail newest first, only for the service_role key', async () => {
		const email = newEmail('Outbox');
		await client().auth.signInWithOtp({ email });
		await client().auth.signInWithOtp({ email });
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
