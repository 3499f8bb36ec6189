// The local Supabase stack (DESIGN §3.1): one database, the platform objects and the
// project's migrations, and Supabase's HTTP APIs on their usual paths — /rest/v1
// (PostgREST), /auth/v1 (GoTrue), /realtime/v1 (Realtime) — plus /local/v1 for what only
// exists locally (the mail outbox). It can be mounted into another server (the app's,
// in `npm start`) or served alone (`npm run supabase:local`).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { configureAuth, handleAuthRequest, readAuthConfig } from './auth/index.ts';
import type { StackContext } from './context.ts';
import { openDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { handlePreflight, sendJson } from './http.ts';
import { apiKeys, DEFAULT_JWT_SECRET } from './jwt.ts';
import { migrate } from './migrate.ts';
import type { MigrateResult } from './migrate.ts';
import { createOutbox, createSmtpOutbox, handleOutboxRequest, type SmtpOptions } from './outbox.ts';
import { createRealtimeServer, handleRealtimeHttp } from './realtime/index.ts';
import { createRestApi, REST_PREFIX } from './rest/index.ts';

const supabaseDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.dirname(path.resolve(supabaseDir));

export const DEFAULT_PORT = 54321;
/** dataDir value that keeps PGlite in memory (tests). */
export const IN_MEMORY = ':memory:';

export interface LocalStackOptions {
	/** A Supabase project folder (migrations/, seed.sql); default the repo's supabase/. */
	workdir?: string;
	/** Use this Postgres instead of PGlite. */
	databaseUrl?: string;
	/** PGlite folder; default <repo>/.data/pglite; ':memory:' for a throwaway database. */
	dataDir?: string;
	/** HS256 secret; default the Supabase CLI's public one (see jwt.ts: demo only). */
	jwtSecret?: string;
	/** Run seed.sql on a new database (default true, as `supabase start` does). */
	seed?: boolean;
	/** Send mail through this SMTP server instead of keeping it in the local outbox. */
	smtp?: SmtpOptions;
	/** Where clients reach the APIs; default http://127.0.0.1:54321. */
	publicUrl?: string;
	/** GoTrue's SITE_URL; default publicUrl. */
	siteUrl?: string;
	redirectUrls?: string[];
	log?: (message: string) => void;
}

export interface LocalStack {
	ctx: StackContext;
	db: SqlDatabase;
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	/** What migrate() did at start-up. */
	migrations: MigrateResult;
	/** True when it handled the request (paths /rest/v1, /auth/v1, /realtime/v1, /local/v1). */
	handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
	/** True when it took the upgrade (/realtime/v1/websocket). */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Re-reads the REST schema cache, e.g. after DDL run outside migrations. */
	reloadSchema(): Promise<void>;
	close(): Promise<void>;
}

const ownPrefixes = ['/rest/v1', '/auth/v1', '/realtime/v1', '/local/v1'];

function ownsPath(pathname: string): boolean {
	return ownPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
	const log = options.log ?? ((message: string) => console.log(message));
	const workdir = path.resolve(options.workdir ?? supabaseDir);
	const dataDir =
		options.dataDir === IN_MEMORY ? undefined : (options.dataDir ?? path.join(repoDir, '.data', 'pglite'));
	const db = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : { dataDir });
	const closers: (() => Promise<void>)[] = [() => db.close()];
	const closeAll = async (): Promise<void> => {
		for (const close of closers.splice(0).reverse()) {
			await close().catch((error: unknown) => log(`[stack] error while closing: ${String(error)}`));
		}
	};
	try {
		// A failed migration throws MigrationError (file:line in its message) and stops start-up.
		const migrations = await migrate(db, workdir, { seed: options.seed ?? true });
		const jwtSecret = options.jwtSecret ?? DEFAULT_JWT_SECRET;
		const { anonKey, serviceRoleKey } = await apiKeys(jwtSecret);
		const outbox = options.smtp ? createSmtpOutbox(options.smtp, log) : await createOutbox(db, log);
		const publicUrl = (options.publicUrl ?? `http://127.0.0.1:${DEFAULT_PORT}`).replace(/\/+$/, '');
		const ctx: StackContext = {
			db,
			jwtSecret,
			anonKey,
			serviceRoleKey,
			publicUrl,
			siteUrl: options.siteUrl ?? publicUrl,
			redirectUrls: options.redirectUrls ?? [],
			outbox,
			log
		};
		// GoTrue reads the project's [auth] settings (sign-ups, rate limits, token lifetimes).
		configureAuth(ctx, await readAuthConfig(workdir));
		const rest = await createRestApi(ctx);
		closers.push(() => rest.close());
		const realtime = await createRealtimeServer(ctx);
		closers.push(() => realtime.close());

		const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
			if (url.pathname.startsWith(`${REST_PREFIX}/`) || url.pathname === REST_PREFIX) return rest.handle(req, res, url);
			if (url.pathname.startsWith('/auth/v1')) return handleAuthRequest(ctx, req, res, url);
			if (url.pathname.startsWith('/realtime/v1')) {
				if (!(await handleRealtimeHttp(ctx, req, res, url))) {
					sendJson(res, 404, { message: 'no Route matched with those values' });
				}
				return;
			}
			return handleOutboxRequest(ctx, req, res, url);
		};

		return {
			ctx,
			db,
			url: publicUrl,
			anonKey,
			serviceRoleKey,
			jwtSecret,
			migrations,
			handleRequest(req, res) {
				const url = new URL(req.url ?? '/', 'http://localhost');
				if (!ownsPath(url.pathname)) return false;
				if (handlePreflight(req, res)) return true;
				route(req, res, url).catch((error: unknown) => {
					log(
						`[stack] ${req.method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
					);
					if (!res.headersSent) sendJson(res, 500, { message: 'Internal error in the local Supabase stack' });
					else res.end();
				});
				return true;
			},
			handleUpgrade(req, socket, head) {
				const url = new URL(req.url ?? '/', 'http://localhost');
				if (url.pathname !== '/realtime/v1/websocket') return false;
				realtime.handleUpgrade(req, socket, head);
				return true;
			},
			reloadSchema: () => rest.reloadSchema(),
			close: closeAll
		};
	} catch (error) {
		await closeAll();
		throw error;
	}
}

export interface ServeOptions extends LocalStackOptions {
	port?: number;
	host?: string;
}

/** The stack on its own HTTP server (the CLI, and tests). Port 0 picks a free port. */
export async function serveLocalStack(options: ServeOptions = {}): Promise<LocalStack & { server: Server }> {
	const host = options.host ?? '127.0.0.1';
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? DEFAULT_PORT, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
	const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
	let stack: LocalStack;
	try {
		stack = await startLocalStack({ ...options, publicUrl: options.publicUrl ?? `http://${urlHost}:${port}` });
	} catch (error) {
		await new Promise<void>((resolve) => server.close(() => resolve()));
		throw error;
	}
	server.on('request', (req, res) => {
		if (!stack.handleRequest(req, res)) sendJson(res, 404, { message: 'no Route matched with those values' });
	});
	server.on('upgrade', (req, socket, head) => {
		if (!stack.handleUpgrade(req, socket, head)) socket.destroy();
	});
	return {
		...stack,
		server,
		async close() {
			// server.close() waits for upgraded sockets too, and those only end in
			// stack.close(): stop accepting, close the stack, then wait for the server.
			const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await stack.close();
			await serverClosed;
		}
	};
}
