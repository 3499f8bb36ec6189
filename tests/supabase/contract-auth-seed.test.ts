// Auth against the project itself: the real migrations and the demo seed (supabase/seed.sql),
// whose accounts are written like GoTrue writes them. The demo people must be able to
// sign in with their password, through a printed demo link (generate_link → token_hash),
// and by magic link, and their sessions must work for the project's API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { verifyJwt } from '../../supabase/local/jwt.ts';
import { codeIn, startAuthStack, type AuthStack } from './helpers/auth.ts';

const projectDir = fileURLToPath(new URL('../../supabase/', import.meta.url));
const ORGANISER = { id: 'a0000000-0000-4000-8000-000000000001', email: 'organiser@accord.test' };
const DELEGATE_EMAIL = 'delegate.ua.2@accord.test';
const DEMO_PASSWORD = 'accord-demo';
const EVENT_2018 = 'e0000000-0000-4000-8000-000000002018';

let stack: AuthStack;

function client(key = stack.anonKey): SupabaseClient {
	return createClient(stack.url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 }, { workdir: projectDir });
});

afterAll(async () => {
	await stack?.close();
});

describe('the seeded demo accounts', () => {
	it('sign in with the demo password; the seed’s identity and metadata come back', async () => {
		const { data, error } = await client().auth.signInWithPassword({ email: ORGANISER.email, password: DEMO_PASSWORD });
		expect(error).toBeNull();
		expect(data.user?.id).toBe(ORGANISER.id);
		expect(data.user?.user_metadata).toMatchObject({ display_name: 'Ioana Dumitrescu' });
		expect(data.user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: ORGANISER.id });
		expect(data.user?.new_email).toBeUndefined();
		const claims = await verifyJwt(data.session!.access_token, stack.ctx.jwtSecret);
		expect(claims.sub).toBe(ORGANISER.id);

		const wrong = await client().auth.signInWithPassword({ email: ORGANISER.email, password: 'not-the-demo-password' });
		expect(wrong.error?.code).toBe('invalid_credentials');
	});

	it('a demo link (generate_link magiclink → /auth/confirm?token_hash=…) signs the person in', async () => {
		const { data, error } = await client(stack.serviceRoleKey).auth.admin.generateLink({
			type: 'magiclink',
			email: DELEGATE_EMAIL
		});
		expect(error).toBeNull();
		expect(data.properties?.verification_type).toBe('magiclink');
		const supabase = client();
		const verified = await supabase.auth.verifyOtp({ token_hash: data.properties!.hashed_token, type: 'magiclink' });
		expect(verified.error).toBeNull();
		expect(verified.data.user?.email).toBe(DELEGATE_EMAIL);

		const again = await client().auth.verifyOtp({ token_hash: data.properties!.hashed_token, type: 'magiclink' });
		expect(again.error?.code).toBe('otp_expired');
	});

	it('a magic link code from the outbox signs a seeded person in', async () => {
		expect(
			(await client().auth.signInWithOtp({ email: ORGANISER.email, options: { shouldCreateUser: false } })).error
		).toBeNull();
		const mail = await stack.latestMail(ORGANISER.email);
		expect(mail.subject).toBe('Your Magic Link');
		const { data, error } = await client().auth.verifyOtp({
			email: ORGANISER.email,
			token: codeIn(mail),
			type: 'email'
		});
		expect(error).toBeNull();
		expect(data.user?.id).toBe(ORGANISER.id);
	});

	it('the session works for the project’s API: REST sees the signed-in person as auth.uid()', async () => {
		const supabase = client();
		const anonymous = await supabase.rpc('member_role', { event_id: EVENT_2018 });
		expect(anonymous.error).toBeNull();
		expect(anonymous.data).toBeNull();

		expect(
			(await supabase.auth.signInWithPassword({ email: ORGANISER.email, password: DEMO_PASSWORD })).error
		).toBeNull();
		const signedIn = await supabase.rpc('member_role', { event_id: EVENT_2018 });
		expect(signedIn.error).toBeNull();
		expect(signedIn.data).toBe('organiser');
	});
});
