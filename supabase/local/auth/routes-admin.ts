// The admin API (service_role only): users, invitations, and generate_link, which the
// app uses to build invitation and demo sign-in links without sending mail.
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { badRequest, notFound, unprocessable } from './errors.ts';
import { booleanField, objectField, stringField } from './fields.ts';
import { readJsonBody, sendJson, type AuthRequest } from './http.ts';
import { actionLink, type MailKind } from './mail.ts';
import { deliver, prepareMail } from './mail-flow.ts';
import { referrer } from './redirects.ts';
import { requireAdmin } from './request-auth.ts';
import { authSettings } from './settings.ts';
import {
	checkPasswordStrength,
	confirmEmail,
	createUser,
	findUserByEmail,
	findUserById,
	isConfirmed,
	isUuid,
	mergeMetadata,
	normalizeEmail,
	setEmail,
	setPassword,
	userJson,
	type UserRow
} from './users.ts';

export async function createUserByAdmin({ ctx, req, res }: AuthRequest): Promise<void> {
	await requireAdmin(ctx, req);
	const body = await readJsonBody(req);
	if (stringField(body, 'phone')) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
	const email = normalizeEmail(stringField(body, 'email'));
	const password = stringField(body, 'password');
	if (password !== undefined) checkPasswordStrength(password, authSettings(ctx).passwordMinLength);
	const banDuration = stringField(body, 'ban_duration');
	const bannedUntil = banDuration ? banUntil(banDuration) : null;
	const user = await ctx.db.transaction(async (q) => {
		const created = await createUser(q, {
			email,
			password,
			confirmed: booleanField(body, 'email_confirm') ?? false,
			userMetadata: objectField(body, 'user_metadata') ?? {},
			appMetadata: objectField(body, 'app_metadata') ?? {},
			role: stringField(body, 'role')
		});
		if (bannedUntil !== null) {
			await q.query('update auth.users set banned_until = $2 where id = $1', [created.id, bannedUntil]);
		}
		return userJson(q, (await findUserById(q, created.id))!);
	});
	sendJson(req, res, 200, user);
}

export async function listUsers({ ctx, req, res, url }: AuthRequest): Promise<void> {
	await requireAdmin(ctx, req);
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '', 10) || 1);
	const perPage = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('per_page') ?? '', 10) || 50));
	const { rows: countRows } = await ctx.db.query<{ total: number }>('select count(*)::int as total from auth.users');
	const total = countRows[0]?.total ?? 0;
	const { rows: ids } = await ctx.db.query<{ id: string }>(
		'select id from auth.users order by created_at desc, id limit $1 offset $2',
		[perPage, (page - 1) * perPage]
	);
	const users = [];
	for (const { id } of ids) {
		const user = await findUserById(ctx.db, id);
		if (user) users.push(await userJson(ctx.db, user));
	}
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const links: string[] = [];
	const pageLink = (target: number, rel: string) => `</admin/users?page=${target}&per_page=${perPage}>; rel="${rel}"`;
	if (page < lastPage) links.push(pageLink(page + 1, 'next'));
	links.push(pageLink(lastPage, 'last'));
	sendJson(req, res, 200, { users, aud: 'authenticated' }, { 'X-Total-Count': String(total), Link: links.join(', ') });
}

async function userFromPath(q: Queryable, id: string): Promise<UserRow> {
	if (!isUuid(id)) throw badRequest('validation_failed', 'user_id must be an UUID');
	const user = await findUserById(q, id);
	if (!user) throw notFound('user_not_found', 'User not found');
	return user;
}

export async function getUserByAdmin({ ctx, req, res }: AuthRequest, id: string): Promise<void> {
	await requireAdmin(ctx, req);
	const user = await userFromPath(ctx.db, id);
	sendJson(req, res, 200, await userJson(ctx.db, user));
}

export async function updateUserByAdmin({ ctx, req, res }: AuthRequest, id: string): Promise<void> {
	await requireAdmin(ctx, req);
	const body = await readJsonBody(req);
	const password = stringField(body, 'password');
	if (password !== undefined) checkPasswordStrength(password, authSettings(ctx).passwordMinLength);
	const rawEmail = stringField(body, 'email');
	const email = rawEmail ? normalizeEmail(rawEmail) : undefined;
	const banDuration = stringField(body, 'ban_duration');
	const user = await ctx.db.transaction(async (q) => {
		const existing = await userFromPath(q, id);
		const confirm = booleanField(body, 'email_confirm');
		if (email && email !== existing.email?.toLowerCase()) await setEmail(q, id, email, confirm ?? true);
		else if (confirm) await confirmEmail(q, id);
		if (password !== undefined) await setPassword(q, id, password);
		const userMetadata = objectField(body, 'user_metadata');
		if (userMetadata) await mergeMetadata(q, id, 'raw_user_meta_data', userMetadata);
		const appMetadata = objectField(body, 'app_metadata');
		if (appMetadata) await mergeMetadata(q, id, 'raw_app_meta_data', appMetadata);
		const role = stringField(body, 'role');
		if (role) await q.query('update auth.users set role = $2, updated_at = now() where id = $1', [id, role]);
		if (banDuration) {
			await q.query('update auth.users set banned_until = $2, updated_at = now() where id = $1', [
				id,
				banUntil(banDuration)
			]);
		}
		return userJson(q, (await findUserById(q, id))!);
	});
	sendJson(req, res, 200, user);
}

export async function deleteUserByAdmin({ ctx, req, res }: AuthRequest, id: string): Promise<void> {
	await requireAdmin(ctx, req);
	await ctx.db.transaction(async (q) => {
		await userFromPath(q, id);
		await q.query('delete from auth.users where id = $1', [id]);
	});
	sendJson(req, res, 200, {});
}

const DURATION_UNITS: Record<string, number> = {
	h: 3_600_000,
	m: 60_000,
	s: 1000,
	ms: 1,
	us: 0.001,
	µs: 0.001,
	ns: 0.000001
};

/** Go duration strings as GoTrue takes them ("24h", "1h30m", "none" to lift a ban). */
function banUntil(duration: string): Date | null {
	if (duration === 'none') return null;
	const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/g)];
	if (parts.length === 0 || parts.map((part) => part[0]).join('') !== duration) {
		throw badRequest('validation_failed', `invalid format for ban duration: ${duration}`);
	}
	const ms = parts.reduce((sum, part) => sum + Number(part[1]) * DURATION_UNITS[part[2]!]!, 0);
	return new Date(Date.now() + ms);
}

/** POST /invite: create the user if needed and mail the invitation. */
export async function invite({ ctx, req, res, url }: AuthRequest): Promise<void> {
	await requireAdmin(ctx, req);
	const body = await readJsonBody(req);
	const email = normalizeEmail(stringField(body, 'email'));
	const data = objectField(body, 'data') ?? {};
	const redirectTo = referrer(ctx, req, url);
	const result = await ctx.db.transaction(async (q) => {
		let user = await findUserByEmail(q, email);
		if (user && isConfirmed(user)) {
			throw unprocessable('email_exists', 'A user with this email address has already been registered');
		}
		user ??= await createUser(q, { email, confirmed: false, userMetadata: data });
		await q.query('update auth.users set invited_at = now() where id = $1', [user.id]);
		const mail = await prepareMail(ctx, q, user, 'invite', { redirectTo, skipFrequencyCheck: true });
		return { user: await userJson(q, (await findUserById(q, user.id))!), mail };
	});
	await deliver(ctx, result.mail);
	sendJson(req, res, 200, result.user);
}

const LINK_TYPES = ['signup', 'invite', 'magiclink', 'recovery'] as const;
type LinkType = (typeof LINK_TYPES)[number];

/**
 * POST /admin/generate_link: the same link and code a mail would carry, returned to the
 * caller instead of mailed. A magic link for an unknown address signs the person up.
 */
export async function generateLink({ ctx, req, res, url }: AuthRequest): Promise<void> {
	await requireAdmin(ctx, req);
	const body = await readJsonBody(req);
	const requestedType = stringField(body, 'type') ?? '';
	if (!(LINK_TYPES as readonly string[]).includes(requestedType)) {
		throw badRequest('validation_failed', `Invalid email action link type requested: ${requestedType}`);
	}
	const email = normalizeEmail(stringField(body, 'email'));
	const data = objectField(body, 'data') ?? {};
	const password = stringField(body, 'password');
	const redirectTo = referrer(ctx, req, url, stringField(body, 'redirect_to'));
	const settings = authSettings(ctx);

	const result = await ctx.db.transaction(async (q) => {
		let type = requestedType as LinkType;
		let user = await findUserByEmail(q, email);
		if (!user) {
			if (type === 'recovery') throw notFound('user_not_found', 'User with this email not found');
			if (type === 'magiclink') type = 'signup';
			if (type === 'signup' && requestedType === 'signup') {
				if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
				checkPasswordStrength(password, settings.passwordMinLength);
			}
			user = await createUser(q, { email, password, confirmed: false, invited: type === 'invite', userMetadata: data });
		} else if ((type === 'invite' || type === 'signup') && isConfirmed(user)) {
			throw unprocessable('email_exists', 'A user with this email address has already been registered');
		} else if (type === 'signup') {
			await mergeMetadata(q, user.id, 'raw_user_meta_data', data);
		}
		if (type === 'invite') await q.query('update auth.users set invited_at = now() where id = $1', [user.id]);
		const pending = await prepareMail(ctx, q, user, type as MailKind, { redirectTo, skipFrequencyCheck: true });
		return { type, pending, user: await userJson(q, (await findUserById(q, user.id))!) };
	});
	sendJson(req, res, 200, {
		...result.user,
		action_link: actionLink(ctx, result.pending.token.linkToken, result.type, redirectTo),
		email_otp: result.pending.token.code,
		hashed_token: result.pending.token.hash,
		verification_type: result.type,
		redirect_to: redirectTo
	});
}
