import { supabaseAnonKey, supabaseBrowserUrl } from '$lib/server/config';
import { AUTH_DEPENDENCY, type BrowserSupabaseSettings } from '$lib/supabase/settings';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals, depends }) => {
	depends(AUTH_DEPENDENCY);
	const user = locals.user;
	// What the browser's Supabase client needs for Realtime ($lib/live). Only the access
	// token travels: the refresh token stays in the cookie, and the server refreshes.
	const supabase: BrowserSupabaseSettings = {
		url: supabaseBrowserUrl(),
		anonKey: supabaseAnonKey(),
		accessToken: user ? (locals.session?.access_token ?? null) : null,
		accessTokenExpiresAt: user ? (locals.session?.expires_at ?? null) : null
	};
	return {
		locale: locals.locale,
		supabase,
		user: user
			? {
					id: user.id,
					email: user.email ?? '',
					displayName:
						typeof user.user_metadata?.display_name === 'string' ? user.user_metadata.display_name : (user.email ?? '')
				}
			: null
	};
}) satisfies LayoutServerLoad;
