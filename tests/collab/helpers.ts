// Shared test plumbing: a real HTTP server with the collab endpoint on an ephemeral port,
// real y-websocket clients over `ws`, tokens signed like the local stack signs them.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { openDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { migratePersistenceOnly } from './schema.ts';
import { DEFAULT_JWT_SECRET, signJwt } from '../../supabase/local/jwt.ts';
import { createCollabServer } from '../../src/lib/server/collab/index.ts';
import type { CollabServer, CollabServerOptions } from '../../src/lib/server/collab/index.ts';
import { COLLAB_SUBPROTOCOL, MESSAGE_SYNC, TOKEN_PROTOCOL_PREFIX } from '../../src/lib/collab/protocol.ts';

export const JWT_SECRET = DEFAULT_JWT_SECRET;

export async function openPersistenceDb(url?: string): Promise<SqlDatabase> {
	const db = await openDatabase({ url });
	await migratePersistenceOnly(db);
	return db;
}

export interface RunningServer {
	url: string;
	port: number;
	collab: CollabServer;
	http: Server;
	stop(): Promise<void>;
}

export async function startServer({
	port: listenPort = 0,
	...options
}: Omit<CollabServerOptions, 'auth'> &
	Partial<Pick<CollabServerOptions, 'auth'>> & { port?: number }): Promise<RunningServer> {
	const collab = await createCollabServer({ auth: { jwtSecret: JWT_SECRET }, log: () => undefined, ...options });
	const http = createServer((_req, res) => {
		res.writeHead(404).end();
	});
	http.on('upgrade', (req, socket, head) => {
		if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => http.listen(listenPort, '127.0.0.1', resolve));
	const address = http.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `ws://127.0.0.1:${port}/collab`,
		port,
		collab,
		http,
		async stop() {
			await collab.close();
			http.closeAllConnections();
			await new Promise<void>((resolve) => http.close(() => resolve()));
		}
	};
}

export function tokenFor(
	sub: string,
	options: { expiresIn?: number; secret?: string; role?: string } = {}
): Promise<string> {
	return signJwt(
		{ sub, role: options.role ?? 'authenticated', aud: 'authenticated' },
		options.secret ?? JWT_SECRET,
		options.expiresIn ?? 3600
	);
}

export function tokenProtocols(token: string): string[] {
	return [COLLAB_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + token];
}

export interface TestClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	text: Y.Text;
	destroy(): void;
}

export function connectClient(serverUrl: string, docName: string, token: string | null, doc = new Y.Doc()): TestClient {
	const provider = new WebsocketProvider(serverUrl, docName, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		protocols: token ? tokenProtocols(token) : [],
		disableBc: true,
		maxBackoffTime: 300
	});
	return {
		doc,
		provider,
		text: doc.getText('body'),
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
		const onSync = (synced: boolean) => {
			if (!synced) return;
			clearTimeout(timer);
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
}

/** Polls until `check` holds; fails with `message` after `timeoutMs` ("delivered within N seconds"). */
export async function eventually(
	check: () => boolean | Promise<boolean>,
	message: string,
	timeoutMs = 15_000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`timed out: ${message}`);
}

/** Deterministic PRNG (mulberry32) so failing property runs can be replayed from the seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function stateOf(doc: Y.Doc): string {
	return doc.getText('body').toString();
}

export interface RawClient {
	ws: WebSocket;
	frames: Uint8Array[];
	opened: Promise<void>;
	closed: Promise<{ code: number; reason: string }>;
}

/** A bare socket that speaks whatever bytes a test hands it. */
export function rawConnect(serverUrl: string, docName: string, token: string | null): RawClient {
	const ws = new WebSocket(`${serverUrl}/${encodeURIComponent(docName)}`, token ? tokenProtocols(token) : []);
	const frames: Uint8Array[] = [];
	ws.binaryType = 'nodebuffer';
	ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
	ws.on('error', () => undefined);
	const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	return { ws, frames, opened, closed };
}

/** Resolves with the first frame (already received or arriving later) that matches. */
export function nextFrame(client: RawClient, matches: (frame: Uint8Array) => boolean, from = 0): Promise<Uint8Array> {
	const seen = client.frames.slice(from).find(matches);
	if (seen) return Promise.resolve(seen);
	return new Promise((resolve, reject) => {
		const onMessage = (data: Buffer) => {
			const frame = new Uint8Array(data);
			if (!matches(frame)) return;
			client.ws.off('message', onMessage);
			client.ws.off('close', onClose);
			resolve(frame);
		};
		const onClose = () => reject(new Error('socket closed before the expected frame'));
		client.ws.on('message', onMessage);
		client.ws.once('close', onClose);
	});
}

export function syncStep1Frame(doc = new Y.Doc()): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

const isSyncStep2 = (frame: Uint8Array) => frame[0] === MESSAGE_SYNC && frame[1] === syncProtocol.messageYjsSyncStep2;

/**
 * A marker for "the server has handled everything this socket sent so far": frames from
 * one socket are handled in order, so the answer to a sync step 1 sent now comes after.
 */
export async function roundTrip(client: RawClient): Promise<void> {
	const from = client.frames.length;
	client.ws.send(syncStep1Frame());
	await nextFrame(client, isSyncStep2, from);
}
