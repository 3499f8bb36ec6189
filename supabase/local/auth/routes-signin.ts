// Getting a session: /signup, /otp, /magiclink, /recover, /token and /verify.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { badRequest, unprocessable, AuthApiError } from './errors.ts';
import { booleanField, objectField, stringField } from './fields.ts';
import { headerValue, readJsonBody, redirect, sendJson, type AuthRequest } from './http.ts';
import { deliver, prepareMail, type PendingMail } from './mail-flow.ts';
import {
	PKCE_PREFIX,
	consumeToken,
	exchangeAuthCode,
	isVerificationType,
	issueAuthCode,
	pkceChallenge,
	recordWrongCode,
	tokenHash,
	type ConsumedToken
} from './one-time-tokens.ts';
import { limitByAddress, limitByEmail } from './rate-limits.ts';
import { referrer } from './redirects.ts';
import { refreshSession, startSession, type SessionJson } from './sessions.ts';
import { authSettings } from './settings.ts';
import {
	checkPasswordStrength,
	confirmEmail,
	createUser,
	findUserByEmail,
	findUserById,
	isBanned,
	isConfirmed,
	normalizeEmail,
	passwordMatches,
	setEmail,
	setPassword,
	mergeMetadata,
	userJson,
	type UserRow
} from './users.ts';

function rejectPhone(body: Record<string, unknown>): void {
	if (stringField(body, 'phone')) {
		throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
	}
}

export async function signup({ ctx, req, res, url }: AuthRequest): Promise<void> {
	limitByAddress(ctx, req, 'signInSignUps');
	const body = await readJsonBody(req);
	const settings = authSettings(ctx);
	rejectPhone(body);
	const rawEmail = stringField(body, 'email');
	const password = stringField(body, 'password');
	if (!rawEmail && !password) {
		throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
	}
	if (settings.disableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
	const email = normalizeEmail(rawEmail);
	if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
	checkPasswordStrength(password, settings.passwordMinLength);
	const data = objectField(body, 'data') ?? {};
	const pkce = pkceChallenge(stringField(body, 'code_challenge'), stringField(body, 'code_challenge_method'));
	const redirectTo = referrer(ctx, req, url);

	const result = await ctx.db.transaction(async (q) => {
		const existing = await findUserByEmail(q, email);
		if (existing && isConfirmed(existing)) {
			if (!settings.emailConfirmations) throw unprocessable('user_already_exists', 'User already registered');
			// GoTrue answers as if the sign-up worked, so the endpoint cannot be used to probe for accounts.
			return { body: obfuscatedUser(email, data), mail: undefined };
		}
		let user: UserRow;
		if (existing) {
			await setPassword(q, existing.id, password);
			await mergeMetadata(q, existing.id, 'raw_user_meta_data', data);
			user = (await findUserById(q, existing.id))!;
		} else {
			user = await createUser(q, { email, password, confirmed: !settings.emailConfirmations, userMetadata: data });
		}
		if (!settings.emailConfirmations) {
			return { body: await startSession(ctx, q, user, 'password', headerValue(req, 'user-agent')), mail: undefined };
		}
		const mail = await prepareMail(ctx, q, user, 'signup', { redirectTo, pkce });
		return { body: await userJson(q, (await findUserById(q, user.id))!), mail };
	});
	await deliver(ctx, result.mail);
	sendJson(req, res, 200, result.body);
}

function obfuscatedUser(email: string, data: Record<string, unknown>) {
	const now = new Date().toISOString();
	return {
		id: randomUUID(),
		aud: 'authenticated',
		role: 'authenticated',
		email,
		phone: '',
		confirmation_sent_at: now,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: data,
		identities: [],
		created_at: now,
		updated_at: now,
		is_anonymous: false
	};
}

/** POST /otp (and the older /magiclink): a magic link with a code, or a confirmation mail for new users. */
export async function otp({ ctx, req, res, url }: AuthRequest, alwaysCreate = false): Promise<void> {
	limitByAddress(ctx, req, 'signInSignUps');
	const body = await readJsonBody(req);
	const settings = authSettings(ctx);
	rejectPhone(body);
	const email = normalizeEmail(stringField(body, 'email'));
	const createIfMissing = alwaysCreate || (booleanField(body, 'create_user') ?? true);
	const data = objectField(body, 'data') ?? {};
	const pkce = pkceChallenge(stringField(body, 'code_challenge'), stringField(body, 'code_challenge_method'));
	const redirectTo = referrer(ctx, req, url);

	const mail = await ctx.db.transaction(async (q): Promise<PendingMail> => {
		let user = await findUserByEmail(q, email);
		if (!user) {
			if (!createIfMissing) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
			if (settings.disableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
			user = await createUser(q, { email, confirmed: !settings.emailConfirmations, userMetadata: data });
		}
		if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
		return prepareMail(ctx, q, user, isConfirmed(user) ? 'magiclink' : 'signup', { redirectTo, pkce });
	});
	await deliver(ctx, mail);
	sendJson(req, res, 200, {});
}

/** POST /recover: a password reset mail; silent about addresses that have no user. */
export async function recover({ ctx, req, res, url }: AuthRequest): Promise<void> {
	limitByAddress(ctx, req, 'signInSignUps');
	const body = await readJsonBody(req);
	const email = normalizeEmail(stringField(body, 'email'));
	const pkce = pkceChallenge(stringField(body, 'code_challenge'), stringField(body, 'code_challenge_method'));
	const redirectTo = referrer(ctx, req, url);
	const mail = await ctx.db.transaction(async (q) => {
		const user = await findUserByEmail(q, email);
		return user ? prepareMail(ctx, q, user, 'recovery', { redirectTo, pkce }) : undefined;
	});
	await deliver(ctx, mail);
	sendJson(req, res, 200, {});
}

export async function token({ ctx, req, res, url }: AuthRequest): Promise<void> {
	const grantType = url.searchParams.get('grant_type');
	const userAgent = headerValue(req, 'user-agent');
	if (grantType !== 'password' && grantType !== 'refresh_token' && grantType !== 'pkce') {
		throw badRequest('invalid_credentials', 'unsupported_grant_type');
	}
	const body = await readJsonBody(req);
	let session: SessionJson;
	if (grantType === 'password') {
		limitByAddress(ctx, req, 'signInSignUps');
		rejectPhone(body);
		const rawEmail = stringField(body, 'email');
		const password = stringField(body, 'password') ?? '';
		if (!rawEmail) throw badRequest('validation_failed', 'missing email or phone');
		const email = normalizeEmail(rawEmail);
		// Per address too: guesses spread over many IPs still run out.
		limitByEmail(ctx, 'signInSignUps', email);
		session = await ctx.db.transaction(async (q) => {
			const user = await findUserByEmail(q, email);
			if (!user) throw badRequest('invalid_credentials', 'Invalid login credentials');
			if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
			if (!(await passwordMatches(q, user.id, password))) {
				throw badRequest('invalid_credentials', 'Invalid login credentials');
			}
			if (!isConfirmed(user)) throw badRequest('email_not_confirmed', 'Email not confirmed');
			return startSession(ctx, q, user, 'password', userAgent);
		});
	} else if (grantType === 'refresh_token') {
		limitByAddress(ctx, req, 'tokenRefresh');
		session = await refreshSession(ctx, stringField(body, 'refresh_token') ?? '');
	} else {
		const authCode = stringField(body, 'auth_code') ?? '';
		const verifier = stringField(body, 'code_verifier') ?? '';
		if (!authCode || !verifier) {
			throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
		}
		session = await ctx.db.transaction(async (q) => {
			const exchanged = await exchangeAuthCode(q, authSettings(ctx), authCode, verifier);
			const user = await findUserById(q, exchanged.userId);
			if (!user) throw badRequest('flow_state_not_found', 'invalid flow state, no valid flow state found');
			return startSession(ctx, q, user, exchanged.method, userAgent);
		});
	}
	sendJson(req, res, 200, session);
}

/** Following a link or entering a code proves the address: confirm it, and apply what the mail was for. */
async function applyVerification(q: Queryable, consumed: ConsumedToken): Promise<UserRow> {
	const user = await findUserById(q, consumed.userId);
	if (!user) throw new AuthApiError(403, 'otp_expired', 'Email link is invalid or has expired');
	if (isBanned(user)) throw new AuthApiError(403, 'user_banned', 'User is banned');
	if (consumed.type === 'email_change') {
		if (!user.email_change) throw new AuthApiError(403, 'otp_expired', 'Email link is invalid or has expired');
		await setEmail(q, user.id, user.email_change, true);
	} else {
		await confirmEmail(q, user.id);
	}
	return (await findUserById(q, user.id))!;
}

/** GET /verify: the link in the mail. Always answers with a redirect, errors included. */
export async function verifyLink({ ctx, req, res, url }: AuthRequest): Promise<void> {
	limitByAddress(ctx, req, 'tokenVerifications');
	const type = url.searchParams.get('type') ?? '';
	const linkToken = url.searchParams.get('token') ?? '';
	if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
	if (!linkToken) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
	if (!isVerificationType(type)) throw badRequest('validation_failed', 'Unsupported verification type');
	const redirectTo = referrer(ctx, req, url);
	const isPkce = linkToken.startsWith(PKCE_PREFIX);
	const hash = isPkce ? linkToken.slice(PKCE_PREFIX.length) : linkToken;
	try {
		const location = await ctx.db.transaction(async (q) => {
			const consumed = await consumeToken(q, authSettings(ctx), hash, type, 'Email link is invalid or has expired');
			const user = await applyVerification(q, consumed);
			if (isPkce) {
				const code = await issueAuthCode(q, consumed.flowStateId);
				const target = new URL(redirectTo);
				target.searchParams.set('code', code);
				return target.toString();
			}
			const session = await startSession(ctx, q, user, 'otp', headerValue(req, 'user-agent'));
			return `${redirectTo.split('#')[0]}#${fragment({
				access_token: session.access_token,
				expires_at: String(session.expires_at),
				expires_in: String(session.expires_in),
				refresh_token: session.refresh_token,
				sb: '',
				token_type: session.token_type,
				type: consumed.type
			})}`;
		});
		redirect(res, location);
	} catch (error) {
		if (!(error instanceof AuthApiError)) throw error;
		redirect(res, errorRedirect(redirectTo, error, isPkce));
	}
}

function fragment(values: Record<string, string>): string {
	return new URLSearchParams(Object.entries(values).sort(([a], [b]) => a.localeCompare(b))).toString();
}

const OAUTH_ERRORS: Record<number, string> = {
	400: 'invalid_request',
	401: 'unauthorized_client',
	403: 'access_denied',
	500: 'server_error',
	503: 'temporarily_unavailable'
};

/** GoTrue's error redirect: always in the fragment, also in the query for PKCE clients (which read it server-side). */
function errorRedirect(redirectTo: string, error: AuthApiError, isPkce: boolean): string {
	const target = new URL(redirectTo);
	const details: Record<string, string> = { error_code: error.errorCode, error_description: error.message };
	const oauthError = OAUTH_ERRORS[error.status];
	if (oauthError) details.error = oauthError;
	if (isPkce) for (const [key, value] of Object.entries(details)) target.searchParams.set(key, value);
	target.hash = fragment({ ...details, sb: '' });
	return target.toString();
}

/** POST /verify: a code typed in (with the email) or a token hash (from a custom link) → session JSON. */
export async function verifyCode({ ctx, req, res }: AuthRequest): Promise<void> {
	limitByAddress(ctx, req, 'tokenVerifications');
	const body = await readJsonBody(req);
	const type = stringField(body, 'type');
	const code = stringField(body, 'token');
	const rawHash = stringField(body, 'token_hash');
	if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
	if ((!code && !rawHash) || (code && rawHash)) {
		throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
	}
	if (!isVerificationType(type)) throw badRequest('validation_failed', 'Unsupported verification type');
	let hash: string;
	let invalidMessage: string;
	let codeEmail: string | undefined;
	if (code) {
		if (stringField(body, 'phone')) throw badRequest('validation_failed', 'Unsupported verification type');
		let email: string;
		try {
			email = normalizeEmail(stringField(body, 'email'));
		} catch {
			throw unprocessable('validation_failed', 'Invalid email format');
		}
		hash = tokenHash(email, code);
		codeEmail = email;
		invalidMessage = 'Token has expired or is invalid';
	} else {
		if (stringField(body, 'email') || stringField(body, 'phone') || stringField(body, 'redirect_to')) {
			throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
		}
		hash = rawHash!.startsWith(PKCE_PREFIX) ? rawHash!.slice(PKCE_PREFIX.length) : rawHash!;
		invalidMessage = 'Email link is invalid or has expired';
	}
	const settings = authSettings(ctx);
	try {
		const session = await ctx.db.transaction(async (q) => {
			const consumed = await consumeToken(q, settings, hash, type, invalidMessage);
			const user = await applyVerification(q, consumed);
			return startSession(ctx, q, user, 'otp', headerValue(req, 'user-agent'));
		});
		sendJson(req, res, 200, session);
	} catch (error) {
		// Counted after the failed transaction rolled back, so the count sticks.
		if (codeEmail && error instanceof AuthApiError && error.errorCode === 'otp_expired') {
			await recordWrongCode(ctx.db, settings, codeEmail);
		}
		throw error;
	}
}
