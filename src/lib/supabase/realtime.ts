// The browser's Realtime connection for $lib/live. It uses @supabase/realtime-js alone,
// the part of supabase-js a live page needs: the whole client (Auth, REST, Storage)
// weighs about 60 KiB gzipped against Realtime's 16, and read-only pages that listen
// (the programme) have a 40 KiB budget for everything else. Import it only dynamically.
import { RealtimeClient } from '@supabase/realtime-js';
import { currentAccessToken } from './access-token';
import type { BrowserSupabaseSettings } from './settings';

let client: RealtimeClient | undefined;

/** One connection per tab, shared by every live() on the page. */
export function browserRealtime(settings: () => BrowserSupabaseSettings): RealtimeClient {
	if (client) return client;
	const { url, anonKey } = settings();
	const endpoint = `${(url || window.location.origin).replace(/^http/, 'ws')}/realtime/v1`;
	client = new RealtimeClient(endpoint, {
		params: { apikey: anonKey },
		accessToken: () => currentAccessToken(settings)
	});
	return client;
}
