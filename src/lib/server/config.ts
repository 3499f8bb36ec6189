// Where the app finds Supabase. In local mode the server entry fills these in from the
// embedded stack before the app loads; against a real project they come from the env.
import { env as publicEnv } from '$env/dynamic/public';
import { env } from '$env/dynamic/private';

function required(name: string, value: string | undefined): string {
	if (!value) throw new Error(`${name} is not set. Start the app with "npm start", or set it for a real Supabase project.`);
	return value;
}

/** The URL the server uses to reach Supabase (loopback in local mode). */
export function supabaseServerUrl(): string {
	return required('SUPABASE_URL', env.SUPABASE_URL || publicEnv.PUBLIC_SUPABASE_URL);
}

/** The URL browsers use; empty means "the app's own origin", as in local mode. */
export function supabaseBrowserUrl(): string {
	return publicEnv.PUBLIC_SUPABASE_URL ?? '';
}

export function supabaseAnonKey(): string {
	return required('PUBLIC_SUPABASE_ANON_KEY', publicEnv.PUBLIC_SUPABASE_ANON_KEY);
}

/** True when the embedded local stack serves Supabase (dev-only pages such as the mail outbox). */
export function isLocalStack(): boolean {
	return env.ACCORD_LOCAL_STACK === '1';
}

export function supabaseServiceRoleKey(): string {
	return required('SUPABASE_SERVICE_ROLE_KEY', env.SUPABASE_SERVICE_ROLE_KEY);
}
