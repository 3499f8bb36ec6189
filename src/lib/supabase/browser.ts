// The browser's Supabase client, for Realtime. The server owns the session: it refreshes
// the cookie on every request (which may then be HttpOnly), and the root layout hands the
// browser the current access token. So this client never signs in, refreshes or writes
// cookies itself (two refreshers would trip refresh-token reuse detection); it asks for
// the token the latest page data carries whenever Realtime needs one.
//
// Import it only dynamically (see $lib/live): supabase-js and its Realtime client would
// otherwise weigh on every read-only page.
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

/** What the root layout gives the browser (see src/routes/+layout.server.ts). */
export interface BrowserSupabaseSettings {
	/** Empty means the app's own origin, as in local mode. */
	url: string;
	anonKey: string;
	/** The signed-in person's access token, or null for a visitor. */
	accessToken: string | null;
}

let client: SupabaseClient<Database> | undefined;

/** One client per tab; `settings` is read again each time a token is needed. */
export function browserSupabase(settings: () => BrowserSupabaseSettings): SupabaseClient<Database> {
	if (client) return client;
	const { url, anonKey } = settings();
	client = createBrowserClient<Database>(url || window.location.origin, anonKey, {
		isSingleton: false,
		cookies: { getAll: () => [], setAll: () => {} },
		// A visitor talks to Realtime with the anon key, as supabase-js itself does.
		accessToken: async () => settings().accessToken ?? anonKey
	});
	return client;
}
