// The collaboration server (DESIGN §3.2): y-websocket protocol at /collab/<doc>, the
// Supabase token verified on upgrade, access decided by public.collab_access and the
// document's policy (policies/), every update stored before anyone sees it, and optional
// fan-out across instances by Redis.
//
// The pipeline: admission.ts (verify → access → attach) hands a ClientConnection to a
// Room held by registry.ts; access-monitor.ts keeps access current; send-budget.ts bounds
// what slow readers cost. This file wires them together.
//
// The app's server entry calls handleUpgrade on the HTTP server's 'upgrade' event and
// close() on SIGTERM. Runs under Node's type stripping and in vitest alike.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { SqlDatabase } from '../db/sql-client.ts';
import { CLOSE_CODES, COLLAB_PATH } from '../../collab/protocol.ts';
import type { CollabAuthOptions } from './auth.ts';
import { chooseSubprotocol, createTokenVerifier, tokenFromRequest } from './auth.ts';
import type { AccessCheck, GrantLookup } from './access.ts';
import { customGrants, databaseGrants } from './access.ts';
import { AccessMonitor } from './access-monitor.ts';
import { admit } from './admission.ts';
import { ClientConnection, truncateReason } from './client-connection.ts';
import type { CollabLimits } from './limits.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { policyFor } from './policies/index.ts';
import type { DocumentFacts, DocumentPolicy, DocumentRecord } from './policies/policy.ts';
import { OPEN_FACTS } from './policies/policy.ts';
import { createRedisBus } from './redis-bus.ts';
import { DocumentRegistry } from './registry.ts';
import { SendBudget } from './send-budget.ts';

export type { CollabClaims } from './auth.ts';
export type { CollabLimits } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export type { AccessCheck } from './access.ts';
export type { DocumentFacts } from './policies/policy.ts';

export interface CollabServerOptions {
	/** The app's database (the local stack's PGlite, or a pool on DATABASE_URL). Not closed by close(). */
	db: SqlDatabase;
	auth: CollabAuthOptions;
	/**
	 * Replaces `public.collab_access` (tests, tools); service_role tokens otherwise get write.
	 * Documents then have open facts unless `facts` is given too.
	 */
	access?: AccessCheck;
	/** Replaces reading a document's facts (mode, event) from the database. */
	facts?: (doc: string) => Promise<DocumentFacts | null>;
	/** With a URL, instances share updates and awareness through Redis pub/sub. */
	redisUrl?: string;
	limits?: Partial<CollabLimits>;
	/** Backstop re-check of every open connection's access; database notices do the rest. */
	accessRecheckMs?: number;
	/** How long a document with no connections stays in memory. */
	idleUnloadMs?: number;
	/** Stored updates after which a document is compacted into a snapshot. */
	compactEvery?: number;
	log?: (message: string) => void;
}

export interface CollabStats {
	documents: number;
	connections: number;
	persistedUpdates: number;
	messagesIn: number;
	bytesIn: number;
	compactions: number;
	/** Updates a document's policy refused (read-only access or mode). */
	refusedUpdates: number;
	/** Closed connections by close code. */
	closes: Record<number, number>;
	/** Bytes queued for sockets that are behind (the process-wide send budget). */
	bufferedBytes: number;
}

export interface CollabServer {
	/** Takes over the upgrade when the path starts with /collab/; false leaves it to the caller. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Stops accepting, closes connections with 1001, stores everything pending. */
	close(): Promise<void>;
	stats(): CollabStats;
	/** A loaded document's facts and what its policy recorded; null when not loaded. */
	inspect(doc: string): { facts: DocumentFacts; record: DocumentRecord } | null;
	/** Resolves once every access notice received so far has been applied. */
	accessSettled(): Promise<void>;
}

export async function createCollabServer(options: CollabServerOptions): Promise<CollabServer> {
	const log = options.log ?? ((message: string) => console.log(message));
	const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
	const grants: GrantLookup = options.access ? customGrants(options.access) : databaseGrants(options.db);
	const customFacts = options.facts ?? (options.access ? async () => OPEN_FACTS : null);
	const readFacts = (policy: DocumentPolicy, doc: string) =>
		customFacts ? customFacts(doc) : policy.readFacts(options.db, doc);
	const bus = options.redisUrl ? await createRedisBus(options.redisUrl, log) : null;
	const totals = { messagesIn: 0, bytesIn: 0, compactions: 0, refusedUpdates: 0 };
	const closes: Record<number, number> = {};
	let closing = false;

	const registry = new DocumentRegistry({
		db: options.db,
		bus,
		compactEvery: options.compactEvery ?? 1000,
		idleUnloadMs: options.idleUnloadMs ?? 30_000,
		log,
		onCompacted: () => totals.compactions++
	});
	const connections = new Set<ClientConnection>();
	const attached = new Map<ClientConnection, string>();
	const perUser = new Map<string, number>();
	const budget = new SendBudget(limits.maxBufferedBytesTotal);

	const monitor = new AccessMonitor({
		db: options.db,
		grants,
		readFacts: (room) => readFacts(policyFor(room.name)!, room.name),
		registry,
		connections: () => attached.keys(),
		pollMs: options.accessRecheckMs ?? 60_000,
		log
	});
	await monitor.start();

	const wss = new WebSocketServer({
		noServer: true,
		clientTracking: false,
		maxPayload: limits.maxMessageBytes,
		perMessageDeflate: false,
		handleProtocols: (offered) => chooseSubprotocol(offered)
	});

	let connectionCount = 0;
	const hooks = {
		limits,
		log,
		nextId: () => ++connectionCount,
		countMessage(bytes: number) {
			totals.messagesIn++;
			totals.bytesIn += bytes;
		},
		countRefused() {
			totals.refusedUpdates++;
		},
		onBuffered: (connection: ClientConnection, bytes: number) => budget.note(connection, bytes),
		onClose(connection: ClientConnection, code: number) {
			connections.delete(connection);
			budget.forget(connection);
			closes[code] = (closes[code] ?? 0) + 1;
			const userKey = attached.get(connection);
			if (userKey !== undefined) {
				attached.delete(connection);
				const left = (perUser.get(userKey) ?? 1) - 1;
				if (left > 0) perUser.set(userKey, left);
				else perUser.delete(userKey);
			}
			if (connection.room) registry.scheduleUnload(connection.room);
		}
	};

	const admission = {
		verify: createTokenVerifier(options.auth),
		grants,
		readFacts,
		registry,
		limits,
		log,
		closing: () => closing,
		openConnections: () => attached.size,
		openConnectionsOf: (userKey: string) => perUser.get(userKey) ?? 0,
		onAttached(connection: ClientConnection, userKey: string) {
			attached.set(connection, userKey);
			perUser.set(userKey, (perUser.get(userKey) ?? 0) + 1);
		}
	};

	return {
		handleUpgrade(req, socket, head) {
			const url = new URL(req.url ?? '/', 'http://collab.invalid');
			if (!url.pathname.startsWith(COLLAB_PATH)) return false;
			let doc: string;
			try {
				doc = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
			} catch {
				doc = '';
			}
			wss.handleUpgrade(req, socket, head, (ws) => {
				const connection = new ClientConnection(ws, doc, hooks);
				connections.add(connection);
				admit(connection, tokenFromRequest(req), admission).catch((error: unknown) => {
					log(`collab: admitting a connection failed: ${error instanceof Error ? error.message : String(error)}`);
					ws.close(CLOSE_CODES.STORAGE_UNAVAILABLE, truncateReason('server error; try again'));
				});
			});
			return true;
		},
		async close() {
			closing = true;
			await monitor.stop();
			for (const connection of [...connections]) connection.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
			await registry.close();
			await bus?.close();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		},
		stats() {
			let persisted = registry.persistedByUnloaded;
			for (const room of registry.all()) persisted += room.persistedUpdates;
			return {
				documents: registry.size,
				connections: connections.size,
				persistedUpdates: persisted,
				messagesIn: totals.messagesIn,
				bytesIn: totals.bytesIn,
				compactions: totals.compactions,
				refusedUpdates: totals.refusedUpdates,
				closes: { ...closes },
				bufferedBytes: budget.heldBytes
			};
		},
		inspect(doc) {
			const room = registry.get(doc);
			return room ? { facts: room.facts, record: room.record } : null;
		},
		accessSettled: () => monitor.settled()
	};
}
