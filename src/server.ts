// The one production process (`npm start`): the SvelteKit app through adapter-node's
// handler, the collaboration WebSocket endpoint and — in local mode, when no Supabase
// project is configured — the local Supabase stack, all on one HTTP server and port.
// Runs on Node's type stripping, so imports are relative with .ts extensions.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type SqlDatabase } from './lib/server/db/sql-client.ts';
import { IN_MEMORY, startLocalStack, type LocalStack } from '../supabase/local/index.ts';
import { createCollabServer } from './lib/server/collab/index.ts';
import { printDemoSignInLinks } from './lib/server/demo-sign-in.ts';
import { withCompression } from './lib/server/http/compression.ts';

export interface Backend {
	/** The local Supabase stack, when no Supabase project is configured. */
	stack: LocalStack | undefined;
	/** True when the request was for the local stack and has been answered. */
	handleRequest(req: http.IncomingMessage, res: http.ServerResponse): boolean;
	/** True when the upgrade was for the collab endpoint or Realtime and has been taken. */
	handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
	close(): Promise<void>;
}

export interface BackendOptions {
	/** The port the app's HTTP server listens on (the stack shares it in local mode). */
	port: number;
	/** The URL people open, e.g. http://localhost:3000. */
	publicUrl: string;
	log: (message: string) => void;
}

/**
 * Everything beside the SvelteKit pages: the local Supabase stack (local mode) and the
 * collab server. Sets the Supabase variables the app reads through $env/dynamic, so it
 * must run before the app handles its first request. Used by `npm start` and `npm run dev`.
 */
export async function startBackend({ port, publicUrl, log }: BackendOptions): Promise<Backend> {
	const localMode = !process.env.SUPABASE_URL && !process.env.PUBLIC_SUPABASE_URL;

	let stack: LocalStack | undefined;
	let db: SqlDatabase;
	if (localMode) {
		stack = await startLocalStack({
			databaseUrl: process.env.DATABASE_URL || undefined,
			dataDir: dataDirFromEnv(),
			jwtSecret: process.env.SUPABASE_JWT_SECRET || undefined,
			publicUrl,
			siteUrl: publicUrl,
			redirectUrls: [publicUrl, `http://127.0.0.1:${port}`, `http://localhost:${port}`],
			log: (message) => log(`[supabase] ${message}`)
		});
		db = stack.db;
		// The app reads these through $env/dynamic; browsers use the app's own origin.
		process.env.SUPABASE_URL = `http://127.0.0.1:${port}`;
		process.env.PUBLIC_SUPABASE_URL = '';
		process.env.PUBLIC_SUPABASE_ANON_KEY = stack.anonKey;
		process.env.SUPABASE_SERVICE_ROLE_KEY = stack.serviceRoleKey;
		process.env.SUPABASE_JWT_SECRET = stack.jwtSecret;
		process.env.ACCORD_LOCAL_STACK = '1';
	} else {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL is required with a Supabase project: the collab server persists to it.');
		db = await openDatabase({ url });
	}

	const collab = await createCollabServer({
		db,
		auth: {
			jwtSecret: process.env.SUPABASE_JWT_SECRET || undefined,
			jwksUrl: process.env.SUPABASE_JWKS_URL || undefined
		},
		redisUrl: process.env.REDIS_URL || undefined,
		log: (message) => log(`[collab] ${message}`)
	});

	return {
		stack,
		handleRequest: (req, res) => stack?.handleRequest(req, res) ?? false,
		handleUpgrade: (req, socket, head) =>
			collab.handleUpgrade(req, socket, head) || (stack?.handleUpgrade(req, socket, head) ?? false),
		async close() {
			// Flush pending collab writes before the database goes away.
			await collab.close();
			if (stack) await stack.close();
			else await db.close();
		}
	};
}

export interface RunningServer {
	url: string;
	close(): Promise<void>;
}

export interface ServeOptions {
	port?: number;
	host?: string;
	/** Folder holding adapter-node's output. */
	buildDir?: string;
	log?: (message: string) => void;
}

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
	const log = options.log ?? ((message: string) => console.log(message));
	const port = options.port ?? Number(process.env.PORT ?? 3000);
	const host = options.host ?? process.env.HOST ?? '0.0.0.0';
	const displayUrl = process.env.ORIGIN ?? `http://localhost:${port}`;
	const backend = await startBackend({ port, publicUrl: displayUrl, log });

	const buildDir = path.resolve(options.buildDir ?? 'build');
	const { handler } = (await import(pathToFileURL(path.join(buildDir, 'handler.js')).href)) as {
		handler: http.RequestListener;
	};

	const server = http.createServer((req, res) =>
		withCompression(req, res, () => {
			if (backend.handleRequest(req, res)) return;
			handler(req, res);
		})
	);
	server.on('upgrade', (req, socket, head) => {
		if (backend.handleUpgrade(req, socket, head)) return;
		socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	log(`Accord is running at ${displayUrl}`);
	const { stack } = backend;
	if (stack) {
		log(`Local Supabase stack: ${stack.db.kind === 'pglite' ? 'embedded PGlite' : 'Postgres'} · API ${displayUrl}`);
		await printDemoSignInLinks({
			db: stack.db,
			appUrl: displayUrl,
			authUrl: `http://127.0.0.1:${port}`,
			serviceRoleKey: stack.serviceRoleKey,
			log
		}).catch((error: unknown) =>
			log(`Could not create demo sign-in links: ${error instanceof Error ? error.message : String(error)}`)
		);
	}

	let closing: Promise<void> | undefined;
	return {
		url: displayUrl,
		close() {
			closing ??= (async () => {
				// server.close() also waits for upgraded sockets (collab, Realtime), which
				// only end in backend.close(): stop accepting, close those, then wait.
				const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeAllConnections();
				await backend.close();
				await serverClosed;
			})();
			return closing;
		}
	};
}

function dataDirFromEnv(): string {
	const dir = process.env.ACCORD_DATA_DIR ?? '.data/pglite';
	return dir === 'memory' ? IN_MEMORY : path.resolve(dir);
}
