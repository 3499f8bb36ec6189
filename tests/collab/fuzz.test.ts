// Hostile frames: random bytes, truncated varints, huge declared lengths, unknown message
// types, garbage Yjs updates and awareness, text and oversized frames. Each closes only
// the connection that sent it (logged once), never the process, never the neighbours,
// and nothing of it reaches the database.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { CLOSE_CODES } from '../../src/lib/collab/protocol.ts';
import type { RunningServer, TestClient } from './helpers.ts';
import {
	connectClient,
	eventually,
	openPersistenceDb,
	rawConnect,
	roundTrip,
	seededRandom,
	startServer,
	stateOf,
	tokenFor,
	whenSynced
} from './helpers.ts';

const MAX_MESSAGE = 64 * 1024;

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** Frames no y-websocket client sends; each must close its connection with 4400. */
const crafted: Record<string, Uint8Array> = {
	'empty frame': new Uint8Array(0),
	'truncated varint type': Uint8Array.of(0x80),
	'truncated sync sub-type': Uint8Array.of(0, 0xff),
	'truncated length': Uint8Array.of(0, 2, 0x80, 0x80),
	'huge declared update length': Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3),
	'huge declared awareness length': Uint8Array.of(1, 0xff, 0xff, 0xff, 0x7f, 0),
	'unknown message type': Uint8Array.of(7),
	'unknown large message type': frame((e) => encoding.writeVarUint(e, 2 ** 40)),
	'auth message from a client': Uint8Array.of(2, 0, 3, 0x61, 0x62, 0x63),
	'unknown sync sub-type': Uint8Array.of(0, 9, 0),
	'garbage update': frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, Uint8Array.of(5, 0xff, 0xff, 0xff, 0x0f, 3, 9, 9, 9));
	}),
	'update claiming a billion structs': frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(
			e,
			frame((u) => {
				encoding.writeVarUint(u, 1);
				encoding.writeVarUint(u, 1_000_000_000);
				encoding.writeVarUint(u, 42);
				encoding.writeVarUint(u, 0);
			})
		);
	}),
	'garbage state vector': frame((e) => {
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint8Array(e, Uint8Array.of(3, 1));
	}),
	'awareness with broken JSON': frame((e) => {
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint8Array(
			e,
			frame((a) => {
				encoding.writeVarUint(a, 1);
				encoding.writeVarUint(a, 12345);
				encoding.writeVarUint(a, 1);
				encoding.writeVarString(a, '{"user":');
			})
		);
	}),
	'trailing bytes after a valid message': Uint8Array.of(3, 0, 0)
};

describe('fuzzed frames', () => {
	let db: SqlDatabase;
	let server: RunningServer;
	const logged: string[] = [];

	beforeAll(async () => {
		db = await openPersistenceDb();
		server = await startServer({
			db,
			access: async () => 'write',
			limits: { maxMessageBytes: MAX_MESSAGE },
			log: (message) => logged.push(message)
		});
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	it('closes only the offending connection and keeps the document intact', async () => {
		const docName = 'notes:fuzz';
		const token = await tokenFor('00000000-0000-4000-8000-00000000f022');
		const healthy: TestClient[] = [
			connectClient(server.url, docName, token),
			connectClient(server.url, docName, token)
		];
		let disconnects = 0;
		for (const client of healthy) {
			client.provider.on('status', ({ status }: { status: string }) => {
				if (status === 'disconnected') disconnects++;
			});
		}
		await Promise.all(healthy.map((client) => whenSynced(client.provider)));
		healthy[0]!.text.insert(0, 'before fuzz;');

		for (const [name, bytes] of Object.entries(crafted)) {
			const raw = rawConnect(server.url, docName, token);
			await raw.opened;
			raw.ws.send(bytes);
			const closed = await raw.closed;
			expect(closed.code, name).toBe(CLOSE_CODES.MALFORMED);
			expect(closed.reason, name).toMatch(/^malformed message: /);
		}

		const textFrame = rawConnect(server.url, docName, token);
		await textFrame.opened;
		textFrame.ws.send('hello');
		expect((await textFrame.closed).code).toBe(CLOSE_CODES.MALFORMED);

		const oversized = rawConnect(server.url, docName, token);
		await oversized.opened;
		oversized.ws.send(new Uint8Array(MAX_MESSAGE + 1));
		expect((await oversized.closed).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);

		// Seeded random frames: most are nonsense, a few may happen to parse; the process
		// and the neighbours must not notice either way.
		const random = seededRandom(0xf022);
		let closedByRandom = 0;
		for (let i = 0; i < 200; i++) {
			const raw = rawConnect(server.url, docName, token);
			await raw.opened;
			const length = Math.floor(random() * 64);
			const bytes = new Uint8Array(length);
			for (let j = 0; j < length; j++) bytes[j] = Math.floor(random() * 256);
			// Bias towards the two real message types so the deeper decoders get exercised.
			if (length > 0 && random() < 0.6) bytes[0] = random() < 0.5 ? 0 : 1;
			raw.ws.send(bytes);
			// Frames are handled in order: an answer to a sync step 1 sent after means the random
			// frame was accepted; a close before it means it was refused.
			const outcome = await roundTrip(raw).then(
				() => null,
				() => raw.closed
			);
			if (outcome) {
				expect([CLOSE_CODES.MALFORMED, CLOSE_CODES.DOCUMENT_TOO_LARGE]).toContain(outcome.code);
				closedByRandom++;
			} else {
				raw.ws.close();
			}
		}
		expect(closedByRandom).toBeGreaterThan(150);

		healthy[1]!.text.insert(healthy[1]!.text.length, 'after fuzz.');
		await eventually(
			() => healthy.every((client) => stateOf(client.doc) === 'before fuzz;after fuzz.'),
			'neighbours still converge'
		);
		expect(disconnects).toBe(0);

		// One log line per rejected connection, not one per byte or per retry.
		const rejections = logged.filter((line) => line.includes('closing connection'));
		expect(rejections.length).toBe(Object.keys(crafted).length + 1 + closedByRandom);

		// Nothing malformed was stored: the document reloads cleanly.
		const reloaded = await startServer({ db, access: async () => 'write' });
		const reader = connectClient(reloaded.url, docName, token);
		await whenSynced(reader.provider);
		expect(stateOf(reader.doc)).toBe('before fuzz;after fuzz.');
		reader.destroy();
		await reloaded.stop();
		for (const client of healthy) client.destroy();
	});
});
