// Who is connecting: the Supabase access token from the upgrade request, verified.
// HS256 with the project secret (local stack, self-hosted) or the project's JWKS
// (hosted Supabase with asymmetric signing keys).
import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { COLLAB_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../collab/protocol.ts';

export interface CollabAuthOptions {
	/** HS256 secret (the local stack's JWT secret). */
	jwtSecret?: string;
	/** JWKS endpoint, e.g. https://<project>.supabase.co/auth/v1/.well-known/jwks.json */
	jwksUrl?: string;
	/** Expected `iss`, when set. */
	issuer?: string;
}

/** The verified claims the server relies on; the rest are passed through to `access`. */
export interface CollabClaims extends JWTPayload {
	role?: string;
	sub?: string;
	exp?: number;
}

export class AuthError extends Error {
	readonly reason: 'missing' | 'expired' | 'invalid';
	constructor(reason: 'missing' | 'expired' | 'invalid', message: string) {
		super(message);
		this.name = 'AuthError';
		this.reason = reason;
	}
}

/** Token from Sec-WebSocket-Protocol (browsers) or an Authorization header (Node clients). */
export function tokenFromRequest(req: IncomingMessage): string | null {
	const offered = (req.headers['sec-websocket-protocol'] ?? '')
		.split(',')
		.map((p) => p.trim())
		.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
	if (offered) return offered.slice(TOKEN_PROTOCOL_PREFIX.length) || null;
	const header = req.headers.authorization;
	if (header && /^bearer\s+/i.test(header)) return header.replace(/^bearer\s+/i, '').trim() || null;
	return null;
}

/** The subprotocol the server answers with: never the token itself. */
export function chooseSubprotocol(offered: Set<string>): string | false {
	return offered.has(COLLAB_SUBPROTOCOL) ? COLLAB_SUBPROTOCOL : false;
}

export type TokenVerifier = (token: string) => Promise<CollabClaims>;

export function createTokenVerifier(options: CollabAuthOptions): TokenVerifier {
	// Imported once: jose would import raw secret bytes again on every verification.
	const secret = options.jwtSecret
		? crypto.subtle.importKey(
				'raw',
				new TextEncoder().encode(options.jwtSecret),
				{ name: 'HMAC', hash: 'SHA-256' },
				false,
				['verify']
			)
		: undefined;
	const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
	if (!secret && !jwks) throw new Error('collab auth needs jwtSecret or jwksUrl');
	const issuer = options.issuer;
	return async (token) => {
		let alg: string | undefined;
		try {
			alg = decodeProtectedHeader(token).alg;
		} catch {
			throw new AuthError('invalid', 'token is not a JWT');
		}
		try {
			if (alg === 'HS256') {
				if (!secret) throw new AuthError('invalid', 'HS256 tokens are not accepted');
				const { payload } = await jwtVerify(token, await secret, { algorithms: ['HS256'], issuer });
				return payload as CollabClaims;
			}
			if (!jwks) throw new AuthError('invalid', `${alg ?? 'unknown'} tokens are not accepted`);
			const { payload } = await jwtVerify(token, jwks, { issuer });
			return payload as CollabClaims;
		} catch (error) {
			if (error instanceof AuthError) throw error;
			if (error instanceof errors.JWTExpired) throw new AuthError('expired', 'token expired');
			throw new AuthError('invalid', 'token failed verification');
		}
	};
}
