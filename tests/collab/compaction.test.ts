// Compaction without a clock (issue 7): it folds exactly the rows it read and deletes
// exactly those, so an update whose transaction commits after a compaction (with a smaller
// id than rows that were folded) is still loaded, and folded by the next compaction.
// The interleaving is forced, not timed: an append is held open inside its transaction
// while another append commits and a compaction runs. On Postgres 15 the compaction
// finishes while the append is still open; PGlite has one connection, so there the
// compaction queues behind it, and the same checks hold.
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { appendUpdate, compactDocument, loadDocument } from '../../src/lib/server/collab/persistence.ts';
import { openPersistenceDb } from './helpers.ts';
import type { ScratchDatabase } from './schema.ts';
import { createScratchDatabase, requirePostgres } from './schema.ts';

function insertion(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('body').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

function textOf(state: Uint8Array): string {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	// Concurrent inserts at 0 from different clients: order by client id, so compare sorted words.
	return doc.getText('body').toString().split(' ').filter(Boolean).sort().join(' ');
}

async function rows(db: SqlDatabase, doc: string): Promise<number[]> {
	const result = await db.query<{ id: number }>('select id from public.collab_updates where doc = $1 order by id', [
		doc
	]);
	return result.rows.map((row) => row.id);
}

async function lateCommitSurvivesCompaction(db: SqlDatabase): Promise<void> {
	const doc = 'notes:compaction-race';
	await appendUpdate(db, doc, insertion('first '));

	let inserted!: () => void;
	const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	// An append that has its id but has not committed yet.
	const slowAppend = db.transaction(async (tx) => {
		await tx.query('insert into public.collab_updates (doc, update) values ($1, $2)', [doc, insertion('late ')]);
		inserted();
		await released;
	});
	await insertedSignal;

	const laterAppend = appendUpdate(db, doc, insertion('later '));
	const compaction = compactDocument(db, doc);
	if (db.kind === 'postgres') {
		// Neither waits for the open transaction: the later row commits and is folded first.
		await laterAppend;
		expect(await compaction).not.toBeNull();
		expect(textOf((await loadDocument(db, doc)).state)).toBe('first later');
	}
	release();
	await Promise.all([slowAppend, laterAppend, compaction]);

	// The late commit is part of the document, whatever its id says.
	expect(textOf((await loadDocument(db, doc)).state)).toBe('first late later');
	// And the next compaction folds it too, leaving no row behind and nothing lost.
	await compactDocument(db, doc);
	expect(await rows(db, doc)).toEqual([]);
	expect(textOf((await loadDocument(db, doc)).state)).toBe('first late later');
}

describe('compaction and late commits', () => {
	const cleanup: (() => Promise<void>)[] = [];
	afterAll(async () => {
		for (const step of cleanup.reverse()) await step();
	});

	it('with PGlite', async () => {
		const db = await openPersistenceDb();
		cleanup.push(() => db.close());
		await lateCommitSurvivesCompaction(db);
	});

	it('with Postgres 15', async (context) => {
		if (!(await requirePostgres())) {
			context.skip('Postgres 15 not reachable');
			return;
		}
		const scratch: ScratchDatabase = await createScratchDatabase('compaction');
		cleanup.push(() => scratch.drop());
		const db = await openPersistenceDb(scratch.url);
		cleanup.push(() => db.close());
		await lateCommitSurvivesCompaction(db);
	});
});
