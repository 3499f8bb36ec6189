// The collaboration server (DESIGN §3.2): y-websocket protocol at /collab/<doc>, the
// Supabase token verified on upgrade, access decided by public.collab_access, every
// update stored before anyone sees it, and optional fan-out across instances by Redis.
//
// The app's server entry calls handleUpgrade on the HTTP server's 'upgrade' event and
// close() on SIGTERM. Runs under Node's type stripping and in vitest alike.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { SqlDatabase } from '../db/sql-client.ts';
import type { CollabAccess } from '../../collab/protocol.ts';
import { CLOSE_CODES, COLLAB_PATH, isValidDocName } from '../../collab/protocol.ts';
import type { CollabAuthOptions, CollabClaims, TokenVerifier } from './auth.ts';
import { AuthError, chooseSubprotocol, createTokenVerifier, tokenFromRequest } from './auth.ts';
import { CollabConnection, truncateReason } from './connection.ts';
import type { CollabLimits } from './limits.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import type { DocumentBus } from './redis-bus.ts';
import { createRedisBus } from './redis-bus.ts';
import { Room } from './room.ts';
import type { AccessCheck, AccessRequest } from './access.ts';
import { defaultAccessBatch, defaultAccessCheck } from './access.ts';

export type { CollabClaims } from './auth.ts';
export type { CollabLimits } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export type { AccessCheck, AccessRequest } from './access.ts';
export { defaultAccessBatch, defaultAccessCheck } from './access.ts';

export interface CollabServerOptions {
	/** The app's database (the local stack's PGlite, or a pool on DATABASE_URL). Not closed by close(). */
	db: SqlDatabase;
	auth: CollabAuthOptions;
	/** Defaults to `select public.collab_access(doc, sub)`; service_role tokens get write. */
	access?: AccessCheck;
	/** With a URL, instances share updates and awareness through Redis pub/sub. */
	redisUrl?: string;
	limits?: Partial<CollabLimits>;
	/** How often open connections have their access re-evaluated. */
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
}

export interface CollabServer {
	/** Takes over the upgrade when the path starts with /collab/; false leaves it to the caller. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Stops accepting, closes connections with 1001, stores everything pending. */
	close(): Promise<void>;
	stats(): CollabStats;
}

const RECHECK_SLICE = 8;

export async function createCollabServer(options: CollabServerOptions): Promise<CollabServer> {
	const log = options.log ?? ((message: string) => console.log(message));
	const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
	const verify: TokenVerifier = createTokenVerifier(options.auth);
	const checkAccess = options.access ?? defaultAccessCheck(options.db);
	const customAccess = options.access;
	const checkAccessBatch = customAccess
		? (requests: AccessRequest[]) => Promise.all(requests.map((request) => customAccess(request.doc, request.claims)))
		: defaultAccessBatch(options.db);
	const accessRecheckMs = options.accessRecheckMs ?? 3_000;
	const idleUnloadMs = options.idleUnloadMs ?? 30_000;
	const compactEvery = options.compactEvery ?? 1000;
	const bus: DocumentBus | null = options.redisUrl ? await createRedisBus(options.redisUrl, log) : null;

	const rooms = new Map<string, Room>();
	const loading = new Map<string, Promise<Room>>();
	const unloadTimers = new Map<string, NodeJS.Timeout>();
	const connections = new Set<CollabConnection>();
	const totals = { messagesIn: 0, bytesIn: 0, compactions: 0, persistedByUnloaded: 0 };
	let closing = false;

	const wss = new WebSocketServer({
		noServer: true,
		clientTracking: false,
		maxPayload: limits.maxMessageBytes,
		perMessageDeflate: false,
		handleProtocols: (offered) => chooseSubprotocol(offered)
	});

	async function openRoom(name: string): Promise<Room> {
		const open = rooms.get(name);
		if (open && !open.isFailed) return open;
		const inFlight = loading.get(name);
		if (inFlight) return inFlight;
		const promise = (async () => {
			if (open) {
				// A room that failed to store sent its members away; start over from the database.
				rooms.delete(name);
				if (bus) await bus.unsubscribe(name).catch(() => undefined);
				open.destroy();
			}
			const room = new Room(name, {
				db: options.db,
				bus,
				compactEvery,
				log,
				onCompacted: () => {
					totals.compactions++;
				}
			});
			// Subscribe before reading the database so no peer update falls between the two;
			// frames that arrive during the load are applied after it (Yjs updates commute).
			const early: { kind: string; payload: Uint8Array }[] = [];
			let loaded = false;
			if (bus) {
				await bus.subscribe(name, (kind, payload) => {
					if (!loaded) {
						early.push({ kind, payload });
						return;
					}
					onPeerFrame(room, kind, payload);
				});
			}
			try {
				await room.load();
			} catch (error) {
				if (bus) await bus.unsubscribe(name).catch(() => undefined);
				room.destroy();
				throw error;
			}
			loaded = true;
			for (const frame of early) onPeerFrame(room, frame.kind, frame.payload);
			rooms.set(name, room);
			bus?.publish(name, 'query-awareness', new Uint8Array(0));
			return room;
		})();
		loading.set(name, promise);
		try {
			return await promise;
		} finally {
			loading.delete(name);
		}
	}

	function onPeerFrame(room: Room, kind: string, payload: Uint8Array): void {
		try {
			if (kind === 'update') room.applyFromPeer(payload);
			else if (kind === 'awareness') room.applyAwarenessFromPeer(payload);
			else if (kind === 'query-awareness') {
				const local = room.localAwareness();
				if (local) bus?.publish(room.name, 'awareness', local);
			}
		} catch (error) {
			log(
				`collab: ${room.name}: unreadable frame from a peer instance: ${error instanceof Error ? error.message : String(error)}`
			);
		}
	}

	function scheduleUnload(room: Room): void {
		if (room.members.size > 0 || unloadTimers.has(room.name)) return;
		const timer = setTimeout(() => {
			unloadTimers.delete(room.name);
			void unload(room);
		}, idleUnloadMs);
		timer.unref();
		unloadTimers.set(room.name, timer);
	}

	function cancelUnload(name: string): void {
		const timer = unloadTimers.get(name);
		if (timer) clearTimeout(timer);
		unloadTimers.delete(name);
	}

	async function unload(room: Room): Promise<void> {
		// Flush first: a document never leaves memory with a save pending.
		await room.flushed();
		if (room.members.size > 0 || rooms.get(room.name) !== room) return;
		rooms.delete(room.name);
		totals.persistedByUnloaded += room.persistedUpdates;
		if (bus) await bus.unsubscribe(room.name).catch(() => undefined);
		if (room.hasTail) await room.compact();
		room.destroy();
	}

	let connectionCount = 0;
	const hooks = {
		limits,
		log,
		nextId: () => ++connectionCount,
		countMessage(bytes: number) {
			totals.messagesIn++;
			totals.bytesIn += bytes;
		},
		onClose(connection: CollabConnection) {
			connections.delete(connection);
			const room = connection.room;
			if (room) scheduleUnload(room);
		}
	};

	async function admit(socket: WebSocket, req: IncomingMessage, doc: string): Promise<void> {
		const connection = new CollabConnection(socket, doc, hooks);
		connections.add(connection);
		if (closing) {
			connection.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
			return;
		}
		if (!isValidDocName(doc)) {
			connection.close(CLOSE_CODES.BAD_DOCUMENT, 'invalid document name');
			return;
		}
		const token = tokenFromRequest(req);
		if (!token) {
			connection.close(CLOSE_CODES.UNAUTHENTICATED, 'no access token');
			return;
		}
		let claims: CollabClaims;
		try {
			claims = await verify(token);
		} catch (error) {
			const reason =
				error instanceof AuthError && error.reason === 'expired' ? 'token expired' : 'invalid access token';
			connection.close(CLOSE_CODES.UNAUTHENTICATED, reason);
			return;
		}
		let access: CollabAccess;
		let room: Room;
		try {
			access = await checkAccess(doc, claims);
			if (access === 'none') {
				connection.close(CLOSE_CODES.FORBIDDEN, 'no access to this document');
				return;
			}
			room = await openRoom(doc);
			// An idle unload may have taken the room out of the map while we waited.
			while (rooms.get(doc) !== room && !closing) room = await openRoom(doc);
		} catch (error) {
			log(`collab: ${doc}: could not open: ${error instanceof Error ? error.message : String(error)}`);
			connection.close(CLOSE_CODES.STORAGE_UNAVAILABLE, 'document unavailable; try again');
			return;
		}
		if (closing) connection.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
		if (connection.closed) {
			scheduleUnload(room);
			return;
		}
		cancelUnload(doc);
		connection.attach(room, claims, access);
	}

	async function recheckAccess(): Promise<void> {
		// One question per (document, user), however many tabs that user has open.
		const groups = new Map<string, CollabConnection[]>();
		for (const connection of connections) {
			if (!connection.room || connection.closed || !connection.claims) continue;
			const key = `${connection.doc}\u0000${connection.userId ?? connection.claims.role ?? ''}`;
			const group = groups.get(key);
			if (group) group.push(connection);
			else groups.set(key, [connection]);
		}
		const pending = [...groups.values()];
		// In slices, yielding between them: with PGlite a query runs on this thread, and one
		// question for a thousand delegates would stall everyone's typing for its duration.
		for (let start = 0; start < pending.length; start += RECHECK_SLICE) {
			const slice = pending.slice(start, start + RECHECK_SLICE);
			const requests = slice.map((group) => ({ doc: group[0]!.doc, claims: group[0]!.claims! }));
			try {
				const answers = await checkAccessBatch(requests);
				slice.forEach((group, i) => {
					for (const connection of group) connection.setAccess(answers[i]!);
				});
			} catch (error) {
				// Keep the current access on a transient failure rather than evicting everyone.
				log(`collab: access re-check failed: ${error instanceof Error ? error.message : String(error)}`);
			}
			await new Promise((resolve) => setImmediate(resolve));
		}
	}

	let rechecking: Promise<void> | null = null;
	const recheckTimer = setInterval(() => {
		if (rechecking) return;
		rechecking = recheckAccess().finally(() => {
			rechecking = null;
		});
	}, accessRecheckMs);
	recheckTimer.unref();

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
			// Accept, then close with a code: a browser cannot read the status of a refused upgrade.
			wss.handleUpgrade(req, socket, head, (ws) => {
				admit(ws, req, doc).catch((error: unknown) => {
					log(`collab: admitting a connection failed: ${error instanceof Error ? error.message : String(error)}`);
					ws.close(CLOSE_CODES.STORAGE_UNAVAILABLE, truncateReason('server error; try again'));
				});
			});
			return true;
		},
		async close() {
			closing = true;
			clearInterval(recheckTimer);
			for (const timer of unloadTimers.values()) clearTimeout(timer);
			unloadTimers.clear();
			for (const connection of [...connections]) connection.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
			await Promise.allSettled([...loading.values()]);
			await rechecking;
			await Promise.all([...rooms.values()].map((room) => room.flushed()));
			for (const room of rooms.values()) room.destroy();
			rooms.clear();
			await bus?.close();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		},
		stats() {
			let persisted = totals.persistedByUnloaded;
			for (const room of rooms.values()) persisted += room.persistedUpdates;
			return {
				documents: rooms.size,
				connections: connections.size,
				persistedUpdates: persisted,
				messagesIn: totals.messagesIn,
				bytesIn: totals.bytesIn,
				compactions: totals.compactions
			};
		}
	};
}
