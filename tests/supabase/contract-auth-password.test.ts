// Auth contract tests: sign-up and sign-in with a password, password recovery, and the
// signed-in user changing their metadata, password and email address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureAuth } from '../../supabase/local/auth/index.ts';
import { verifyJwt } from '../../supabase/local/jwt.ts';
import {
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

describe('password sign-up and sign-in', () => {
	it('signs in with the right password and refuses a wrong one', async () => {
		const email = newEmail('pw');
		const id = await stack.confirmedUser(email, 'correct horse battery');
		const supabase = stack.client();
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
		const supabase = stack.client();
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

	it('with confirmations off, signUp signs in at once and a second signUp is user_already_exists', async () => {
		configureAuth(stack.ctx, { emailConfirmations: false });
		try {
			const email = newEmail('autoconfirm');
			const { data, error } = await stack.client().auth.signUp({ email, password: 'a-fine-password' });
			expect(error).toBeNull();
			expect(data.session?.access_token).toBeTruthy();
			expect(data.user?.email_confirmed_at).toBeTruthy();
			expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);
			const again = await stack.client().auth.signUp({ email, password: 'a-fine-password' });
			expect(again.error?.status).toBe(422);
			expect(again.error?.code).toBe('user_already_exists');
		} finally {
			configureAuth(stack.ctx, { emailConfirmations: true });
		}
	});

	it('signUp refuses a short password with weak_password', async () => {
		const { error } = await stack.client().auth.signUp({ email: newEmail('weak'), password: '123' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('weak_password');
		expect((error as { reasons?: string[] }).reasons).toEqual(['length']);
	});

	it('signing up again with a confirmed address reveals nothing and sends nothing', async () => {
		const email = newEmail('taken');
		const id = await stack.confirmedUser(email, 'first-password');
		const { data, error } = await stack.client().auth.signUp({ email, password: 'second-password' });
		expect(error).toBeNull();
		expect(data.user?.id).not.toBe(id);
		expect(data.user?.identities).toEqual([]);
		expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);
		const still = await stack.client().auth.signInWithPassword({ email, password: 'first-password' });
		expect(still.error).toBeNull();
	});
});

describe('password recovery', () => {
	it('resetPasswordForEmail mails a recovery link that signs in; the person then sets a new password', async () => {
		const email = newEmail('forgot');
		await stack.confirmedUser(email, 'forgotten-password');
		const { error } = await stack
			.client()
			.auth.resetPasswordForEmail(email, { redirectTo: `${SITE_URL}/account/password` });
		expect(error).toBeNull();
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Reset Your Password');
		const landing = await followLink(mail.link!);
		expect(landing.pathname).toBe('/account/password');
		const params = fragmentParams(landing);
		expect(params.get('type')).toBe('recovery');

		const supabase = stack.client();
		await supabase.auth.setSession({
			access_token: params.get('access_token')!,
			refresh_token: params.get('refresh_token')!
		});
		expect((await supabase.auth.updateUser({ password: 'remembered-password' })).error).toBeNull();
		expect((await stack.client().auth.signInWithPassword({ email, password: 'remembered-password' })).error).toBeNull();
	});

	it('says nothing about addresses without a user', async () => {
		const email = newEmail('stranger');
		expect((await stack.client().auth.resetPasswordForEmail(email)).error).toBeNull();
		expect(await stack.ctx.outbox.list({ to: email })).toEqual([]);
	});
});

describe('the signed-in user', () => {
	it('updateUser changes metadata and the password', async () => {
		const email = newEmail('update');
		await stack.confirmedUser(email, 'old-password');
		const supabase = stack.client();
		await supabase.auth.signInWithPassword({ email, password: 'old-password' });
		const { data, error } = await supabase.auth.updateUser({ data: { display_name: 'Olena', locale: 'ru' } });
		expect(error).toBeNull();
		expect(data.user?.user_metadata).toMatchObject({ display_name: 'Olena', locale: 'ru' });

		const same = await supabase.auth.updateUser({ password: 'old-password' });
		expect(same.error?.code).toBe('same_password');
		expect((await supabase.auth.updateUser({ password: 'new-password' })).error).toBeNull();
		expect((await stack.client().auth.signInWithPassword({ email, password: 'old-password' })).error?.code).toBe(
			'invalid_credentials'
		);
		expect((await stack.client().auth.signInWithPassword({ email, password: 'new-password' })).error).toBeNull();
	});

	it('an email change is confirmed from the new address', async () => {
		const email = newEmail('move');
		const next = newEmail('moved');
		await stack.confirmedUser(email, 'password-123');
		const supabase = stack.client();
		await supabase.auth.signInWithPassword({ email, password: 'password-123' });
		const { data } = await supabase.auth.updateUser({ email: next });
		expect(data.user?.email).toBe(email);
		expect(data.user?.new_email).toBe(next);
		const mail = await stack.latestMail(next);
		expect(mail.subject).toBe('Confirm Email Change');
		const { error } = await stack.client().auth.verifyOtp({ email: next, token: codeIn(mail), type: 'email_change' });
		expect(error).toBeNull();
		expect((await stack.client().auth.signInWithPassword({ email: next, password: 'password-123' })).error).toBeNull();
	});
});
