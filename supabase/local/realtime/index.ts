// Supabase Realtime for the local stack: Phoenix channels at /realtime/v1/websocket
// (postgres_changes with RLS per subscriber, broadcast, presence, Broadcast from the
// database) and the HTTP broadcast API. The stack core routes upgrades and
// /realtime/v1/api/* requests here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { StackContext } from '../context.ts';
import { startChangeFeed } from './changes.ts';
import { Connection } from './connection.ts';
import { startDatabaseBroadcast } from './database-broadcast.ts';
import { handleBroadcastHttp } from './http-broadcast.ts';
import { Hub } from './hub.ts';
import { identityFromToken, TokenError } from './identity.ts';
import type { Identity } from './identity.ts';
import { isVsn } from './protocol.ts';

export const WEBSOCKET_PATH = '/realtime/v1/websocket';
/** Phoenix drops a socket that has sent nothing (not even a heartbeat) for this long. */
const IDLE_TIMEOUT_MS = 60_000;
const IDLE_CHECK_MS = 15_000;
/** How long a closing socket may take to answer the close frame at shutdown. */
const SHUTDOWN_GRACE_MS = 500;
/** Supabase Realtime refuses frames larger than this. */
const MAX_FRAME_BYTES = 1024 * 1024;

export interface RealtimeServer {
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Handles /realtime/v1/api/* requests; false when the path is not Realtime's. */
	handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
	close(): Promise<void>;
}

// The running server per stack, so handleRealtimeHttp(ctx, …) reaches its channels.
const servers = new WeakMap<StackContext, RealtimeServer>();

export async function createRealtimeServer(ctx: StackContext): Promise<RealtimeServer> {
	const hub = new Hub();
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
	const connections = new Set<Connection>();
	let lastId = 0;
	const deps = { ctx, hub, nextId: () => ++lastId };
	const changeFeed = await startChangeFeed(ctx.db, hub, ctx.log);
	const databaseBroadcast = await startDatabaseBroadcast(ctx.db, hub, ctx.log);

	const idleCheck = setInterval(() => {
		const cutoff = Date.now() - IDLE_TIMEOUT_MS;
		for (const connection of connections) {
			if (connection.lastSeen < cutoff) connection.terminate(1000, 'heartbeat timeout');
		}
	}, IDLE_CHECK_MS);
	idleCheck.unref();

	const server: RealtimeServer = {
		handleUpgrade(req, socket, head) {
			socket.on('error', () => socket.destroy());
			authenticate(ctx, req).then(
				({ identity, vsn }) => {
					wss.handleUpgrade(req, socket, head, (ws) => {
						const connection = new Connection(ws, vsn, identity, deps);
						connections.add(connection);
						ws.on('close', () => connections.delete(connection));
					});
				},
				(error: unknown) => {
					const refusal = error instanceof UpgradeRefusal ? error : new UpgradeRefusal(500, 'Internal server error');
					if (!(error instanceof UpgradeRefusal)) ctx.log(`[realtime] upgrade failed: ${String(error)}`);
					refuse(socket, refusal);
				}
			);
		},
		handleHttp: (req, res, url) => handleBroadcastHttp(ctx, hub, req, res, url),
		async close() {
			servers.delete(ctx);
			clearInterval(idleCheck);
			const open = [...connections];
			connections.clear();
			await Promise.all(open.map((connection) => connection.shutdown(1001, 'server shutting down', SHUTDOWN_GRACE_MS)));
			await Promise.all([changeFeed.close(), databaseBroadcast.close()]);
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
	servers.set(ctx, server);
	return server;
}

/** Routes /realtime/v1/api/* for the stack's running Realtime server; false for other paths. */
export async function handleRealtimeHttp(
	ctx: StackContext,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<boolean> {
	if (!url.pathname.startsWith('/realtime/v1/api/')) return false;
	const server = servers.get(ctx);
	if (!server) {
		res
			.writeHead(503, { 'content-type': 'application/json' })
			.end(JSON.stringify({ message: 'Realtime is not running' }));
		return true;
	}
	return server.handleHttp(req, res, url);
}

class UpgradeRefusal extends Error {
	readonly status: number;
	constructor(status: number, message: string) {
		super(message);
		this.status = status;
	}
}

/** The socket's identity comes from its apikey, as Supabase's gateway requires one. */
async function authenticate(
	ctx: StackContext,
	req: IncomingMessage
): Promise<{ identity: Identity; vsn: '1.0.0' | '2.0.0' }> {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (url.pathname.replace(/\/+$/, '') !== WEBSOCKET_PATH) throw new UpgradeRefusal(404, 'Not found');
	// Phoenix treats a socket without vsn as 1.0.0.
	const vsn = url.searchParams.get('vsn') ?? '1.0.0';
	if (!isVsn(vsn)) throw new UpgradeRefusal(400, `Unsupported vsn ${vsn}`);
	const header = req.headers.apikey;
	const apikey = url.searchParams.get('apikey') ?? (Array.isArray(header) ? header[0] : header);
	if (!apikey) throw new UpgradeRefusal(401, 'No API key found in request');
	try {
		return { identity: await identityFromToken(apikey, ctx.jwtSecret), vsn };
	} catch (error) {
		if (error instanceof TokenError) throw new UpgradeRefusal(401, 'Invalid API key');
		throw error;
	}
}

function refuse(socket: Duplex, refusal: UpgradeRefusal): void {
	if (socket.destroyed) return;
	const body = JSON.stringify({ message: refusal.message });
	const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
	const reason = reasons[refusal.status] ?? 'Internal Server Error';
	socket.end(
		`HTTP/1.1 ${refusal.status} ${reason}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: application/json\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
			body
	);
}
