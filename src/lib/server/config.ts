// Where the app finds Supabase. In local mode the server entry fills these in from the
// embedded stack before the app loads; against a real project they come from the env.
import { env as publicEnv } from '$env/dynamic/public';
import { env } from '$env/dynamic/private';
import { mayReadOutbox, type OutboxAccess, type OutboxRequest } from './deployment';

/**
 * A setting from SvelteKit's runtime environment, else the live process environment:
 * under `npm run dev` the backend plugin sets the Supabase variables after SvelteKit
 * may already have taken its snapshot.
 */
function setting(source: Record<string, string | undefined>, name: string): string | undefined {
	return source[name] || process.env[name];
}

function required(name: string, value: string | undefined): string {
	if (!value) {
		throw new Error(`${name} is not set. Start the app with "npm start", or set it for a real Supabase project.`);
	}
	return value;
}

/** The URL the server uses to reach Supabase (loopback in local mode). */
export function supabaseServerUrl(): string {
	return required('SUPABASE_URL', setting(env, 'SUPABASE_URL') || setting(publicEnv, 'PUBLIC_SUPABASE_URL'));
}

/** The URL browsers use; empty means "the app's own origin", as in local mode. */
export function supabaseBrowserUrl(): string {
	return setting(publicEnv, 'PUBLIC_SUPABASE_URL') ?? '';
}

export function supabaseAnonKey(): string {
	return required('PUBLIC_SUPABASE_ANON_KEY', setting(publicEnv, 'PUBLIC_SUPABASE_ANON_KEY'));
}

/** True when the embedded local stack serves Supabase. */
export function isLocalStack(): boolean {
	return setting(env, 'ACCORD_LOCAL_STACK') === '1';
}

/**
 * Whether this request may read the local mail outbox: everyone in demo mode, loopback
 * requests in local mode without SMTP, nobody otherwise (the server entry decides which).
 */
export function outboxVisibleTo(request: OutboxRequest): boolean {
	if (!isLocalStack()) return false;
	const access = (setting(env, 'ACCORD_OUTBOX') ?? 'nobody') as OutboxAccess;
	return mayReadOutbox(access, request);
}

export function supabaseServiceRoleKey(): string {
	return required('SUPABASE_SERVICE_ROLE_KEY', setting(env, 'SUPABASE_SERVICE_ROLE_KEY'));
}
