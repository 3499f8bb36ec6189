// Who a Realtime subscriber is: the identity (identity.ts) of a verified JWT — the apikey
// the socket connected with, or the user's access_token from phx_join / access_token —
// refused in the words Supabase Realtime uses.
import { identityOf, IdentityError, secondsSinceExpiry } from '../identity.ts';
import type { Identity } from '../identity.ts';

export type { Identity } from '../identity.ts';

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
	try {
		return await identityOf(token, secret);
	} catch (error) {
		if (!(error instanceof IdentityError)) throw error;
		if (error.reason === 'expired') {
			throw new TokenError('expired', `Token has expired ${secondsSinceExpiry(token)} seconds ago`);
		}
		if (error.reason === 'role') {
			throw new TokenError('invalid', `Invalid JWT Token: role ${error.role} is not allowed`);
		}
		throw new TokenError('invalid', 'Invalid JWT Token');
	}
}
