// How the Supabase session cookie is written. @supabase/ssr writes it readable by scripts
// and for 400 days; Accord's browser code never reads it (the root layout hands the browser
// the access token, src/lib/supabase/browser.ts), so it is HttpOnly, and it lives as long as
// the session it carries may: GoTrue ends a session idle for [auth.sessions]
// inactivity_timeout, and every refresh by the server writes the cookie anew, so an active
// person's cookie keeps sliding forward while an idle one's expires with its session.
import type { Cookies } from '@sveltejs/kit';

type CookieOptions = Parameters<Cookies['set']>[2];

/** config.toml [auth.sessions] inactivity_timeout ("168h"), in seconds; a test holds them equal. */
export const SESSION_INACTIVITY_SECONDS = 7 * 24 * 60 * 60;

/**
 * The options for one session cookie @supabase/ssr asks to set (a removal keeps its
 * maxAge 0). Secure whenever the site is served over https; over plain http (local mode on
 * a venue LAN) a Secure cookie would be dropped by the browser.
 */
export function sessionCookieOptions(options: Partial<CookieOptions>, siteUrl: URL): CookieOptions {
	const { expires: _expires, ...rest } = options;
	return {
		...rest,
		path: '/',
		httpOnly: true,
		secure: siteUrl.protocol === 'https:',
		sameSite: 'lax',
		maxAge: options.maxAge === 0 ? 0 : SESSION_INACTIVITY_SECONDS
	};
}
