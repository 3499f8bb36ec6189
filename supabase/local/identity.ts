// Who is calling, decided once for every API of the local stack: the apikey Supabase's
// gateway requires, the bearer token, and a verified JWT whose role is an API role.
// Each API words a refusal its own way (PostgREST, Realtime, GoTrue), so failures are
// IdentityError with a reason, and each API maps the reason to its own error body.
import type { IncomingMessage } from 'node:http';
import { decodeJwt } from 'jose';
import { JwtError, verifyJwt } from './jwt.ts';
import type { JwtClaims } from './jwt.ts';
import { isApiRole } from './request-role.ts';
import type { RequestIdentity } from './request-role.ts';

export interface Identity extends RequestIdentity {
	/** The token the identity came from. */
	token: string;
	/** Seconds since the epoch when the token stops being valid, if it says. */
	expiresAt: number | undefined;
	/** Equal for identities RLS cannot tell apart, so row checks can be shared. */
	key: string;
}

export type IdentityFailure =
	/** No apikey header or query parameter. */
	| 'no_api_key'
	/** The apikey is not a token signed with the project's secret. */
	| 'invalid_api_key'
	| 'expired'
	/** Not a JWT, or a signature that does not verify. */
	| 'invalid'
	/** A verified token whose role is not anon, authenticated or service_role. */
	| 'role';

export class IdentityError extends Error {
	readonly reason: IdentityFailure;
	readonly token: string | undefined;
	/** The role a verified token claimed, when that role is the failure. */
	readonly role: string | undefined;
	constructor(reason: IdentityFailure, message: string, token?: string, role?: string) {
		super(message);
		this.name = 'IdentityError';
		this.reason = reason;
		this.token = token;
		this.role = role;
	}
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** The apikey, from the header or the query string (as Supabase's gateway reads it). */
export function apiKeyOf(req: IncomingMessage, url: URL): string | undefined {
	return header(req, 'apikey') ?? url.searchParams.get('apikey') ?? undefined;
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerTokenOf(req: IncomingMessage): string | undefined {
	const match = /^bearer\s+(.+)$/i.exec(header(req, 'authorization')?.trim() ?? '');
	return match?.[1]?.trim();
}

/** The claims of a token signed with `secret`, whatever its role. */
export async function verifiedClaims(token: string, secret: string): Promise<JwtClaims> {
	try {
		return await verifyJwt(token, secret);
	} catch (error) {
		if (error instanceof JwtError && error.reason === 'expired') {
			throw new IdentityError('expired', 'JWT expired', token);
		}
		throw new IdentityError('invalid', error instanceof Error ? error.message : 'invalid JWT', token);
	}
}

/** The identity a token carries; only the three API roles are identities. */
export async function identityOf(token: string, secret: string): Promise<Identity> {
	const claims = await verifiedClaims(token, secret);
	if (!isApiRole(claims.role)) {
		throw new IdentityError(
			'role',
			`JWT role "${claims.role}" is not one of anon, authenticated, service_role`,
			token,
			claims.role
		);
	}
	const { exp, iat: _issuedAt, ...stable } = claims;
	return {
		role: claims.role,
		claims,
		token,
		expiresAt: typeof exp === 'number' ? exp : undefined,
		key: JSON.stringify(stable)
	};
}

/**
 * Who is calling, as Supabase decides it: the gateway requires a valid apikey even with
 * a bearer token; the role and claims come from the bearer token, else the apikey.
 */
export async function requestIdentity(req: IncomingMessage, url: URL, secret: string): Promise<Identity> {
	const key = apiKeyOf(req, url);
	if (!key) throw new IdentityError('no_api_key', 'No API key found in request');
	try {
		await verifyJwt(key, secret);
	} catch {
		throw new IdentityError('invalid_api_key', 'Invalid API key', key);
	}
	return identityOf(bearerTokenOf(req) ?? key, secret);
}

/** Seconds since a token expired (0 when it cannot tell), for the messages that say so. */
export function secondsSinceExpiry(token: string): number {
	try {
		const { exp } = decodeJwt(token);
		return typeof exp === 'number' ? Math.max(0, Math.floor(Date.now() / 1000) - exp) : 0;
	} catch {
		return 0;
	}
}
