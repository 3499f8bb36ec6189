// How this install runs (ACCORD_MODE), and the rules that keep a local install safe when
// people on the same network can reach it. Read by the server entry (Node type stripping)
// and by the app, so it imports nothing from SvelteKit.

/**
 * - demo: the seeded demo event, printed sign-in links, a public mail outbox, the
 *   Supabase CLI's public JWT secret; listens on loopback unless HOST says otherwise.
 * - local: the embedded Supabase stack for real use — no demo accounts, a secret of its
 *   own, mail through SMTP_URL (else an outbox only loopback requests may read).
 * - supabase: a real Supabase project; no local stack.
 */
export type AccordMode = 'demo' | 'local' | 'supabase';

export const ACCORD_MODES: readonly AccordMode[] = ['demo', 'local', 'supabase'];

type Env = Record<string, string | undefined>;

/** ACCORD_MODE if set; else supabase when a project URL is configured, else demo (`npm start`). */
export function resolveMode(env: Env): AccordMode {
	const named = env.ACCORD_MODE?.trim();
	if (named) {
		if (!(ACCORD_MODES as readonly string[]).includes(named)) {
			throw new Error(`ACCORD_MODE must be one of ${ACCORD_MODES.join(', ')}; got "${named}"`);
		}
		return named as AccordMode;
	}
	return env.SUPABASE_URL || env.PUBLIC_SUPABASE_URL ? 'supabase' : 'demo';
}

/** Where the server listens when HOST is not set: loopback, whatever the mode. */
export const DEFAULT_HOST = '127.0.0.1';

const LOOPBACK_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1']);

/** True for an address (or bind host) only this machine can reach. */
export function isLoopback(address: string): boolean {
	const plain = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
	if (LOOPBACK_NAMES.has(plain)) return true;
	// IPv4 127/8, also written as an IPv4-mapped IPv6 address.
	return /^(::ffff:)?127(\.\d{1,3}){3}$/.test(plain);
}

/** Who may read the local mail outbox page. */
export type OutboxAccess = 'everyone' | 'loopback' | 'nobody';

export function outboxAccess(mode: AccordMode, smtpConfigured: boolean): OutboxAccess {
	if (mode === 'supabase' || smtpConfigured) return 'nobody';
	return mode === 'demo' ? 'everyone' : 'loopback';
}

// A reverse proxy on the same machine connects from loopback on behalf of anyone: a
// request that names a client it was forwarded for is not a loopback request.
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host'];

export interface OutboxRequest {
	clientAddress: string;
	headers: { get(name: string): string | null };
}

export function mayReadOutbox(access: OutboxAccess, request: OutboxRequest): boolean {
	if (access === 'everyone') return true;
	if (access === 'nobody') return false;
	if (FORWARDING_HEADERS.some((name) => request.headers.get(name) !== null)) return false;
	return isLoopback(request.clientAddress);
}

/**
 * The Content-Security-Policy of a page, with connect-src extended to a hosted Supabase
 * project the browser talks to (its API and its Realtime WebSocket), which SvelteKit's
 * build-time csp config cannot know.
 */
export function allowSupabaseConnections(policy: string, supabaseUrl: string): string {
	const { origin, protocol } = new URL(supabaseUrl);
	const socketOrigin = `${protocol === 'https:' ? 'wss:' : 'ws:'}//${new URL(supabaseUrl).host}`;
	return policy
		.split(';')
		.map((directive) => {
			const trimmed = directive.trim();
			return trimmed.startsWith('connect-src ') ? `${trimmed} ${origin} ${socketOrigin}` : trimmed;
		})
		.join('; ');
}
