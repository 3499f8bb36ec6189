// The full Supabase client in the browser, for pages that talk to Supabase directly
// (uploads, RPCs from an editor). It never signs in, refreshes or writes cookies: the
// server owns the session (see ./access-token.ts). About 60 KiB gzipped: import it only
// dynamically, and only on pages that need more than Realtime (for that, ./realtime.ts).
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import { currentAccessToken } from './access-token';
import type { Database } from './database.types';
import type { BrowserSupabaseSettings } from './settings';

let client: SupabaseClient<Database> | undefined;

/** One client per tab; `settings` is read again each time a token is needed. */
export function browserSupabase(settings: () => BrowserSupabaseSettings): SupabaseClient<Database> {
	if (client) return client;
	const { url, anonKey } = settings();
	client = createBrowserClient<Database>(url || window.location.origin, anonKey, {
		isSingleton: false,
		// No cookie access: the session cookie is the server's (and may be HttpOnly).
		cookies: { getAll: () => [], setAll: () => {} },
		accessToken: () => currentAccessToken(settings)
	});
	return client;
}
