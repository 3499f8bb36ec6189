// Who a Realtime subscriber is: the role and claims of a verified JWT (the apikey the
// socket connected with, or the user's access_token from phx_join / access_token).
import { decodeJwt } from 'jose';
import { JwtError, verifyJwt } from '../jwt.ts';
import { isApiRole } from '../request-role.ts';
import type { RequestIdentity } from '../request-role.ts';

export interface Identity extends RequestIdentity {
	/** Seconds since the epoch when the token stops being valid, if it says. */
	expiresAt: number | undefined;
	/** Equal for identities RLS cannot tell apart, so row checks can be shared. */
	key: string;
}

/** A token Realtime refuses; `message` is the text Supabase Realtime reports. */
export class TokenError extends Error {
	readonly reason: 'expired' | 'invalid';
	constructor(reason: 'expired' | 'invalid', message: string) {
		super(message);
		this.name = 'TokenError';
		this.reason = reason;
	}
}

export async function identityFromToken(token: string, secret: string): Promise<Identity> {
	let claims;
	try {
		claims = await verifyJwt(token, secret);
	} catch (error) {
		if (error instanceof JwtError && error.reason === 'expired') {
			throw new TokenError('expired', `Token has expired ${secondsSinceExpiry(token)} seconds ago`);
		}
		throw new TokenError('invalid', 'Invalid JWT Token');
	}
	if (!isApiRole(claims.role)) throw new TokenError('invalid', `Invalid JWT Token: role ${claims.role} is not allowed`);
	const { exp, iat: _issuedAt, ...stable } = claims;
	return {
		role: claims.role,
		claims,
		expiresAt: typeof exp === 'number' ? exp : undefined,
		key: JSON.stringify(stable)
	};
}

function secondsSinceExpiry(token: string): number {
	try {
		const { exp } = decodeJwt(token);
		return typeof exp === 'number' ? Math.max(0, Math.floor(Date.now() / 1000) - exp) : 0;
	} catch {
		return 0;
	}
}
