// The bus keeps one document's subscribe and unsubscribe in call order (F5 in the
// 2026-11 review): a room unloading (unsubscribe) while the same document is opened
// again (subscribe) must leave the new room subscribed. Before, the subscribe joined the
// channel entry that the pending UNSUBSCRIBE then removed, and the new room heard nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusKind, DocumentBus } from '../../src/lib/server/collab/redis-bus.ts';
import { createRedisBus } from '../../src/lib/server/collab/redis-bus.ts';
import { REDIS_URL, redisAvailable } from './redis-available.ts';

describe('Redis bus', () => {
	const buses: DocumentBus[] = [];
	afterAll(async () => {
		for (const bus of buses) await bus.close();
	});

	it('a subscribe issued during an unsubscribe of the same document stays subscribed', async (context) => {
		if (!(await redisAvailable())) {
			if (process.env.CI) throw new Error(`Redis is required in CI and is not reachable at ${REDIS_URL}`);
			context.skip('Redis not reachable');
			return;
		}
		const log = () => undefined;
		const listening = await createRedisBus(REDIS_URL, log);
		const publishing = await createRedisBus(REDIS_URL, log);
		buses.push(listening, publishing);
		const doc = `notes:bus-${randomUUID()}`;

		const oldRoom = () => undefined;
		await listening.subscribe(doc, oldRoom);
		let heard!: (kind: BusKind) => void;
		const newRoomHeard = new Promise<BusKind>((resolve) => (heard = resolve));
		// Same tick, as an idle unload and a new connection can be: unsubscribe the old room, subscribe the new one.
		const unsubscribed = listening.unsubscribe(doc, oldRoom);
		const subscribed = listening.subscribe(doc, (kind) => heard(kind));
		await Promise.all([unsubscribed, subscribed]);

		publishing.publish(doc, 'update', new Uint8Array([1, 2, 3]));
		expect(await newRoomHeard).toBe('update');
	});
});
