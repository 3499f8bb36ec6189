// Supabase Auth's admin API, server-side only: this module reads the service role key and
// must never be imported by code that reaches the browser ($lib/server enforces that).
// It sends mail and mints sign-in links; it decides nothing. Who may ask for either is
// checked first with the caller's own token (member_contacts, redeem_badge_link's grant).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { supabaseAnonKey, supabaseServerUrl, supabaseServiceRoleKey } from './config';
import { DataError } from './errors';

/** The admin client: one per call, no session kept (it is not anyone's session). */
export function adminClient(): SupabaseClient<Database> {
	return createClient<Database>(supabaseServerUrl(), supabaseServiceRoleKey(), {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

/**
 * A client without a user, for mails Auth sends on its own behalf (a magic link to a
 * person who already has an account). Implicit flow: the link must work on whatever
 * device the person opens it, where no PKCE verifier waits.
 */
export function mailClient(): SupabaseClient {
	return createClient(supabaseServerUrl(), supabaseAnonKey(), {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType: 'implicit' }
	});
}

/**
 * Signs the request's browser in as `email`, with a one-time Auth link minted and used on
 * the spot: for a key of Accord's own already checked and spent (a badge, an invitation).
 */
export async function signInWithFreshLink(supabase: SupabaseClient<Database>, email: string): Promise<void> {
	const { data, error } = await adminClient().auth.admin.generateLink({ type: 'magiclink', email });
	if (error) {
		throw new DataError('auth.signIn', { code: error.code ?? 'auth', message: error.message, status: error.status });
	}
	const verified = await supabase.auth.verifyOtp({ token_hash: data.properties.hashed_token, type: 'magiclink' });
	if (verified.error) {
		throw new DataError('auth.signIn', {
			code: verified.error.code ?? 'auth',
			message: verified.error.message,
			status: verified.error.status
		});
	}
}
