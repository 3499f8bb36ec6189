// Auth contract tests: the admin API (service_role only) — users, invitations and
// generate_link, which the app uses for invitation and demo sign-in links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL, followLink, fragmentParams, newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

let stack: AuthStack;

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 });
});

afterAll(async () => {
	await stack?.close();
});

describe('admin API', () => {
	it('createUser, getUserById, updateUserById, listUsers and deleteUser with the service_role key', async () => {
		const admin = stack.adminClient().auth.admin;
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

		await stack.confirmedUser(newEmail('listed'), 'password-123');
		await stack.confirmedUser(newEmail('listed'), 'password-123');
		const page = await admin.listUsers({ page: 1, perPage: 2 });
		expect(page.error).toBeNull();
		expect(page.data.users).toHaveLength(2);
		expect((page.data as { total?: number }).total).toBeGreaterThan(2);
		expect((page.data as { nextPage?: number | null }).nextPage).toBe(2);

		const banned = await admin.updateUserById(user.id, { ban_duration: '24h' });
		expect(new Date((banned.data.user as { banned_until?: string }).banned_until!).getTime()).toBeGreaterThan(
			Date.now()
		);
		const refused = await stack.client().auth.signInWithPassword({ email, password: 'password-123' });
		expect(refused.error?.code).toBe('user_banned');
		await admin.updateUserById(user.id, { ban_duration: 'none' });
		expect((await stack.client().auth.signInWithPassword({ email, password: 'password-123' })).error).toBeNull();

		expect((await admin.deleteUser(user.id)).error).toBeNull();
		const gone = await admin.getUserById(user.id);
		expect(gone.error?.status).toBe(404);
		expect(gone.error?.code).toBe('user_not_found');
	});

	it('generateLink(invite) returns GoTrue’s properties, and the link signs the invitee in', async () => {
		const email = newEmail('invitee');
		const { data, error } = await stack.adminClient().auth.admin.generateLink({
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
		const { data: me } = await stack.client().auth.getUser(fragmentParams(landing).get('access_token')!);
		expect(me.user?.email_confirmed_at).toBeTruthy();

		const again = await stack.adminClient().auth.admin.generateLink({ type: 'invite', email });
		expect(again.error?.code).toBe('email_exists');
	});

	it('generateLink(magiclink) works for existing users and signs up unknown ones', async () => {
		const known = newEmail('known');
		await stack.confirmedUser(known, 'password-123');
		const admin = stack.adminClient().auth.admin;
		const forKnown = await admin.generateLink({ type: 'magiclink', email: known });
		expect(forKnown.data.properties?.verification_type).toBe('magiclink');
		expect(forKnown.data.properties?.redirect_to).toBe(SITE_URL);
		const { data, error } = await stack.client().auth.verifyOtp({
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

	it('generateLink(signup) needs a password; generateLink(recovery) needs an existing user', async () => {
		const admin = stack.adminClient().auth.admin;
		const email = newEmail('signup-link');
		const signup = await admin.generateLink({ type: 'signup', email, password: 'a-fine-password' });
		expect(signup.error).toBeNull();
		expect(signup.data.properties?.verification_type).toBe('signup');
		expect(signup.data.user?.email_confirmed_at).toBeUndefined();
		const confirmed = await followLink(signup.data.properties!.action_link);
		expect(fragmentParams(confirmed).get('type')).toBe('signup');
		expect((await stack.client().auth.signInWithPassword({ email, password: 'a-fine-password' })).error).toBeNull();

		const recovery = await admin.generateLink({ type: 'recovery', email });
		expect(recovery.data.properties?.verification_type).toBe('recovery');
		expect(fragmentParams(await followLink(recovery.data.properties!.action_link)).get('type')).toBe('recovery');

		const nobody = await admin.generateLink({ type: 'recovery', email: newEmail('nobody') });
		expect(nobody.error?.status).toBe(404);
		expect(nobody.error?.code).toBe('user_not_found');
	});

	it('inviteUserByEmail mails the invitation', async () => {
		const email = newEmail('mailed-invite');
		const { data, error } = await stack.adminClient().auth.admin.inviteUserByEmail(email, { data: { country: 'RO' } });
		expect(error).toBeNull();
		expect(data.user?.email).toBe(email);
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('You have been invited');
		expect(mail.link).toContain('type=invite');
	});

	it('is refused with the anon key and with a user token (not_admin)', async () => {
		const anonAdmin = stack.client().auth.admin;
		const created = await anonAdmin.createUser({ email: newEmail('sneaky'), password: 'password-123' });
		expect(created.error?.status).toBe(403);
		expect(created.error?.code).toBe('not_admin');
		const link = await anonAdmin.generateLink({ type: 'magiclink', email: newEmail('sneaky') });
		expect(link.error?.code).toBe('not_admin');

		const email = newEmail('plain-user');
		await stack.confirmedUser(email, 'password-123');
		const session = (await stack.client().auth.signInWithPassword({ email, password: 'password-123' })).data.session!;
		const asUser = await stack.authFetch('/admin/users', {
			headers: { authorization: `Bearer ${session.access_token}` }
		});
		expect(asUser.status).toBe(403);
		expect((await asUser.json()).code).toBe('not_admin');
	});
});
