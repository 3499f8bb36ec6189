// The Supabase client a request uses on the server: it reads and refreshes the session
// cookies of that request, so every query runs as the person who sent it (RLS decides).
import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import type { Database } from './database.types';

export function createSupabaseServerClient(cookies: Cookies, settings: { url: string; anonKey: string }) {
	return createServerClient<Database>(settings.url, settings.anonKey, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (cookiesToSet) => {
				for (const { name, value, options } of cookiesToSet) {
					cookies.set(name, value, { ...options, path: '/' });
				}
			}
		}
	});
}
