// The token browser-side Supabase clients send. The server owns the session: it refreshes
// the cookie on every request (which may then be HttpOnly) and the root layout hands the
// browser the current access token. A page left open past the token's hour reloads the
// root layout's data first, so the server refreshes and hands over the new token; the
// browser never refreshes itself (two refreshers would trip refresh-token reuse detection).
import { invalidate } from '$app/navigation';
import { AUTH_DEPENDENCY, needsFreshToken, type BrowserSupabaseSettings } from './settings';

let refreshing: Promise<void> | undefined;

/** The signed-in person's token, fresh; the anon key for a visitor, as supabase-js does. */
export async function currentAccessToken(settings: () => BrowserSupabaseSettings): Promise<string> {
	const { accessToken, accessTokenExpiresAt, anonKey } = settings();
	if (accessToken && needsFreshToken(accessTokenExpiresAt, Date.now())) {
		refreshing ??= invalidate(AUTH_DEPENDENCY).finally(() => (refreshing = undefined));
		await refreshing;
	}
	return settings().accessToken ?? anonKey;
}
