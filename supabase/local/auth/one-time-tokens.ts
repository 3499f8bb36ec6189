// Mailed links and codes. One secret serves both: the 6-digit code, and the link's
// token, which is sha256(email + code) — the only thing stored. A PKCE link carries
// "pkce_" before the hash and points at the flow state its client started.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { badRequest, forbidden, notFound, unprocessable, AuthApiError } from './errors.ts';
import type { AuthSettings } from './settings.ts';
import type { AuthenticationMethod } from './sessions.ts';

export type TokenType = 'confirmation_token' | 'recovery_token' | 'email_change_token_new';
/** The `type` of /verify requests and links. */
export type VerificationType = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email' | 'email_change';

export const PKCE_PREFIX = 'pkce_';

export function isVerificationType(value: unknown): value is VerificationType {
	return (
		typeof value === 'string' && ['signup', 'invite', 'magiclink', 'recovery', 'email', 'email_change'].includes(value)
	);
}

export function tokenHash(email: string, code: string): string {
	return createHash('sha256')
		.update(email.toLowerCase() + code)
		.digest('hex');
}

export interface IssuedToken {
	code: string;
	hash: string;
	/** What goes into the link's token parameter. */
	linkToken: string;
}

const SENT_AT_COLUMNS: Record<TokenType, string> = {
	confirmation_token: 'confirmation_sent_at',
	recovery_token: 'recovery_sent_at',
	email_change_token_new: 'email_change_sent_at'
};

export async function issueToken(
	q: Queryable,
	settings: AuthSettings,
	userId: string,
	/** The address the mail goes to: the new one for an email change. */
	email: string,
	type: TokenType,
	flowStateId?: string
): Promise<IssuedToken> {
	const code = String(randomInt(0, 10 ** settings.otpLength)).padStart(settings.otpLength, '0');
	const hash = tokenHash(email, code);
	await q.query(
		`insert into auth.one_time_tokens (user_id, token_type, token_hash, relates_to, flow_state_id)
		 values ($1, $2, $3, $4, $5)
		 on conflict (user_id, token_type) do update
		   set token_hash = excluded.token_hash, relates_to = excluded.relates_to,
		       flow_state_id = excluded.flow_state_id, created_at = now()`,
		[userId, type, hash, email, flowStateId ?? null]
	);
	await q.query(`update auth.users set ${SENT_AT_COLUMNS[type]} = now(), updated_at = now() where id = $1`, [userId]);
	return { code, hash, linkToken: flowStateId ? PKCE_PREFIX + hash : hash };
}

function tokenTypesFor(type: VerificationType): TokenType[] {
	if (type === 'signup' || type === 'invite') return ['confirmation_token'];
	if (type === 'magiclink' || type === 'recovery') return ['recovery_token'];
	if (type === 'email_change') return ['email_change_token_new'];
	return ['confirmation_token', 'recovery_token'];
}

export interface ConsumedToken {
	userId: string;
	/** What the mail was for: an `email` verification resolves to the kind that was sent. */
	type: Exclude<VerificationType, 'email'>;
	flowStateId: string | undefined;
}

/** Single use: the token row is gone once this returns. */
export async function consumeToken(
	q: Queryable,
	settings: AuthSettings,
	hash: string,
	type: VerificationType,
	invalidMessage: string
): Promise<ConsumedToken> {
	const { rows } = await q.query<{
		user_id: string;
		token_type: TokenType;
		flow_state_id: string | null;
		expired: boolean;
	}>(
		`delete from auth.one_time_tokens where token_hash = $1 and token_type = any($2::text[])
		 returning user_id, token_type, flow_state_id, created_at + make_interval(secs => $3) < now() as expired`,
		[hash, tokenTypesFor(type), settings.otpExpiry]
	);
	const token = rows[0];
	if (!token || token.expired) throw forbidden('otp_expired', invalidMessage);
	const resolved = type !== 'email' ? type : token.token_type === 'confirmation_token' ? 'signup' : 'magiclink';
	return { userId: token.user_id, type: resolved, flowStateId: token.flow_state_id ?? undefined };
}

/**
 * Counts a wrong code typed for an address; at the limit its pending tokens are revoked, so
 * guessing a 6-digit code needs a new mail (itself rate limited) every few tries.
 */
export async function recordWrongCode(q: Queryable, settings: AuthSettings, email: string): Promise<void> {
	await q.query(`update auth.one_time_tokens set failed_attempts = failed_attempts + 1 where relates_to = $1`, [
		email.toLowerCase()
	]);
	await q.query(`delete from auth.one_time_tokens where relates_to = $1 and failed_attempts >= $2`, [
		email.toLowerCase(),
		settings.maxCodeAttempts
	]);
}

export interface PkceChallenge {
	challenge: string;
	method: 's256' | 'plain';
}

export function pkceChallenge(challenge: string | undefined, method: string | undefined): PkceChallenge | undefined {
	if (!challenge && !method) return undefined;
	if (!challenge || !method) {
		throw badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
	}
	const normalized = method.toLowerCase();
	if (normalized !== 's256' && normalized !== 'plain') {
		throw badRequest('validation_failed', `code challenge method not supported: ${method}`);
	}
	if (challenge.length < 43 || challenge.length > 128) {
		throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
	}
	return { challenge, method: normalized };
}

export async function createFlowState(
	q: Queryable,
	userId: string,
	pkce: PkceChallenge,
	method: AuthenticationMethod
): Promise<string> {
	const { rows } = await q.query<{ id: string }>(
		`insert into auth.flow_state (user_id, auth_code, code_challenge_method, code_challenge, authentication_method)
		 values ($1, $2, $3, $4, $5) returning id`,
		[userId, randomUUID(), pkce.method, pkce.challenge, method]
	);
	return rows[0]!.id;
}

/** The link was followed: the auth code becomes valid and goes back to the client in ?code=. */
export async function issueAuthCode(q: Queryable, flowStateId: string | undefined): Promise<string> {
	const { rows } = flowStateId
		? await q.query<{ auth_code: string }>(
				`update auth.flow_state set auth_code_issued_at = now(), updated_at = now() where id = $1 returning auth_code`,
				[flowStateId]
			)
		: { rows: [] };
	const code = rows[0]?.auth_code;
	if (!code) throw badRequest('flow_state_not_found', 'No associated flow state found.');
	return code;
}

function challengeOf(verifier: string, method: 's256' | 'plain'): string {
	return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
}

export interface ExchangedCode {
	userId: string;
	method: AuthenticationMethod;
}

export async function exchangeAuthCode(
	q: Queryable,
	settings: AuthSettings,
	authCode: string,
	verifier: string
): Promise<ExchangedCode> {
	const { rows } = await q.query<{
		id: string;
		user_id: string | null;
		code_challenge_method: 's256' | 'plain';
		code_challenge: string;
		authentication_method: AuthenticationMethod;
		expired: boolean;
	}>(
		`select id, user_id, code_challenge_method, code_challenge, authentication_method,
		        auth_code_issued_at + make_interval(secs => $2) < now() as expired
		 from auth.flow_state where auth_code = $1 and auth_code_issued_at is not null for update`,
		[authCode, settings.flowStateExpiry]
	);
	const flow = rows[0];
	if (!flow?.user_id) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
	if (flow.expired) throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
	if (challengeOf(verifier, flow.code_challenge_method) !== flow.code_challenge) {
		throw new AuthApiError(400, 'bad_code_verifier', 'code challenge does not match previously saved code verifier');
	}
	await q.query('delete from auth.flow_state where id = $1', [flow.id]);
	return { userId: flow.user_id, method: flow.authentication_method };
}
