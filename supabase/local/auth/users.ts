// auth.users and auth.identities: lookups, creation, passwords, and the user JSON GoTrue returns.
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { badRequest, unprocessable, AuthApiError } from './errors.ts';

export interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	email_confirmed_at: Date | string | null;
	invited_at: Date | string | null;
	confirmation_sent_at: Date | string | null;
	recovery_sent_at: Date | string | null;
	email_change: string | null;
	email_change_sent_at: Date | string | null;
	last_sign_in_at: Date | string | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | string | null;
	updated_at: Date | string | null;
	phone: string | null;
	phone_confirmed_at: Date | string | null;
	banned_until: Date | string | null;
	is_anonymous: boolean;
}

interface IdentityRow {
	id: string;
	provider_id: string;
	user_id: string;
	identity_data: Record<string, unknown>;
	provider: string;
	last_sign_in_at: Date | string | null;
	created_at: Date | string;
	updated_at: Date | string;
	email: string | null;
}

const USER_COLUMNS = `id, aud, role, email, email_confirmed_at, invited_at, confirmation_sent_at, recovery_sent_at,
	email_change, email_change_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at,
	updated_at, phone, phone_confirmed_at, banned_until, is_anonymous`;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately loose, like GoTrue's own check: one @, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}

export function normalizeEmail(email: string | undefined): string {
	const trimmed = (email ?? '').trim().toLowerCase();
	if (trimmed === '') throw badRequest('validation_failed', 'An email address is required');
	if (trimmed.length > 255 || !EMAIL_PATTERN.test(trimmed)) {
		throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
	}
	return trimmed;
}

export function checkPasswordStrength(password: string, minLength: number): void {
	if (password.length < minLength) {
		throw new AuthApiError(422, 'weak_password', `Password should be at least ${minLength} characters.`, ['length']);
	}
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
	const { rows } = await q.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id]);
	return rows[0];
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
	const { rows } = await q.query<UserRow>(
		`select ${USER_COLUMNS} from auth.users where lower(email) = $1 and not is_sso_user`,
		[email.toLowerCase()]
	);
	return rows[0];
}

export async function mustFindUser(q: Queryable, id: string): Promise<UserRow> {
	const user = await findUserById(q, id);
	if (!user) throw new AuthApiError(404, 'user_not_found', 'User not found');
	return user;
}

export interface NewUser {
	email: string;
	password?: string;
	confirmed: boolean;
	invited?: boolean;
	userMetadata?: Record<string, unknown>;
	appMetadata?: Record<string, unknown>;
	role?: string;
}

export async function createUser(q: Queryable, user: NewUser): Promise<UserRow> {
	if (await findUserByEmail(q, user.email)) {
		throw unprocessable('email_exists', 'A user with this email address has already been registered');
	}
	const appMetadata = { ...user.appMetadata, provider: 'email', providers: ['email'] };
	const { rows } = await q.query<UserRow>(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
		   raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at)
		 values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', $1, $2,
		   case when $3::text is null then '' else extensions.crypt($3::text, extensions.gen_salt('bf')) end,
		   case when $4 then now() end, case when $5 then now() end, $6, $7, false, now(), now())
		 returning ${USER_COLUMNS}`,
		[
			user.role ?? 'authenticated',
			user.email,
			user.password ?? null,
			user.confirmed,
			user.invited ?? false,
			JSON.stringify(appMetadata),
			JSON.stringify(user.userMetadata ?? {})
		]
	);
	const created = rows[0]!;
	await q.query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider)
		 values ($1::text, $1::uuid, $2, 'email')`,
		[
			created.id,
			JSON.stringify({ sub: created.id, email: user.email, email_verified: user.confirmed, phone_verified: false })
		]
	);
	return created;
}

/** bcrypt through pgcrypto, so hashes match the seed's `crypt(..., gen_salt('bf'))`. */
export async function passwordMatches(q: Queryable, userId: string, password: string): Promise<boolean> {
	const { rows } = await q.query<{ matches: boolean }>(
		`select coalesce(encrypted_password <> '' and extensions.crypt($2, encrypted_password) = encrypted_password, false) as matches
		 from auth.users where id = $1`,
		[userId, password]
	);
	return rows[0]?.matches ?? false;
}

export async function setPassword(q: Queryable, userId: string, password: string): Promise<void> {
	await q.query(
		`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf')), updated_at = now()
		 where id = $1`,
		[userId, password]
	);
}

export async function confirmEmail(q: Queryable, userId: string): Promise<void> {
	await q.query(
		`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1`,
		[userId]
	);
	await q.query(
		`update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
		 where user_id = $1 and provider = 'email'`,
		[userId]
	);
}

/** GoTrue merges metadata key by key; a null value removes the key. */
export async function mergeMetadata(
	q: Queryable,
	userId: string,
	column: 'raw_user_meta_data' | 'raw_app_meta_data',
	patch: Record<string, unknown>
): Promise<void> {
	const removed = Object.keys(patch).filter((key) => patch[key] === null);
	await q.query(
		`update auth.users set ${column} = (coalesce(${column}, '{}'::jsonb) || $2::jsonb) - $3::text[], updated_at = now()
		 where id = $1`,
		[userId, JSON.stringify(patch), removed]
	);
}

export async function setEmail(q: Queryable, userId: string, email: string, confirmed: boolean): Promise<void> {
	const owner = await findUserByEmail(q, email);
	if (owner && owner.id !== userId) {
		throw unprocessable('email_exists', 'A user with this email address has already been registered');
	}
	await q.query(
		`update auth.users set email = $2, email_change = '', email_change_sent_at = null,
		   email_confirmed_at = case when $3 then now() else null end, updated_at = now()
		 where id = $1`,
		[userId, email, confirmed]
	);
	await q.query(
		`update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
		   updated_at = now()
		 where user_id = $1 and provider = 'email'`,
		[userId, email, confirmed]
	);
}

export function isBanned(user: UserRow): boolean {
	return user.banned_until !== null && new Date(user.banned_until).getTime() > Date.now();
}

export function isConfirmed(user: UserRow): boolean {
	return user.email_confirmed_at !== null || user.phone_confirmed_at !== null;
}

export function iso(value: Date | string | null | undefined): string | undefined {
	if (value === null || value === undefined) return undefined;
	return (value instanceof Date ? value : new Date(value)).toISOString();
}

function identityJson(row: IdentityRow) {
	return {
		identity_id: row.id,
		id: row.provider_id,
		user_id: row.user_id,
		identity_data: row.identity_data,
		provider: row.provider,
		last_sign_in_at: iso(row.last_sign_in_at),
		created_at: iso(row.created_at),
		updated_at: iso(row.updated_at),
		email: row.email ?? undefined
	};
}

export type UserJson = ReturnType<typeof userJsonFrom>;

/** The user object as GoTrue serialises it (optional timestamps left out when unset). */
function userJsonFrom(user: UserRow, identities: IdentityRow[]) {
	const emailConfirmedAt = iso(user.email_confirmed_at);
	const phoneConfirmedAt = iso(user.phone_confirmed_at);
	return {
		id: user.id,
		aud: user.aud ?? 'authenticated',
		role: user.role ?? 'authenticated',
		email: user.email ?? '',
		email_confirmed_at: emailConfirmedAt,
		phone: user.phone ?? '',
		phone_confirmed_at: phoneConfirmedAt,
		confirmation_sent_at: iso(user.confirmation_sent_at),
		confirmed_at: emailConfirmedAt ?? phoneConfirmedAt,
		recovery_sent_at: iso(user.recovery_sent_at),
		new_email: user.email_change || undefined,
		email_change_sent_at: iso(user.email_change_sent_at),
		invited_at: iso(user.invited_at),
		last_sign_in_at: iso(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: identities.map(identityJson),
		created_at: iso(user.created_at),
		updated_at: iso(user.updated_at),
		banned_until: iso(user.banned_until),
		is_anonymous: user.is_anonymous
	};
}

export async function userJson(q: Queryable, user: UserRow): Promise<UserJson> {
	const { rows } = await q.query<IdentityRow>(
		`select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
		 from auth.identities where user_id = $1 order by created_at`,
		[user.id]
	);
	return userJsonFrom(user, rows);
}
