// A fresh database per test file, migrated like the local stack migrates it, plus ways
// to act as a given user so the project's RLS policies and functions are exercised.
//
//   const testDb = await createTestDatabase();           // PGlite in memory, seeded
//   const userId = await createUser(testDb.db, { email: 'ana@example.org' });
//   const eventId = await createEvent(testDb.db, { status: 'published' });
//   await addMember(testDb.db, eventId, userId, { role: 'delegate', countryCode: 'RO' });
//   await asUser(testDb.db, userId, (tx) => tx.query('select * from public.events'));
//   await testDb.close();
//
// With DATABASE_URL set (e.g. postgres://postgres@127.0.0.1:5432/postgres) each call
// creates a uniquely named database on that server, and close() drops it.
import { mkdtemp, rm, symlink, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type SqlDatabase, type Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { migrate, MigrationError } from '../../../supabase/local/migrate.ts';
import { withRole } from '../../../supabase/local/request-role.ts';

const supabaseDir = fileURLToPath(new URL('../../../supabase/', import.meta.url));

export interface TestDatabase {
	db: SqlDatabase;
	/** Closes the connection and, on Postgres, drops the database. */
	close(): Promise<void>;
}

export interface TestDatabaseOptions {
	/** Run supabase/seed.sql after the migrations (default true). */
	seed?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
	const workdir = await projectFolder(options.seed ?? true);
	try {
		const serverUrl = process.env.DATABASE_URL;
		return serverUrl ? await createOnPostgres(serverUrl, workdir.path) : await createOnPglite(workdir.path);
	} finally {
		await workdir.remove();
	}
}

/** Runs fn as the signed-in user (role authenticated), or as anon when userId is null. */
export function asUser<T>(db: SqlDatabase, userId: string | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	const identity =
		userId === null
			? { role: 'anon' as const, claims: { role: 'anon' } }
			: {
					role: 'authenticated' as const,
					claims: { sub: userId, role: 'authenticated', aud: 'authenticated', is_anonymous: false }
				};
	return withRole(db, identity, fn);
}

/** Runs fn as the service role (bypasses RLS, like the server's admin client). */
export function asServiceRole<T>(db: SqlDatabase, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return withRole(db, { role: 'service_role', claims: { role: 'service_role' } }, fn);
}

export interface NewUser {
	id?: string;
	email?: string;
	/** Stored as raw_user_meta_data, e.g. { display_name: 'Ana' }. */
	metadata?: Record<string, unknown>;
}

/** Inserts a confirmed user into auth.users and returns its id. */
export async function createUser(db: Queryable, user: NewUser = {}): Promise<string> {
	const id = user.id ?? randomUUID();
	await db.query(
		`insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 values ($1, 'authenticated', 'authenticated', $2, now(), '{"provider":"email","providers":["email"]}', $3, now(), now())`,
		[id, user.email ?? `${id}@example.test`, JSON.stringify(user.metadata ?? {})]
	);
	return id;
}

export interface NewEvent {
	slug?: string;
	status?: 'draft' | 'published' | 'closed';
	title?: Record<string, string>;
}

/** Inserts an event (bypassing RLS, as a seed would) and returns its id. */
export async function createEvent(db: Queryable, event: NewEvent = {}): Promise<string> {
	const slug = event.slug ?? `event-${randomBytes(4).toString('hex')}`;
	const { rows } = await db.query<{ id: string }>(
		`insert into public.events (slug, title, timezone, starts_on, ends_on, status)
		 values ($1, $2, 'Europe/Bucharest', '2018-11-21', '2018-11-23', $3) returning id`,
		[slug, JSON.stringify(event.title ?? { en: `Event ${slug}` }), event.status ?? 'published']
	);
	return rows[0]!.id;
}

export interface NewMember {
	role: 'organiser' | 'rapporteur' | 'delegate' | 'observer';
	/** ISO code of the member's delegation; the country row is created when missing. */
	countryCode?: string | null;
	displayName?: string;
}

/** Makes the user a member of the event (bypassing RLS) and returns the members.id. */
export async function addMember(db: Queryable, eventId: string, userId: string, member: NewMember): Promise<string> {
	if (member.countryCode) {
		await db.query(`insert into public.countries (code, name) values ($1, $2) on conflict (code) do nothing`, [
			member.countryCode,
			JSON.stringify({ en: member.countryCode })
		]);
	}
	const { rows } = await db.query<{ id: string }>(
		`insert into public.members (event_id, user_id, role, country_code, display_name)
		 values ($1, $2, $3, $4, $5) returning id`,
		[
			eventId,
			userId,
			member.role,
			member.countryCode ?? null,
			member.displayName ?? `${member.role} ${userId.slice(0, 8)}`
		]
	);
	return rows[0]!.id;
}

async function createOnPglite(workdir: string): Promise<TestDatabase> {
	const db = await openDatabase();
	try {
		await migrate(db, workdir);
	} catch (error) {
		await db.close();
		throw error;
	}
	return { db, close: () => db.close() };
}

async function createOnPostgres(serverUrl: string, workdir: string): Promise<TestDatabase> {
	const name = `accord_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	try {
		await admin.connect();
		await admin.query(`create database ${pg.escapeIdentifier(name)}`);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Postgres at DATABASE_URL is not usable (${reason}); unset DATABASE_URL to test on PGlite`, {
			cause: error
		});
	} finally {
		await admin.end().catch(() => undefined);
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const drop = async () => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
		} finally {
			await client.end();
		}
	};
	let db: SqlDatabase | undefined;
	try {
		db = await openDatabase({ url: url.toString(), maxConnections: 4 });
		await migrateWithRetry(db, workdir);
	} catch (error) {
		await db?.close();
		await drop();
		throw error;
	}
	const opened = db;
	return {
		db: opened,
		async close() {
			await opened.close();
			await drop();
		}
	};
}

// Roles are cluster-wide: test files creating databases at the same moment can race in
// platform.sql's "create role if missing". It is idempotent, so trying again is safe.
async function migrateWithRetry(db: SqlDatabase, workdir: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await migrate(db, workdir);
			return;
		} catch (error) {
			const platformRace = error instanceof MigrationError && /platform[\w-]*\.sql$/.test(error.file);
			if (!platformRace || attempt >= 3) throw error;
		}
	}
}

// migrate() reads <workdir>/migrations and <workdir>/seed.sql; a temporary folder lets a
// test choose whether the seed runs without touching the project's files.
async function projectFolder(withSeed: boolean): Promise<{ path: string; remove(): Promise<void> }> {
	const folder = await mkdtemp(path.join(tmpdir(), 'accord-db-'));
	await symlink(path.join(supabaseDir, 'migrations'), path.join(folder, 'migrations'), 'dir');
	if (withSeed) {
		await copyFile(path.join(supabaseDir, 'seed.sql'), path.join(folder, 'seed.sql')).catch((error: unknown) => {
			if ((error as { code?: string }).code !== 'ENOENT') throw error;
		});
	}
	return { path: folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
