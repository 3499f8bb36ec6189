// Storage lifecycle: updates become rows, rows fold into a snapshot in the background,
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
		for (let i = 0; i < 12; i++) {
			writer.text.insert(writer.text.length, `line ${i}\n`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await eventually(async () => (await rowCounts(db, doc)).updates >= 6, 'edits are stored as rows');
		// Rows fold once they are a few seconds old (see persistence.ts); the next edits trigger it.
		await new Promise((resolve) => setTimeout(resolve, 5_500));
		for (let i = 12; i < 18; i++) writer.text.insert(writer.text.length, `line ${i}\n`);
		await eventually(async () => (await rowCounts(db, doc)).snapshot !== null, 'a snapshot is written', 10_000);
		const afterCompaction = await rowCounts(db, doc);
		expect(afterCompaction.updates).toBeLessThan(18);
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
