// The service role, for setting scenes and reading what a person cannot see (sign-in links,
// mail times). The local stack signs its keys with this secret; never used by the browser.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';

export async function serviceKey(): Promise<string> {
	return (await apiKeys(process.env.SUPABASE_JWT_SECRET || DEFAULT_JWT_SECRET)).serviceRoleKey;
}

export async function admin(baseURL: string): Promise<SupabaseClient> {
	return createClient(baseURL, await serviceKey(), { auth: { persistSession: false } });
}
