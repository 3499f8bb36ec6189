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
import { DEFAULT_JWT_SECRET, persistentJwtSecret, randomJwtSecret } from '../supabase/local/jwt.ts';
import { createCollabServer } from './lib/server/collab/index.ts';
import { printDemoSignInLinks } from './lib/server/demo-sign-in.ts';
import {
	allowSupabaseConnections,
	DEFAULT_HOST,
	isLoopback,
	outboxAccess,
	resolveMode,
	type AccordMode
} from './lib/server/deployment.ts';
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
	/** The address it listens on: the public demo secret is refused off loopback. */
	host: string;
	/** The URL people open, e.g. http://localhost:3000. */
	publicUrl: string;
	log: (message: string) => void;
}

/**
 * Everything beside the SvelteKit pages: the local Supabase stack (demo and local modes)
 * and the collab server. Sets the variables the app reads through $env/dynamic, so it
 * must run before the app handles its first request. Used by `npm start` and `npm run dev`.
 */
export async function startBackend({ port, host, publicUrl, log }: BackendOptions): Promise<Backend> {
	const mode = resolveMode(process.env);
	const smtpUrl = process.env.SMTP_URL || undefined;
	process.env.ACCORD_MODE = mode;
	process.env.ACCORD_OUTBOX = outboxAccess(mode, smtpUrl !== undefined);

	let stack: LocalStack | undefined;
	let db: SqlDatabase;
	if (mode !== 'supabase') {
		const dataDir = dataDirFromEnv(mode);
		const jwtSecret = await jwtSecretFor(mode, host, dataDir, log);
		stack = await startLocalStack({
			databaseUrl: process.env.DATABASE_URL || undefined,
			dataDir,
			jwtSecret,
			seed: mode === 'demo',
			smtp: smtpUrl ? { url: smtpUrl, from: process.env.SMTP_FROM || undefined } : undefined,
			publicUrl,
			siteUrl: publicUrl,
			redirectUrls: [publicUrl, `http://127.0.0.1:${port}`, `http://localhost:${port}`],
			log: (message) => log(`[supabase] ${message}`)
		});
		if (mode === 'local') await refuseDemoAccounts(stack);
		db = stack.db;
		// The app reads these through $env/dynamic; browsers use the app's own origin.
		process.env.SUPABASE_URL = `http://127.0.0.1:${port}`;
		process.env.PUBLIC_SUPABASE_URL = '';
		process.env.PUBLIC_SUPABASE_ANON_KEY = stack.anonKey;
		process.env.SUPABASE_SERVICE_ROLE_KEY = stack.serviceRoleKey;
		process.env.SUPABASE_JWT_SECRET = stack.jwtSecret;
		process.env.ACCORD_LOCAL_STACK = '1';
	} else {
		if (process.env.SUPABASE_JWT_SECRET === DEFAULT_JWT_SECRET && !isLoopback(host)) {
			throw new Error(PUBLIC_SECRET_OFF_LOOPBACK);
		}
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL is required with a Supabase project: the collab server persists to it.');
		db = await openDatabase({ url });
	}

	// The app's server reads and writes Call to Action texts through its own collab
	// endpoint, as the service role (src/lib/server/cta/live-text.ts): the same pipeline,
	// policies and fan-out as every editor, on loopback unless told otherwise.
	process.env.ACCORD_COLLAB_URL ||= `ws://${loopbackFor(host)}:${port}/collab`;

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

/**
 * Headers every response carries, pages and APIs alike. The Content-Security-Policy
 * (frame-ancestors included) comes from SvelteKit's csp config, which knows each page's
 * inline scripts; against a hosted Supabase project, its origin is added to connect-src.
 */
function setSecurityHeaders(res: http.ServerResponse, browserSupabaseUrl: string | undefined): void {
	if (browserSupabaseUrl) {
		const setHeader = res.setHeader.bind(res);
		res.setHeader = (name, value) =>
			setHeader(
				name,
				name.toLowerCase() === 'content-security-policy' && typeof value === 'string'
					? allowSupabaseConnections(value, browserSupabaseUrl)
					: value
			);
	}
	res.setHeader('X-Content-Type-Options', 'nosniff');
	// Sign-in links carry their token in the query: never hand a URL to another site.
	res.setHeader('Referrer-Policy', 'same-origin');
	// For browsers that predate frame-ancestors.
	res.setHeader('X-Frame-Options', 'DENY');
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
	const host = options.host ?? (process.env.HOST || DEFAULT_HOST);
	const originGiven = Boolean(process.env.ORIGIN);
	const displayUrl = process.env.ORIGIN || `http://localhost:${port}`;
	// adapter-node takes the origin from ORIGIN, else assumes https and answers 403 to
	// every form post over http: the URL we print is the origin the forms come from.
	process.env.ORIGIN = displayUrl;
	// adapter-node refuses request bodies over 512 KB by default; a delegate list of
	// 10,000 rows is about 1 MB, and the import posts it twice (preview, then import).
	process.env.BODY_SIZE_LIMIT ??= '8M';
	const backend = await startBackend({ port, host, publicUrl: displayUrl, log });

	const buildDir = path.resolve(options.buildDir ?? 'build');
	const { handler } = (await import(pathToFileURL(path.join(buildDir, 'handler.js')).href)) as {
		handler: http.RequestListener;
	};

	const browserSupabaseUrl = process.env.PUBLIC_SUPABASE_URL || undefined;
	const server = http.createServer((req, res) => {
		setSecurityHeaders(res, browserSupabaseUrl);
		withCompression(req, res, () => {
			if (backend.handleRequest(req, res)) return;
			handler(req, res);
		});
	});
	server.on('upgrade', (req, socket, head) => {
		if (backend.handleUpgrade(req, socket, head)) return;
		socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const mode = process.env.ACCORD_MODE as AccordMode;
	log(`Accord is running at ${displayUrl} (${mode} mode, listening on ${host}:${port})`);
	if (!isLoopback(host) && !originGiven) {
		log(`Reachable from the network: set ORIGIN to the URL people there open, or their forms are refused.`);
	}
	const { stack } = backend;
	if (stack) {
		log(`Local Supabase stack: ${stack.db.kind === 'pglite' ? 'embedded PGlite' : 'Postgres'} · API ${displayUrl}`);
	}
	if (stack && mode === 'demo') {
		if (!isLoopback(host)) {
			log(`Demo mode on ${host}: anyone who can reach this port can sign in as any demo account.`);
		}
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

/** An address of this machine the server listens on, for its own connections to itself. */
function loopbackFor(host: string): string {
	if (host === '::1' || host === '[::1]') return '[::1]';
	if (host === '0.0.0.0' || host === '::' || host === '' || isLoopback(host)) return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}

/** The PGlite folder, which also keeps the install's JWT secret; IN_MEMORY for none. */
function dataDirFromEnv(mode: AccordMode): string {
	// The demo and a real local install never share a database: the demo's is seeded
	// with accounts whose password everyone knows.
	const dir = process.env.ACCORD_DATA_DIR || (mode === 'demo' ? '.data/pglite' : '.data/local');
	return dir === 'memory' ? IN_MEMORY : path.resolve(dir);
}

const PUBLIC_SECRET_OFF_LOOPBACK =
	"SUPABASE_JWT_SECRET is the Supabase CLI's public demo secret: anyone could sign tokens for this " +
	'server. Refusing to listen beyond loopback with it; unset it (a secret of its own is generated) or set another.';

/**
 * SUPABASE_JWT_SECRET if set; else the demo on loopback uses the public demo secret (so
 * keys printed by other tools match) and says so; anything else gets a secret of its
 * own, kept in the data folder (per process when the database is in memory).
 */
async function jwtSecretFor(
	mode: AccordMode,
	host: string,
	dataDir: string,
	log: (message: string) => void
): Promise<string> {
	const given = process.env.SUPABASE_JWT_SECRET || undefined;
	if (given === DEFAULT_JWT_SECRET) {
		if (mode !== 'demo') {
			throw new Error(
				"SUPABASE_JWT_SECRET is the Supabase CLI's public demo secret, which only ACCORD_MODE=demo may use."
			);
		}
		if (!isLoopback(host)) throw new Error(PUBLIC_SECRET_OFF_LOOPBACK);
	}
	if (given) return given;
	if (mode === 'demo' && isLoopback(host)) {
		log(
			"Demo mode: tokens are signed with the Supabase CLI's public demo secret, so anyone can forge them. " +
				'Never put real data here; use ACCORD_MODE=local for that.'
		);
		return DEFAULT_JWT_SECRET;
	}
	if (dataDir === IN_MEMORY) return randomJwtSecret();
	const { secret, created } = await persistentJwtSecret(dataDir);
	if (created) log(`Generated this install's JWT secret in ${path.join(dataDir, 'jwt-secret')}`);
	return secret;
}

/** Local mode on a database the demo seeded would let anyone in with the demo password. */
async function refuseDemoAccounts(stack: LocalStack): Promise<void> {
	const { rows } = await stack.db.query<{ found: boolean }>(
		`select exists (select 1 from auth.users where email like '%@accord.test') as found`
	);
	if (!rows[0]?.found) return;
	await stack.close();
	throw new Error(
		'This database holds the demo accounts (…@accord.test, whose password everyone knows): ' +
			'ACCORD_MODE=local refuses to run on it. Use another ACCORD_DATA_DIR or DATABASE_URL, or ACCORD_MODE=demo.'
	);
}
