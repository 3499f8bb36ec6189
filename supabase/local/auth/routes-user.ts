// The signed-in user: /user (read, update), /logout; and the public /settings and /health.
import { badRequest, unprocessable } from './errors.ts';
import { objectField, stringField } from './fields.ts';
import { readJsonBody, sendJson, sendNoContent, type AuthRequest } from './http.ts';
import { deliver, prepareMail } from './mail-flow.ts';
import { pkceChallenge } from './one-time-tokens.ts';
import { referrer } from './redirects.ts';
import { requireUser } from './request-auth.ts';
import { endSessions, type LogoutScope } from './sessions.ts';
import { authSettings } from './settings.ts';
import {
	checkPasswordStrength,
	findUserByEmail,
	findUserById,
	mergeMetadata,
	normalizeEmail,
	passwordMatches,
	setEmail,
	setPassword,
	userJson
} from './users.ts';

export async function getUser({ ctx, req, res }: AuthRequest): Promise<void> {
	const { user } = await requireUser(ctx, req);
	sendJson(req, res, 200, await userJson(ctx.db, user));
}

export async function updateUser({ ctx, req, res, url }: AuthRequest): Promise<void> {
	const caller = await requireUser(ctx, req);
	const body = await readJsonBody(req);
	const settings = authSettings(ctx);
	const password = stringField(body, 'password');
	const data = objectField(body, 'data');
	const rawEmail = stringField(body, 'email');
	const email = rawEmail ? normalizeEmail(rawEmail) : undefined;
	if (stringField(body, 'phone')) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
	if (password !== undefined) checkPasswordStrength(password, settings.passwordMinLength);
	const pkce = pkceChallenge(stringField(body, 'code_challenge'), stringField(body, 'code_challenge_method'));
	const redirectTo = referrer(ctx, req, url);

	const result = await ctx.db.transaction(async (q) => {
		const userId = caller.user.id;
		if (password !== undefined) {
			if (await passwordMatches(q, userId, password)) {
				throw unprocessable('same_password', 'New password should be different from the old password.');
			}
			await setPassword(q, userId, password);
		}
		if (data) await mergeMetadata(q, userId, 'raw_user_meta_data', data);
		let mail;
		if (email && email !== caller.user.email?.toLowerCase()) {
			const owner = await findUserByEmail(q, email);
			if (owner) throw unprocessable('email_exists', 'A user with this email address has already been registered');
			if (!settings.emailConfirmations) {
				await setEmail(q, userId, email, true);
			} else {
				await q.query(`update auth.users set email_change = $2, updated_at = now() where id = $1`, [userId, email]);
				mail = await prepareMail(ctx, q, (await findUserById(q, userId))!, 'email_change', {
					redirectTo,
					pkce,
					to: email
				});
			}
		}
		return { user: await userJson(q, (await findUserById(q, userId))!), mail };
	});
	await deliver(ctx, result.mail);
	sendJson(req, res, 200, result.user);
}

const LOGOUT_SCOPES: readonly LogoutScope[] = ['global', 'local', 'others'];

export async function logout({ ctx, req, res, url }: AuthRequest): Promise<void> {
	const scope = url.searchParams.get('scope') ?? 'global';
	if (!(LOGOUT_SCOPES as readonly string[]).includes(scope)) {
		throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
	}
	const caller = await requireUser(ctx, req);
	await endSessions(ctx.db, caller.user.id, caller.sessionId, scope as LogoutScope);
	sendNoContent(res);
}

export function settingsInfo({ ctx, req, res }: AuthRequest): void {
	const settings = authSettings(ctx);
	sendJson(req, res, 200, {
		external: { email: true, phone: false, anonymous_users: false },
		disable_signup: settings.disableSignup,
		mailer_autoconfirm: !settings.emailConfirmations,
		phone_autoconfirm: false,
		sms_provider: '',
		saml_enabled: false
	});
}

/** Tokens are signed with the shared HS256 secret, which is never published: no public keys. */
export function jwks({ req, res }: AuthRequest): void {
	sendJson(req, res, 200, { keys: [] });
}

export function health({ req, res }: AuthRequest): void {
	sendJson(req, res, 200, {
		version: 'accord-local',
		name: 'GoTrue',
		description: 'GoTrue is a user registration and authentication API'
	});
}
