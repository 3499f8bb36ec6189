// Who is calling: the API key Kong checks in front of GoTrue, then the bearer JWT
// GoTrue itself verifies (user endpoints) or requires to carry an admin role (admin API).
import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context.ts';
import { apiKeyOf, bearerTokenOf, IdentityError, verifiedClaims as verifiedTokenClaims } from '../identity.ts';
import type { JwtClaims } from '../jwt.ts';
import { AuthApiError, forbidden, unauthorized } from './errors.ts';
import { findSession } from './sessions.ts';
import { findUserById, isUuid, type UserRow } from './users.ts';

/** Kong answers a missing or unknown key itself, in its own `{message}` shape. */
export class ApiKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ApiKeyError';
	}
}

export function checkApiKey(ctx: StackContext, req: IncomingMessage, url: URL): void {
	const key = apiKeyOf(req, url);
	if (!key) throw new ApiKeyError('No API key found in request');
	if (key !== ctx.anonKey && key !== ctx.serviceRoleKey) throw new ApiKeyError('Invalid authentication credentials');
}

export function bearerToken(req: IncomingMessage): string {
	const token = bearerTokenOf(req);
	if (!token) throw unauthorized('no_authorization', 'This endpoint requires a Bearer token');
	return token;
}

async function verifiedClaims(ctx: StackContext, token: string): Promise<JwtClaims> {
	try {
		return await verifiedTokenClaims(token, ctx.jwtSecret);
	} catch (error) {
		if (!(error instanceof IdentityError)) throw error;
		const reason =
			error.reason === 'expired'
				? 'token has invalid claims: token is expired'
				: 'token is malformed or its signature is invalid';
		throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
	}
}

export interface Caller {
	user: UserRow;
	claims: JwtClaims;
	sessionId: string | undefined;
}

/** GoTrue's requireAuthentication: a valid JWT whose user and session still exist. */
export async function requireUser(ctx: StackContext, req: IncomingMessage): Promise<Caller> {
	const claims = await verifiedClaims(ctx, bearerToken(req));
	const sub = claims.sub;
	if (!sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
	if (!isUuid(sub)) throw new AuthApiError(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID');
	const user = await findUserById(ctx.db, sub);
	if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
	const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined;
	if (sessionId) {
		if (!isUuid(sessionId)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
		if (!(await findSession(ctx.db, sessionId))) {
			throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
		}
	}
	return { user, claims, sessionId };
}

const ADMIN_ROLES = ['service_role', 'supabase_admin'];

export async function requireAdmin(ctx: StackContext, req: IncomingMessage): Promise<void> {
	const claims = await verifiedClaims(ctx, bearerToken(req));
	if (!ADMIN_ROLES.includes(claims.role)) throw forbidden('not_admin', 'User not allowed');
}
