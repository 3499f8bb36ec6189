// Auth contract tests: sessions after sign-in — refresh token rotation, GoTrue's reuse
// detection, and sign-out ending sessions for both tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJwt } from '../../supabase/local/jwt.ts';
import { configureAuth } from '../../supabase/local/auth/index.ts';
import { newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

let stack: AuthStack;

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 });
});

afterAll(async () => {
	await stack?.close();
});

describe('sessions: refresh, rotation, reuse, sign-out', () => {
	it('refreshSession rotates the refresh token and issues a new access token', async () => {
		const email = newEmail('refresh');
		await stack.confirmedUser(email, 'password-123');
		const supabase = stack.client();
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
		await stack.confirmedUser(email, 'password-123');
		const supabase = stack.client();
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
			// The session ends with its whole token family, so the legitimate holder of r2 must sign in again.
			const legit = await supabase.auth.refreshSession({ refresh_token: r2 });
			expect(legit.error?.code).toBe('refresh_token_not_found');
		} finally {
			configureAuth(stack.ctx, { refreshTokenReuseInterval: 10 });
		}
	});

	it('within the reuse interval an older token still refreshes', async () => {
		const email = newEmail('interval');
		await stack.confirmedUser(email, 'password-123');
		const supabase = stack.client();
		const { data: signedIn } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const r0 = signedIn.session!.refresh_token;
		const r1 = (await supabase.auth.refreshSession({ refresh_token: r0 })).data.session!.refresh_token;
		await supabase.auth.refreshSession({ refresh_token: r1 });
		const late = await supabase.auth.refreshSession({ refresh_token: r0 });
		expect(late.error).toBeNull();
		expect(late.data.session!.refresh_token).not.toBe(r0);
	});

	it('an unknown refresh token is refresh_token_not_found', async () => {
		const { error } = await stack.client().auth.refreshSession({ refresh_token: 'notarealtoken-notarealtoken' });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('refresh_token_not_found');
	});

	it('after signOut the refresh token and the access token stop working', async () => {
		const email = newEmail('signout');
		await stack.confirmedUser(email, 'password-123');
		const supabase = stack.client();
		const { data } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const { access_token: accessToken, refresh_token: refreshToken } = data.session!;
		const { data: me } = await supabase.auth.getUser(accessToken);
		expect(me.user?.email).toBe(email);

		expect((await supabase.auth.signOut()).error).toBeNull();

		const refreshed = await stack.client().auth.refreshSession({ refresh_token: refreshToken });
		expect(refreshed.error?.code).toBe('refresh_token_not_found');
		const stale = await stack.client().auth.getUser(accessToken);
		expect(stale.data.user).toBeNull();
		expect(stale.error?.name).toBe('AuthSessionMissingError');

		const raw = await stack.authFetch('/user', { headers: { authorization: `Bearer ${accessToken}` } });
		expect(raw.status).toBe(403);
		expect(await raw.json()).toEqual({
			code: 'session_not_found',
			message: 'Session from session_id claim in JWT does not exist'
		});
	});

	it("signOut({ scope: 'local' }) ends only this session", async () => {
		const email = newEmail('local');
		await stack.confirmedUser(email, 'password-123');
		const phone = stack.client();
		const laptop = stack.client();
		const onPhone = (await phone.auth.signInWithPassword({ email, password: 'password-123' })).data.session!;
		const onLaptop = (await laptop.auth.signInWithPassword({ email, password: 'password-123' })).data.session!;
		expect((await laptop.auth.signOut({ scope: 'local' })).error).toBeNull();
		expect((await stack.client().auth.getUser(onLaptop.access_token)).error?.name).toBe('AuthSessionMissingError');
		expect((await stack.client().auth.getUser(onPhone.access_token)).data.user?.email).toBe(email);
	});

	it("signOut({ scope: 'others' }) keeps this session and ends the others", async () => {
		const email = newEmail('others');
		await stack.confirmedUser(email, 'password-123');
		const phone = stack.client();
		const laptop = stack.client();
		const onPhone = (await phone.auth.signInWithPassword({ email, password: 'password-123' })).data.session!;
		await laptop.auth.signInWithPassword({ email, password: 'password-123' });
		expect((await laptop.auth.signOut({ scope: 'others' })).error).toBeNull();
		expect((await laptop.auth.getUser()).data.user?.email).toBe(email);
		expect((await stack.client().auth.getUser(onPhone.access_token)).error?.name).toBe('AuthSessionMissingError');
	});
});
