// Storage lifecycle: updates become rows, rows fold into a snapshot every few rows,
// an idle document leaves memory only after its writes are stored, and a reload from
// snapshot + tail gives back the same document. close() stores what is pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { connectClient, eventually, openPersistenceDb, startServer, stateOf, tokenFor, whenSynced } from './helpers.ts';

async function rowCounts(db: SqlDatabase, doc: string): Promise<{ updates: number; snapshot: number | null }> {
	const updates = await db.query<{ n: number }>('select count(*)::int as n from public.collab_updates where doc = $1', [
		doc
	]);
	const snapshot = await db.query<{ last_update_id: number }>(
		'select last_update_id from public.collab_snapshots where doc = $1',
		[doc]
	);
	return { updates: updates.rows[0]!.n, snapshot: snapshot.rows[0]?.last_update_id ?? null };
}

describe('persistence lifecycle', () => {
	let db: SqlDatabase;
	beforeAll(async () => {
		db = await openPersistenceDb();
	});
	afterAll(async () => {
		await db?.close();
	});

	it('compacts into a snapshot, unloads when idle, and reloads snapshot + tail', async () => {
		const server = await startServer({ db, access: async () => 'write', compactEvery: 5, idleUnloadMs: 200 });
		const token = await tokenFor('00000000-0000-4000-8000-0000000000cc');
		const doc = 'notes:lifecycle';
		const writer = connectClient(server.url, doc, token);
		await whenSynced(writer.provider);
		// One stored row per edit: each waits for the previous one to be stored.
		for (let i = 0; i < 12; i++) {
			const stored = server.collab.stats().persistedUpdates;
			writer.text.insert(writer.text.length, `line ${i}\n`);
			await eventually(() => server.collab.stats().persistedUpdates > stored, `edit ${i} is stored`);
		}
		// Every fifth stored row folds the tail into the snapshot: no clock decides it.
		await eventually(() => server.collab.stats().compactions >= 2, 'the tail is compacted');
		await eventually(async () => (await rowCounts(db, doc)).snapshot !== null, 'a snapshot is written');
		const afterCompaction = await rowCounts(db, doc);
		expect(afterCompaction.updates).toBeLessThan(12);
		const expected = stateOf(writer.doc);

		writer.destroy();
		await eventually(() => server.collab.stats().documents === 0, 'the idle document is unloaded');

		const reader = connectClient(server.url, doc, token);
		await whenSynced(reader.provider);
		expect(stateOf(reader.doc)).toBe(expected);
		reader.destroy();
		await server.stop();
	});

	it('stores pending updates on close()', async () => {
		// The same database, slowed down, so the edit is still on its way in when close() runs.
		const slowDb: SqlDatabase = {
			...db,
			async query<T>(sql: string, params?: unknown[]) {
				if (sql.includes('insert into public.collab_updates')) await new Promise((resolve) => setTimeout(resolve, 400));
				return db.query<T>(sql, params);
			}
		};
		const server = await startServer({ db: slowDb, access: async () => 'write' });
		const token = await tokenFor('00000000-0000-4000-8000-0000000000dd');
		const doc = 'notes:shutdown';
		const writer = connectClient(server.url, doc, token);
		await whenSynced(writer.provider);
		const before = server.collab.stats().bytesIn;
		writer.text.insert(0, 'typed just before shutdown');
		await eventually(() => server.collab.stats().bytesIn > before + 20, 'the edit reached the server');
		expect(server.collab.stats().persistedUpdates).toBe(0);
		await server.stop();
		writer.destroy();
		const restarted = await startServer({ db, access: async () => 'write' });
		const reader = connectClient(restarted.url, doc, token);
		await whenSynced(reader.provider);
		expect(stateOf(reader.doc)).toBe('typed just before shutdown');
		reader.destroy();
		await restarted.stop();
	});
});
