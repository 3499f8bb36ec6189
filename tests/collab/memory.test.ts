// Memory stays bounded when readers stop reading (issue 7: 60 read-only sockets that never
// read a 4 MB document took the process to 3.3 GB). Readers here ask for the document and
// then pause their TCP socket, so everything the server sends them piles up; a writer keeps
// adding 100 KB paragraphs. Each slow reader is dropped with 4408 once it is too far
// behind (per socket, and across the process), the server keeps serving everyone else, and
// one user cannot open connections without end.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { CollabLimits } from '../../src/lib/server/collab/index.ts';
import { CLOSE_CODES } from '../../src/lib/collab/protocol.ts';
import type { RawClient, RunningServer } from './helpers.ts';
import {
	connectClient,
	eventually,
	openPersistenceDb,
	rawConnect,
	roundTrip,
	startServer,
	syncStep1Frame,
	tokenFor,
	updateFrame,
	whenSynced
} from './helpers.ts';

const PARAGRAPH_BYTES = 100 * 1024;
const GENEROUS: Partial<CollabLimits> = {
	maxDocumentBytes: 256 * 1024 * 1024,
	bytesPerSecond: 1024 * 1024 * 1024,
	byteBurst: 1024 * 1024 * 1024,
	messagesPerSecond: 10_000,
	messageBurst: 10_000
};

/** A reader that asks for the document, then never reads another byte. */
async function stalledReader(server: RunningServer, doc: string): Promise<RawClient> {
	const client = rawConnect(server.url, doc, await tokenFor(randomUUID()));
	await client.opened;
	await roundTrip(client);
	client.ws.send(syncStep1Frame());
	// ws keeps the TCP socket private; pausing it is what a stalled browser tab looks like.
	(client.ws as unknown as { _socket: Socket })._socket.pause();
	return client;
}

async function fillUntil(server: RunningServer, writer: RawClient, done: () => boolean): Promise<void> {
	for (let i = 0; i < 1_000 && !done(); i++) {
		const paragraph = new Y.Doc();
		paragraph.getText('body').insert(0, randomBytes(PARAGRAPH_BYTES / 2).toString('hex'));
		const stored = server.collab.stats().persistedUpdates;
		writer.ws.send(updateFrame(Y.encodeStateAsUpdate(paragraph)));
		// Paced by storage, not by a clock: the next paragraph goes once this one is stored.
		await eventually(() => server.collab.stats().persistedUpdates > stored, 'the paragraph is stored');
	}
	expect(done()).toBe(true);
}

describe('memory bounds', () => {
	let db: SqlDatabase;
	const servers: RunningServer[] = [];

	beforeAll(async () => {
		db = await openPersistenceDb();
	});

	afterAll(async () => {
		for (const server of servers) await server.stop();
		await db?.close();
	});

	for (const [label, limits] of [
		['per socket', { maxBufferedBytes: 512 * 1024 }],
		['across the process', { maxBufferedBytes: 1024 * 1024 * 1024, maxBufferedBytesTotal: 2 * 1024 * 1024 }]
	] as const) {
		it(`drops readers that stop reading (${label}) with 4408 and keeps serving`, async () => {
			const server = await startServer({ db, access: async () => 'write', limits: { ...GENEROUS, ...limits } });
			servers.push(server);
			const doc = `notes:stalled-${label.replaceAll(' ', '-')}`;
			const writer = rawConnect(server.url, doc, await tokenFor(randomUUID()));
			await writer.opened;
			await roundTrip(writer);
			const follower = connectClient(server.url, doc, await tokenFor(randomUUID()));
			await whenSynced(follower.provider);
			const stalled = await Promise.all(Array.from({ length: 4 }, () => stalledReader(server, doc)));

			const slowCloses = () => server.collab.stats().closes[CLOSE_CODES.TOO_SLOW] ?? 0;
			await fillUntil(server, writer, () => slowCloses() >= stalled.length);

			// Only the stalled readers went; their sockets are gone, and nothing is held for them.
			expect(slowCloses()).toBe(stalled.length);
			for (const reader of stalled) {
				(reader.ws as unknown as { _socket: Socket })._socket.resume();
				await reader.closed;
			}
			expect(server.collab.stats().bufferedBytes).toBe(0);
			// The follower kept up all along, and a newcomer gets the whole document.
			const expected = server.collab.stats().persistedUpdates * PARAGRAPH_BYTES;
			await eventually(() => follower.text.length === expected, 'the follower has every paragraph');
			const newcomer = connectClient(server.url, doc, await tokenFor(randomUUID()));
			await whenSynced(newcomer.provider);
			expect(newcomer.text.length).toBe(expected);
			newcomer.destroy();
			follower.destroy();
			writer.ws.close();
		});
	}

	it('caps connections per user, and frees the slot when one closes', async () => {
		const server = await startServer({ db, access: async () => 'write', limits: { maxConnectionsPerUser: 2 } });
		servers.push(server);
		const token = await tokenFor(randomUUID());
		const first = rawConnect(server.url, 'notes:per-user', token);
		const second = rawConnect(server.url, 'notes:other', token);
		await Promise.all([
			roundTrip(await first.opened.then(() => first)),
			roundTrip(await second.opened.then(() => second))
		]);
		const third = rawConnect(server.url, 'notes:per-user', token);
		expect(await third.closed).toEqual({
			code: CLOSE_CODES.RATE_LIMITED,
			reason: 'too many connections for this user'
		});
		// Someone else is not affected.
		const other = rawConnect(server.url, 'notes:per-user', await tokenFor(randomUUID()));
		await other.opened;
		await roundTrip(other);
		first.ws.close();
		await first.closed;
		await eventually(() => server.collab.stats().connections === 2, 'the server saw the close');
		const again = rawConnect(server.url, 'notes:per-user', token);
		await again.opened;
		await roundTrip(again);
		for (const client of [second, other, again]) client.ws.close();
	});
});
