// Yjs documents in Postgres: an append-only log of updates (collab_updates) folded now and
// then into one snapshot per document (collab_snapshots). See the migration
// 20261123090000_collab_persistence.sql. A document is its snapshot plus every row still in
// collab_updates: compaction deletes exactly the rows it folded (Yjs updates are idempotent,
// so a row folded twice is harmless, a row skipped would be lost).
import * as Y from 'yjs';
import type { SqlDatabase } from '../db/sql-client.ts';

export interface LoadedDocument {
	/** Encoded state: snapshot plus tail, merged. */
	state: Uint8Array;
	/** Updates in the tail not yet folded into the snapshot. */
	tailLength: number;
	/** Rows that failed to apply and were skipped (logged by the caller). */
	skipped: number[];
}

function bytes(value: unknown): Uint8Array {
	if (value instanceof Uint8Array) return value;
	throw new TypeError('expected bytea');
}

export async function appendUpdate(db: SqlDatabase, doc: string, update: Uint8Array): Promise<number> {
	const { rows } = await db.query<{ id: number }>(
		'insert into public.collab_updates (doc, update) values ($1, $2) returning id',
		[doc, update]
	);
	return rows[0]!.id;
}

/** Snapshot plus every later update, read in one consistent view. */
async function readState(db: SqlDatabase, doc: string): Promise<{ ydoc: Y.Doc; tail: number; skipped: number[] }> {
	return db.transaction(async (tx) => {
		// Two reads must see the same moment: a compaction committing in between would
		// otherwise delete rows whose fold is in a snapshot newer than the one read here.
		if (db.kind === 'postgres') await tx.exec('set transaction isolation level repeatable read');
		const snapshot = await tx.query<{ state: Uint8Array; last_update_id: number }>(
			'select state, last_update_id from public.collab_snapshots where doc = $1',
			[doc]
		);
		// Every row still present is unfolded: compaction deletes exactly the rows it folded,
		// so an id below last_update_id (a commit that landed late) is still part of the tail.
		const tail = await tx.query<{ id: number; update: Uint8Array }>(
			'select id, update from public.collab_updates where doc = $1 order by id',
			[doc]
		);
		const ydoc = new Y.Doc({ gc: true });
		const skipped: number[] = [];
		const first = snapshot.rows[0];
		if (first) Y.applyUpdate(ydoc, bytes(first.state));
		for (const row of tail.rows) {
			try {
				Y.applyUpdate(ydoc, bytes(row.update));
			} catch {
				skipped.push(row.id);
			}
		}
		return { ydoc, tail: tail.rows.length, skipped };
	});
}

export async function loadDocument(db: SqlDatabase, doc: string): Promise<LoadedDocument> {
	const { ydoc, tail, skipped } = await readState(db, doc);
	const state = Y.encodeStateAsUpdate(ydoc);
	ydoc.destroy();
	return { state, tailLength: tail, skipped };
}

/**
 * Folds the tail into the snapshot, from what the database holds (not from memory: with
 * several instances, memory may lack another instance's newest rows). Folds exactly the
 * rows it read and deletes exactly those, so a row whose commit lands during or after the
 * compaction stays in the tail, whatever its id. No clock involved. Returns the size of
 * the new snapshot, or null when there was nothing to fold.
 */
export async function compactDocument(db: SqlDatabase, doc: string): Promise<number | null> {
	return db.transaction(async (tx) => {
		// One compactor per document at a time, across instances. Read committed (the
		// default): the reads below take their snapshot after the lock is granted, so they
		// see whatever an earlier compactor committed.
		await tx.query('select pg_advisory_xact_lock(hashtext($1))', [doc]);
		const snapshot = await tx.query<{ state: Uint8Array; last_update_id: number }>(
			'select state, last_update_id from public.collab_snapshots where doc = $1',
			[doc]
		);
		const tail = await tx.query<{ id: number; update: Uint8Array }>(
			'select id, update from public.collab_updates where doc = $1 order by id',
			[doc]
		);
		if (tail.rows.length === 0) return null;
		const ydoc = new Y.Doc({ gc: true });
		const first = snapshot.rows[0];
		if (first) Y.applyUpdate(ydoc, bytes(first.state));
		for (const row of tail.rows) {
			try {
				Y.applyUpdate(ydoc, bytes(row.update));
			} catch {
				// An update that cannot apply never made it into any client either; drop it.
			}
		}
		const state = Y.encodeStateAsUpdate(ydoc);
		ydoc.destroy();
		const folded = tail.rows.map((row) => row.id);
		// last_update_id is informational now (the highest id folded so far): loading reads
		// every remaining row, and a late commit may carry a smaller id.
		const highest = Math.max(first?.last_update_id ?? 0, ...folded);
		await tx.query(
			`insert into public.collab_snapshots (doc, state, last_update_id, updated_at)
			 values ($1, $2, $3, now())
			 on conflict (doc) do update
			   set state = excluded.state, last_update_id = excluded.last_update_id, updated_at = now()`,
			[doc, state, highest]
		);
		await tx.query('delete from public.collab_updates where doc = $1 and id = any($2::bigint[])', [doc, folded]);
		return state.length;
	});
}
