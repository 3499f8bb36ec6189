// The Supabase client a request uses on the server: it reads and refreshes the session
// cookies of that request, so every query runs as the person who sent it (RLS decides).
import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/session-cookie';
import type { Database } from './database.types';

export interface ServerClientSettings {
	url: string;
	anonKey: string;
	/** The site as the person reached it (Secure cookies on https). */
	siteUrl: URL;
	/**
	 * The person's IP, forwarded so Auth's per-IP rate limits count them, not this server
	 * (the local stack believes X-Forwarded-For only from loopback, GoTrue from its proxy).
	 */
	clientAddress?: string;
}

export function createSupabaseServerClient(cookies: Cookies, settings: ServerClientSettings) {
	return createServerClient<Database>(settings.url, settings.anonKey, {
		global: settings.clientAddress ? { headers: { 'X-Forwarded-For': settings.clientAddress } } : undefined,
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (cookiesToSet) => {
				for (const { name, value, options } of cookiesToSet) {
					cookies.set(name, value, sessionCookieOptions(options, settings.siteUrl));
				}
			}
		}
	});
}
