// Fan-out between server instances over Redis pub/sub: one channel per document. Only
// the instance that received an update from its client persists it, then publishes it;
// peers apply it to their copy and forward it to their own clients. Awareness travels
// the same way. Frames carry the sender's instance id so an instance drops its echoes.
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

export type BusKind = 'update' | 'awareness' | 'query-awareness';
const KIND_CODES: Record<BusKind, number> = { update: 0, awareness: 1, 'query-awareness': 2 };
const KINDS: BusKind[] = ['update', 'awareness', 'query-awareness'];
const ID_BYTES = 12;

export type BusListener = (kind: BusKind, payload: Uint8Array) => void;

export interface DocumentBus {
	subscribe(doc: string, listener: BusListener): Promise<void>;
	unsubscribe(doc: string): Promise<void>;
	publish(doc: string, kind: BusKind, payload: Uint8Array): void;
	close(): Promise<void>;
}

export const channelFor = (doc: string): string => `accord:collab:${doc}`;

export async function createRedisBus(url: string, log: (message: string) => void): Promise<DocumentBus> {
	const instanceId = randomBytes(ID_BYTES);
	const publisher = createClient({ url });
	const subscriber = publisher.duplicate();
	let lastError = '';
	const onError = (error: Error) => {
		// node-redis reconnects by itself; say so once per distinct error, not per retry.
		if (error.message !== lastError) log(`redis: ${error.message}`);
		lastError = error.message;
	};
	publisher.on('error', onError);
	subscriber.on('error', onError);
	await Promise.all([publisher.connect(), subscriber.connect()]);

	return {
		async subscribe(doc, listener) {
			await subscriber.subscribe(
				channelFor(doc),
				(message: Buffer) => {
					if (message.length < ID_BYTES + 1) return;
					if (instanceId.equals(message.subarray(1, ID_BYTES + 1))) return;
					const kind = KINDS[message[0]!];
					if (!kind) return;
					listener(kind, new Uint8Array(message.subarray(ID_BYTES + 1)));
				},
				true
			);
		},
		async unsubscribe(doc) {
			await subscriber.unsubscribe(channelFor(doc));
		},
		publish(doc, kind, payload) {
			const frame = Buffer.concat([Buffer.from([KIND_CODES[kind]]), instanceId, payload]);
			publisher.publish(channelFor(doc), frame).catch((error: unknown) => {
				onError(error instanceof Error ? error : new Error(String(error)));
			});
		},
		async close() {
			await Promise.allSettled([subscriber.quit(), publisher.quit()]);
		}
	};
}
