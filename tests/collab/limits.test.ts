// Per-connection rate and per-document size limits close the offender with a clear code.
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { CLOSE_CODES, MESSAGE_SYNC } from '../../src/lib/collab/protocol.ts';
import type { RunningServer } from './helpers.ts';
import {
	connectClient,
	eventually,
	openPersistenceDb,
	rawConnect,
	startServer,
	stateOf,
	tokenFor,
	whenSynced
} from './helpers.ts';

function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

describe('limits', () => {
	let db: SqlDatabase;
	let server: RunningServer;

	beforeAll(async () => {
		db = await openPersistenceDb();
		server = await startServer({
			db,
			access: async () => 'write',
			limits: { messagesPerSecond: 20, messageBurst: 40, maxDocumentBytes: 20_000, maxMessageBytes: 64 * 1024 }
		});
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	it('closes a connection that floods messages with 4429, and only that one', async () => {
		const token = await tokenFor('00000000-0000-4000-8000-0000000000aa');
		const calm = connectClient(server.url, 'notes:rate', token);
		await whenSynced(calm.provider);
		const flood = rawConnect(server.url, 'notes:rate', token);
		await flood.opened;
		await eventually(() => flood.frames.length > 0, 'the flooding socket is admitted');
		for (let i = 0; i < 200; i++) flood.ws.send(Uint8Array.of(3));
		expect(await flood.closed).toEqual({ code: CLOSE_CODES.RATE_LIMITED, reason: 'too many messages; slow down' });
		calm.text.insert(0, 'still here');
		const other = connectClient(server.url, 'notes:rate', token);
		await whenSynced(other.provider);
		await eventually(() => stateOf(other.doc) === 'still here', 'the calm client keeps working');
		expect(calm.provider.wsconnected).toBe(true);
		calm.destroy();
		other.destroy();
	});

	it('refuses growth past the document size limit with 4413 and stores nothing of it', async () => {
		const token = await tokenFor('00000000-0000-4000-8000-0000000000bb');
		const writer = connectClient(server.url, 'notes:size', token);
		await whenSynced(writer.provider);
		writer.text.insert(0, 'x'.repeat(5_000));
		await eventually(async () => {
			const { rows } = await db.query<{ n: number }>(
				`select count(*)::int as n from public.collab_updates where doc = 'notes:size'`
			);
			return rows[0]!.n === 1;
		}, 'the first edit is stored');

		const big = rawConnect(server.url, 'notes:size', token);
		await big.opened;
		await eventually(() => big.frames.length > 0, 'admitted');
		const huge = new Y.Doc();
		huge.getText('body').insert(0, 'y'.repeat(30_000));
		big.ws.send(updateFrame(Y.encodeStateAsUpdate(huge)));
		expect(await big.closed).toEqual({ code: CLOSE_CODES.DOCUMENT_TOO_LARGE, reason: 'document size limit reached' });

		const { rows } = await db.query<{ n: number }>(
			`select count(*)::int as n from public.collab_updates where doc = 'notes:size'`
		);
		expect(rows[0]!.n).toBe(1);
		writer.destroy();
	});
});
