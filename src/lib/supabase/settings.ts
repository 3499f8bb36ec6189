// What the server tells the browser about Supabase, and when to ask it again. No imports:
// the root layout, the Realtime connection and the full client all read this.

/** What the root layout gives the browser (see src/routes/+layout.server.ts). */
export interface BrowserSupabaseSettings {
	/** Empty means the app's own origin, as in local mode. */
	url: string;
	anonKey: string;
	/** The signed-in person's access token, or null for a visitor. */
	accessToken: string | null;
	/** When it expires (seconds since the epoch), so the browser can ask for a fresh one. */
	accessTokenExpiresAt: number | null;
}

/** Page data that carries these settings reloads on `invalidate(AUTH_DEPENDENCY)`. */
export const AUTH_DEPENDENCY = 'supabase:auth';

/** Whether a token should be replaced before use: it expires within the next minute. */
export function needsFreshToken(expiresAt: number | null, nowMs: number): boolean {
	return expiresAt !== null && expiresAt * 1000 - nowMs < 60_000;
}
