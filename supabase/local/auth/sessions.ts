// Sessions, access tokens and rotating refresh tokens, with GoTrue's reuse detection:
// a rotated token may be replayed for a short interval (a client that lost the response),
// after that a replay ends the session, every token of it, for good.
import { randomBytes } from 'node:crypto';
import type { StackContext } from '../context.ts';
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { signJwt } from '../jwt.ts';
import { badRequest, AuthApiError } from './errors.ts';
import { authSettings } from './settings.ts';
import { findUserById, isBanned, userJson, type UserRow, type UserJson } from './users.ts';

/** How a session was authenticated: the amr method in its JWTs. */
export type AuthenticationMethod =
	'password' | 'otp' | 'magiclink' | 'email/signup' | 'invite' | 'recovery' | 'email_change';

export interface SessionJson {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	expires_at: number;
	refresh_token: string;
	user: UserJson;
}

interface SessionRow {
	id: string;
	user_id: string;
	aal: string;
	amr_method: string;
	created_at: Date | string;
	refreshed_at: Date | string | null;
}

function newRefreshToken(): string {
	return randomBytes(24).toString('base64url');
}

export async function findSession(q: Queryable, sessionId: string): Promise<SessionRow | undefined> {
	const { rows } = await q.query<SessionRow>(
		'select id, user_id, aal, amr_method, created_at, refreshed_at from auth.sessions where id = $1',
		[sessionId]
	);
	return rows[0];
}

/** Starts a session for a user who just proved who they are, and answers with GoTrue's token JSON. */
export async function startSession(
	ctx: StackContext,
	q: Queryable,
	user: UserRow,
	method: AuthenticationMethod,
	userAgent?: string
): Promise<SessionJson> {
	const { rows } = await q.query<SessionRow>(
		`insert into auth.sessions (user_id, amr_method, user_agent) values ($1, $2, $3)
		 returning id, user_id, aal, amr_method, created_at, refreshed_at`,
		[user.id, method, userAgent ?? null]
	);
	const session = rows[0]!;
	const refreshToken = newRefreshToken();
	await q.query('insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)', [
		refreshToken,
		user.id,
		session.id
	]);
	await q.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [user.id]);
	await q.query(
		`update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1 and provider = 'email'`,
		[user.id]
	);
	const signedIn = (await findUserById(q, user.id))!;
	return sessionJson(ctx, q, signedIn, session, refreshToken);
}

async function sessionJson(
	ctx: StackContext,
	q: Queryable,
	user: UserRow,
	session: SessionRow,
	refreshToken: string
): Promise<SessionJson> {
	const expiresIn = authSettings(ctx).jwtExpiry;
	const now = Math.floor(Date.now() / 1000);
	const accessToken = await signJwt(
		{
			iss: `${ctx.publicUrl}/auth/v1`,
			sub: user.id,
			aud: user.aud ?? 'authenticated',
			iat: now,
			exp: now + expiresIn,
			email: user.email ?? '',
			phone: user.phone ?? '',
			app_metadata: user.raw_app_meta_data ?? {},
			user_metadata: user.raw_user_meta_data ?? {},
			role: user.role ?? 'authenticated',
			aal: session.aal,
			amr: [{ method: session.amr_method, timestamp: Math.floor(new Date(session.created_at).getTime() / 1000) }],
			session_id: session.id,
			is_anonymous: user.is_anonymous
		},
		ctx.jwtSecret
	);
	return {
		access_token: accessToken,
		token_type: 'bearer',
		expires_in: expiresIn,
		expires_at: now + expiresIn,
		refresh_token: refreshToken,
		user: await userJson(q, user)
	};
}

interface RefreshTokenRow {
	id: number;
	token: string;
	user_id: string;
	session_id: string;
	parent: string | null;
	revoked: boolean;
	updated_at: Date | string;
}

type RefreshOutcome = { ok: true; session: SessionJson } | { ok: false; error: AuthApiError };

export async function refreshSession(ctx: StackContext, refreshToken: string): Promise<SessionJson> {
	if (refreshToken.length < 12) throw badRequest('validation_failed', 'Refresh token is not valid');
	const settings = authSettings(ctx);
	// The family revocation must be committed even though the request fails, so the
	// transaction returns the error instead of throwing it.
	const outcome = await ctx.db.transaction<RefreshOutcome>(async (q) => {
		const { rows } = await q.query<RefreshTokenRow>(
			`select id, token, user_id, session_id, parent, revoked, updated_at
			 from auth.refresh_tokens where token = $1 for update`,
			[refreshToken]
		);
		const token = rows[0];
		if (!token) {
			return {
				ok: false,
				error: badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
			};
		}
		const user = await findUserById(q, token.user_id);
		const session = await findSession(q, token.session_id);
		if (!user || !session) {
			return { ok: false, error: badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found') };
		}
		if (isBanned(user)) return { ok: false, error: badRequest('user_banned', 'Invalid Refresh Token: User Banned') };

		const now = new Date(settings.now());
		const lastActive = new Date(session.refreshed_at ?? session.created_at).getTime();
		const inactivity = settings.sessionInactivityTimeout;
		if (inactivity > 0 && now.getTime() > lastActive + inactivity * 1000) {
			return {
				ok: false,
				error: badRequest('session_expired', 'Invalid Refresh Token: Session Expired (Inactivity)')
			};
		}
		let issued: string | undefined;
		if (token.revoked) {
			// Past the reuse interval a revoked token is a replay, whoever holds it: even the
			// parent of the current token (a stolen one works only as long as a lost answer could).
			const reuseUntil = new Date(token.updated_at).getTime() + settings.refreshTokenReuseInterval * 1000;
			if (now.getTime() > reuseUntil) {
				// GoTrue revokes the token family; ending the session does that for good (no
				// later replay finds a token to start a chain from) and stops its access tokens.
				await q.query('delete from auth.sessions where id = $1', [session.id]);
				return { ok: false, error: badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
			}
			const active = await q.query<{ token: string; parent: string | null }>(
				`select token, parent from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1`,
				[session.id]
			);
			const current = active.rows[0];
			// The client refreshed but never stored the answer: hand back the token it missed.
			if (current && current.parent === token.token) issued = current.token;
		}
		if (!issued) {
			issued = newRefreshToken();
			// Only the first revocation starts the reuse interval: replaying within it cannot stretch it.
			await q.query('update auth.refresh_tokens set revoked = true, updated_at = $2 where id = $1 and not revoked', [
				token.id,
				now
			]);
			await q.query(
				`insert into auth.refresh_tokens (token, user_id, session_id, parent, created_at, updated_at)
				 values ($1, $2, $3, $4, $5, $5)`,
				[issued, user.id, session.id, token.token, now]
			);
		}
		await q.query('update auth.sessions set refreshed_at = $2, updated_at = $2 where id = $1', [session.id, now]);
		return { ok: true, session: await sessionJson(ctx, q, user, session, issued) };
	});
	if (!outcome.ok) throw outcome.error;
	return outcome.session;
}

export type LogoutScope = 'global' | 'local' | 'others';

export async function endSessions(
	q: Queryable,
	userId: string,
	sessionId: string | undefined,
	scope: LogoutScope
): Promise<void> {
	if (scope === 'global') {
		await q.query('delete from auth.sessions where user_id = $1', [userId]);
	} else if (scope === 'local') {
		if (sessionId) await q.query('delete from auth.sessions where id = $1', [sessionId]);
	} else {
		await q.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [
			userId,
			sessionId ?? null
		]);
	}
}
