// Supabase clients for tests: the service role, for setting scenes and reading what a person
// cannot see (sign-in links, mail times), and a person signed in with the demo password, as
// any script could be. The local stack signs its keys with this secret; never the browser's.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';

/** The seed's password for every demo person. */
export const DEMO_PASSWORD = 'accord-demo';

const keys = () => apiKeys(process.env.SUPABASE_JWT_SECRET || DEFAULT_JWT_SECRET);

export async function serviceKey(): Promise<string> {
	return (await keys()).serviceRoleKey;
}

export async function anonKey(): Promise<string> {
	return (await keys()).anonKey;
}

export async function admin(baseURL: string): Promise<SupabaseClient> {
	return createClient(baseURL, await serviceKey(), { auth: { persistSession: false } });
}

/** A client signed in as a seeded person; throws when the sign-in is refused. */
export async function personClient(baseURL: string, email: string): Promise<SupabaseClient> {
	const supabase = createClient(baseURL, await anonKey(), { auth: { persistSession: false } });
	const { error } = await supabase.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error) throw new Error(`${email} sign-in failed: ${error.message}`);
	return supabase;
}
