// Fan-out between server instances over Redis pub/sub: one channel per document. Only
// the instance that received an update from its client persists it, then publishes it;
// peers apply it to their copy and forward it to their own clients. Awareness travels
// the same way. Frames carry the sender's instance id so an instance drops its echoes.
//
// Pub/sub is fire-and-forget: frames published while a connection is down are gone. So
// after a reconnect the bus says so (onReconnect), and the registry re-reads its open
// documents from the database and asks peers to do the same ('resync').
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

export type BusKind = 'update' | 'awareness' | 'query-awareness' | 'resync';
const KIND_CODES: Record<BusKind, number> = { update: 0, awareness: 1, 'query-awareness': 2, resync: 3 };
const KINDS: BusKind[] = ['update', 'awareness', 'query-awareness', 'resync'];
const ID_BYTES = 12;

export type BusListener = (kind: BusKind, payload: Uint8Array) => void;

export interface DocumentBus {
	/** Operations on one document's channel run in call order (F5 in the 2026-11 review). */
	subscribe(doc: string, listener: BusListener): Promise<void>;
	unsubscribe(doc: string, listener: BusListener): Promise<void>;
	publish(doc: string, kind: BusKind, payload: Uint8Array): void;
	/** Called after either Redis connection came back from a loss. */
	onReconnect(handler: () => void): void;
	close(): Promise<void>;
}

export const channelFor = (doc: string): string => `accord:collab:${doc}`;

export async function createRedisBus(url: string, log: (message: string) => void): Promise<DocumentBus> {
	const instanceId = randomBytes(ID_BYTES);
	const publisher = createClient({ url, name: `accord-collab-pub-${instanceId.toString('hex')}` });
	const subscriber = createClient({ url, name: `accord-collab-sub-${instanceId.toString('hex')}` });
	let lastError = '';
	const onError = (error: Error) => {
		// node-redis reconnects by itself; say so once per distinct error, not per retry.
		if (error.message !== lastError) log(`redis: ${error.message}`);
		lastError = error.message;
	};
	const reconnectHandlers: (() => void)[] = [];
	for (const client of [publisher, subscriber]) {
		let lost = false;
		client.on('error', onError);
		client.on('end', () => (lost = true));
		client.on('reconnecting', () => (lost = true));
		client.on('ready', () => {
			if (!lost) return;
			lost = false;
			lastError = '';
			log('redis: reconnected; resyncing open documents');
			for (const handler of reconnectHandlers) handler();
		});
	}
	await Promise.all([publisher.connect(), subscriber.connect()]);

	// node-redis drops a channel's listeners only when the UNSUBSCRIBE reply arrives; a
	// SUBSCRIBE sent meanwhile would join the doomed entry. One queue per channel avoids it.
	const queues = new Map<string, Promise<void>>();
	function serial(doc: string, operation: () => Promise<void>): Promise<void> {
		const previous = queues.get(doc) ?? Promise.resolve();
		const next = previous.then(operation, operation);
		const settled = next.catch(() => undefined);
		queues.set(doc, settled);
		void settled.then(() => {
			if (queues.get(doc) === settled) queues.delete(doc);
		});
		return next;
	}
	const wrapped = new WeakMap<BusListener, (message: Buffer) => void>();

	return {
		subscribe(doc, listener) {
			const onMessage = (message: Buffer) => {
				if (message.length < ID_BYTES + 1) return;
				if (instanceId.equals(message.subarray(1, ID_BYTES + 1))) return;
				const kind = KINDS[message[0]!];
				if (!kind) return;
				listener(kind, new Uint8Array(message.subarray(ID_BYTES + 1)));
			};
			wrapped.set(listener, onMessage);
			return serial(doc, () => subscriber.subscribe(channelFor(doc), onMessage, true));
		},
		unsubscribe(doc, listener) {
			const onMessage = wrapped.get(listener);
			if (!onMessage) return Promise.resolve();
			return serial(doc, () => subscriber.unsubscribe(channelFor(doc), onMessage, true));
		},
		publish(doc, kind, payload) {
			const frame = Buffer.concat([Buffer.from([KIND_CODES[kind]]), instanceId, payload]);
			publisher.publish(channelFor(doc), frame).catch((error: unknown) => {
				onError(error instanceof Error ? error : new Error(String(error)));
			});
		},
		onReconnect(handler) {
			reconnectHandlers.push(handler);
		},
		async close() {
			await Promise.allSettled([...queues.values()]);
			// QUIT waits for Redis' reply; a client still reconnecting (Redis down, a cut
			// link) would never get one and hold the shutdown forever, so it is dropped.
			// Nothing is lost: every update was stored before it was published.
			await Promise.allSettled(
				[subscriber, publisher].map((client) => (client.isReady ? client.quit() : client.destroy()))
			);
		}
	};
}
