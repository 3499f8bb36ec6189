// The app's handle on one collaborative document: a y-websocket provider that signs in
// with the current Supabase access token (fetched fresh for every connection attempt),
// a local copy in IndexedDB so offline edits survive a reload, and a connection state the
// UI can render (see connection-state.ts).
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import type { CollabConnectionState, ConnectionEvent } from './connection-state.ts';
import { initialConnectionState, isAhead, reconnectDelay, reduceConnectionState } from './connection-state.ts';
import {
	AUTH_PERMISSION_DENIED,
	AUTH_PERMISSION_GRANTED,
	CLOSE_CODES,
	COLLAB_SUBPROTOCOL,
	MESSAGE_AUTH,
	MESSAGE_SYNC,
	READ_ONLY_REASON,
	TOKEN_PROTOCOL_PREFIX,
	shouldRetryAfterClose
} from './protocol.ts';

export interface CollabConnectionOptions {
	/** WebSocket base URL of the collab endpoint, e.g. `wss://accord.example.org/collab`. */
	url: string;
	/** `cta:<document-id>:<lang>` or `notes:<session-id>`. */
	docName: string;
	/** The current access token (supabase-js session), refreshed if needed; null when signed out. */
	getToken: () => Promise<string | null>;
	/** Bring your own Y.Doc (e.g. to bind an editor before connecting). */
	doc?: Y.Doc;
	/**
	 * Keep a local copy in IndexedDB under this key (include the user id so two people
	 * sharing a browser do not share drafts). Defaults to on when IndexedDB exists.
	 */
	localStorageKey?: string | false;
	/** For Node (tests): the `ws` package. Browsers use the global WebSocket. */
	WebSocketPolyfill?: typeof WebSocket;
	maxBackoffMs?: number;
}

export interface CollabConnection {
	readonly doc: Y.Doc;
	readonly awareness: Awareness;
	readonly provider: WebsocketProvider;
	readonly state: CollabConnectionState;
	/** Where the local copy is kept (IndexedDB name), null without one. */
	readonly localStorageKey: string | null;
	/** Called with every new state; returns a function that stops listening. */
	subscribe(listener: (state: CollabConnectionState) => void): () => void;
	/** Resolves when the IndexedDB copy is loaded (at once without one). */
	readonly whenStoredLocally: Promise<void>;
	/** Try again now (after a refusal, or when the browser says it is online). */
	reconnect(): void;
	destroy(): Promise<void>;
}

function readStateVector(frame: Uint8Array): { kind: 'sv' | 'update'; payload: Uint8Array } | null {
	try {
		const decoder = decoding.createDecoder(frame);
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
		const syncType = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		return { kind: syncType === 0 ? 'sv' : 'update', payload };
	} catch {
		return null;
	}
}

export function createCollabConnection(options: CollabConnectionOptions): CollabConnection {
	const doc = options.doc ?? new Y.Doc();
	const maxBackoffMs = options.maxBackoffMs ?? 10_000;
	const listeners = new Set<(state: CollabConnectionState) => void>();
	let state = initialConnectionState;
	let destroyed = false;
	let attempt = 0;
	let retryTimer: ReturnType<typeof setTimeout> | null = null;
	let lastToken: string | null = null;
	let rejectedToken: string | null = null;
	// What the server has confirmed it holds: its state vector from its sync step 1, raised
	// by every update it sends (it echoes ours after storing them).
	let serverState = new Map<number, number>();

	const dispatch = (event: ConnectionEvent) => {
		const next = reduceConnectionState(state, event);
		if (next === state) return;
		state = next;
		for (const listener of listeners) listener(state);
	};
	const recomputePending = () => dispatch({ type: 'pending', pending: isAhead(decodeVector(doc), serverState) });

	const provider = new WebsocketProvider(options.url, options.docName, doc, {
		connect: false,
		disableBc: true,
		WebSocketPolyfill: options.WebSocketPolyfill,
		maxBackoffTime: maxBackoffMs,
		// Every server close comes back to us: we fetch a fresh token before trying again.
		shouldReconnect: () => false
	});

	const syncHandler = provider.messageHandlers[MESSAGE_SYNC]!;
	provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
		const seen = readStateVector(decoder.arr.subarray(0));
		if (seen?.kind === 'sv') serverState = Y.decodeStateVector(seen.payload);
		else if (seen?.kind === 'update') {
			try {
				for (const [client, clock] of Y.parseUpdateMeta(seen.payload).to) {
					if (clock > (serverState.get(client) ?? 0)) serverState.set(client, clock);
				}
			} catch {
				// The provider's own decoder will report a broken frame.
			}
		}
		syncHandler(encoder, decoder, p, emitSynced, messageType);
		recomputePending();
	};
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		const kind = decoding.readVarUint(decoder);
		const reason = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : '';
		if (kind === AUTH_PERMISSION_DENIED && reason === READ_ONLY_REASON) dispatch({ type: 'access', access: 'read' });
		else if (kind === AUTH_PERMISSION_GRANTED) dispatch({ type: 'access', access: 'write' });
	};

	provider.on('status', ({ status }) => {
		if (status === 'connecting') dispatch({ type: 'connecting' });
		else if (status === 'connected') dispatch({ type: 'open' });
	});
	provider.on('sync', (synced: boolean) => {
		if (!synced) return;
		attempt = 0;
		dispatch({ type: 'synced' });
	});
	provider.on('connection-close', (event) => {
		// A local close (watchdog, disconnect) has no event; y-websocket retries that itself.
		if (event === null && !destroyed) dispatch({ type: 'closed', code: null, reason: '' });
	});
	provider.on('closed', ({ code, reason }) => {
		dispatch({ type: 'closed', code, reason });
		if (destroyed) return;
		if (code === CLOSE_CODES.UNAUTHENTICATED) rejectedToken = lastToken;
		if (shouldRetryAfterClose(code)) scheduleConnect();
	});

	const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin !== provider) recomputePending();
	};
	doc.on('update', onLocalUpdate);

	const useIndexedDb = options.localStorageKey !== false && typeof indexedDB !== 'undefined';
	const localStorageKey = useIndexedDb ? options.localStorageKey || `accord-collab:${options.docName}` : null;
	const local = localStorageKey ? new IndexeddbPersistence(localStorageKey, doc) : null;
	const whenStoredLocally = local ? local.whenSynced.then(() => undefined) : Promise.resolve();
	void whenStoredLocally.then(() => {
		if (local) dispatch({ type: 'stored-locally' });
		recomputePending();
	});

	async function connect(): Promise<void> {
		retryTimer = null;
		if (destroyed) return;
		dispatch({ type: 'connecting' });
		let token: string | null;
		try {
			token = await options.getToken();
		} catch {
			scheduleConnect();
			return;
		}
		if (destroyed) return;
		if (!token || token === rejectedToken) {
			// Signed out, or the session cannot produce a token the server accepts.
			dispatch({ type: 'signed-out' });
			return;
		}
		lastToken = token;
		provider.protocols = [COLLAB_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + token];
		provider.connect();
	}

	function scheduleConnect(): void {
		if (retryTimer || destroyed) return;
		retryTimer = setTimeout(() => void connect(), reconnectDelay(attempt++, maxBackoffMs));
	}

	const onOnline = () => connection.reconnect();
	// The browser knows the network is gone before the socket does: an open socket on dead
	// Wi-Fi can look alive for minutes, its frames buffered for nobody. Close it and show
	// "offline" at once; edits stay local. Keep trying with backoff all the same (a venue
	// laptop serving itself on loopback is "offline" to the browser), and at once on `online`.
	const onOffline = () => {
		if (destroyed) return;
		if (retryTimer) clearTimeout(retryTimer);
		retryTimer = null;
		provider.disconnect();
		dispatch({ type: 'closed', code: null, reason: '' });
		scheduleConnect();
	};
	if (typeof window !== 'undefined') {
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);
	}

	void whenStoredLocally.then(() => connect());

	const connection: CollabConnection = {
		doc,
		awareness: provider.awareness,
		provider,
		get state() {
			return state;
		},
		localStorageKey,
		subscribe(listener) {
			listeners.add(listener);
			listener(state);
			return () => listeners.delete(listener);
		},
		whenStoredLocally,
		reconnect() {
			if (destroyed || provider.wsconnected || provider.wsconnecting) return;
			if (retryTimer) clearTimeout(retryTimer);
			retryTimer = null;
			rejectedToken = null;
			attempt = 0;
			void connect();
		},
		async destroy() {
			destroyed = true;
			if (retryTimer) clearTimeout(retryTimer);
			if (typeof window !== 'undefined') {
				window.removeEventListener('online', onOnline);
				window.removeEventListener('offline', onOffline);
			}
			doc.off('update', onLocalUpdate);
			provider.destroy();
			await local?.destroy();
			listeners.clear();
		}
	};
	return connection;
}

function decodeVector(doc: Y.Doc): Map<number, number> {
	return Y.decodeStateVector(Y.encodeStateVector(doc));
}
