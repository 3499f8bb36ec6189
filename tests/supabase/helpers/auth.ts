// A small HTTP server with just the local stack's Auth and mail outbox, for the auth
// contract tests: /auth/v1/* and /local/v1/* routed exactly as the stack core routes them.
//
//   const stack = await startAuthStack({ emailMinInterval: 0 });
//   const supabase = createClient(stack.url, stack.anonKey);
//   const mail = await stack.latestMail('ana@example.org');
//   await stack.close();
//
// PGlite in memory by default; with DATABASE_URL (a Postgres 15+ server) each stack gets
// a fresh, uniquely named database that close() drops.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { OutboxMessage, StackContext } from '../../../supabase/local/context.ts';
import { openDatabase, type Database } from '../../../supabase/local/db.ts';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../../supabase/local/jwt.ts';
import { migrate, MigrationError } from '../../../supabase/local/migrate.ts';
import { createOutbox, handleOutboxRequest } from '../../../supabase/local/outbox.ts';
import { configureAuth, handleAuthRequest, type AuthSettings } from '../../../supabase/local/auth/index.ts';

export const SITE_URL = 'http://app.accord.test:5173';
export const ALLOWED_REDIRECT = 'https://partner.accord.test/auth/';

export interface AuthStack {
	url: string;
	ctx: StackContext;
	anonKey: string;
	serviceRoleKey: string;
	/** Lines the stack logged (the printed mails among them). */
	logs: string[];
	/** The newest mail to an address; fails the test when there is none. */
	latestMail(to: string): Promise<OutboxMessage>;
	close(): Promise<void>;
}

export async function startAuthStack(settings: Partial<AuthSettings> = {}): Promise<AuthStack> {
	const database = await freshDatabase();
	const logs: string[] = [];
	const log = (message: string) => logs.push(message);
	const keys = await apiKeys(DEFAULT_JWT_SECRET);
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const ctx: StackContext = {
		db: database.db,
		jwtSecret: DEFAULT_JWT_SECRET,
		...keys,
		publicUrl: url,
		siteUrl: SITE_URL,
		redirectUrls: [`${ALLOWED_REDIRECT}**`],
		outbox: await createOutbox(database.db, log),
		log
	};
	configureAuth(ctx, settings);
	server.on('request', (req, res) => {
		const requestUrl = new URL(req.url ?? '/', url);
		const handler = requestUrl.pathname.startsWith('/auth/v1/')
			? handleAuthRequest
			: requestUrl.pathname.startsWith('/local/v1/')
				? handleOutboxRequest
				: undefined;
		if (!handler) {
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: 'no route' }));
			return;
		}
		handler(ctx, req, res, requestUrl).catch((error: unknown) => {
			log(`unhandled: ${String(error)}`);
			if (!res.headersSent) res.writeHead(500);
			res.end();
		});
	});
	return {
		url,
		ctx,
		...keys,
		logs,
		async latestMail(to) {
			const [mail] = await ctx.outbox.list({ to, limit: 1 });
			if (!mail) throw new Error(`no mail to ${to} in the outbox`);
			return mail;
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await database.close();
		}
	};
}

interface FreshDatabase {
	db: Database;
	close(): Promise<void>;
}

async function freshDatabase(): Promise<FreshDatabase> {
	// No project migrations: Auth needs only the platform objects (platform*.sql).
	const workdir = await mkdtemp(path.join(tmpdir(), 'accord-auth-'));
	try {
		const serverUrl = process.env.DATABASE_URL;
		if (!serverUrl) {
			const db = await openDatabase();
			await migrate(db, workdir);
			return { db, close: () => db.close() };
		}
		return await freshPostgresDatabase(serverUrl, workdir);
	} finally {
		await rm(workdir, { recursive: true, force: true });
	}
}

async function freshPostgresDatabase(serverUrl: string, workdir: string): Promise<FreshDatabase> {
	const name = `accord_auth_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
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
	const drop = async () => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
		} finally {
			await client.end();
		}
	};
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	try {
		const db = await openDatabase({ url: url.toString(), maxConnections: 4 });
		await migrateWithRetry(db, workdir).catch(async (error: unknown) => {
			await db.close();
			throw error;
		});
		return {
			db,
			async close() {
				await db.close();
				await drop();
			}
		};
	} catch (error) {
		await drop();
		throw error;
	}
}

// Roles are cluster-wide: test files creating databases at the same moment can race in
// platform.sql's "create role if missing". It is idempotent, so trying again is safe.
async function migrateWithRetry(db: Database, workdir: string): Promise<void> {
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

/** The 6-digit code printed in a mail. */
export function codeIn(mail: OutboxMessage): string {
	const code = /code: (\d{6})/.exec(mail.text)?.[1];
	if (!code) throw new Error(`no code in mail "${mail.subject}"`);
	return code;
}

/** Follows a mailed link the way a browser does, without following GoTrue's redirect. */
export async function followLink(link: string): Promise<URL> {
	const response = await fetch(link, { redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) {
		throw new Error(`expected a 303 redirect from ${link}, got ${response.status}: ${await response.text()}`);
	}
	return new URL(location);
}

export function fragmentParams(url: URL): URLSearchParams {
	return new URLSearchParams(url.hash.replace(/^#/, ''));
}
