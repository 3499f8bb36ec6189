// Yjs documents in Postgres: an append-only log of updates (collab_updates) folded now and
// then into one snapshot per document (collab_snapshots). See the migration
// 20261123090000_collab_persistence.sql.
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

// Compaction folds only rows older than this. Appends are single autocommit inserts,
// so a row with a smaller id than a folded one cannot still be uncommitted this long
// after its transaction started; folding past an uncommitted id would lose it.
const FOLD_MIN_AGE_SECONDS = 5;

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
		// otherwise move last_update_id past rows the tail query no longer returns.
		if (db.kind === 'postgres') await tx.exec('set transaction isolation level repeatable read');
		const snapshot = await tx.query<{ state: Uint8Array; last_update_id: number }>(
			'select state, last_update_id from public.collab_snapshots where doc = $1',
			[doc]
		);
		const lastSnapshotId = snapshot.rows[0]?.last_update_id ?? 0;
		const tail = await tx.query<{ id: number; update: Uint8Array }>(
			'select id, update from public.collab_updates where doc = $1 and id > $2 order by id',
			[doc, lastSnapshotId]
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
 * several instances, memory may lack another instance's newest rows). Returns the size
 * of the new snapshot, or null when nothing old enough was there to fold.
 */
export async function compactDocument(db: SqlDatabase, doc: string): Promise<number | null> {
	return db.transaction(async (tx) => {
		if (db.kind === 'postgres') await tx.exec('set transaction isolation level repeatable read');
		// One compactor per document at a time, across instances.
		await tx.query('select pg_advisory_xact_lock(hashtext($1))', [doc]);
		const snapshot = await tx.query<{ state: Uint8Array; last_update_id: number }>(
			'select state, last_update_id from public.collab_snapshots where doc = $1',
			[doc]
		);
		const since = snapshot.rows[0]?.last_update_id ?? 0;
		const tail = await tx.query<{ id: number; update: Uint8Array; settled: boolean }>(
			`select id, update, created_at < now() - make_interval(secs => $3) as settled
			 from public.collab_updates where doc = $1 and id > $2 order by id`,
			[doc, since, FOLD_MIN_AGE_SECONDS]
		);
		// Fold only the unbroken run of settled rows, so every id up to last_update_id is in.
		const firstUnsettled = tail.rows.findIndex((row) => !row.settled);
		const folded = firstUnsettled === -1 ? tail.rows : tail.rows.slice(0, firstUnsettled);
		if (folded.length === 0) return null;
		const ydoc = new Y.Doc({ gc: true });
		const first = snapshot.rows[0];
		if (first) Y.applyUpdate(ydoc, bytes(first.state));
		for (const row of folded) {
			try {
				Y.applyUpdate(ydoc, bytes(row.update));
			} catch {
				// An update that cannot apply never made it into any client either; drop it.
			}
		}
		const state = Y.encodeStateAsUpdate(ydoc);
		ydoc.destroy();
		const lastId = folded[folded.length - 1]!.id;
		await tx.query(
			`insert into public.collab_snapshots (doc, state, last_update_id, updated_at)
			 values ($1, $2, $3, now())
			 on conflict (doc) do update
			   set state = excluded.state, last_update_id = excluded.last_update_id, updated_at = now()
			   where collab_snapshots.last_update_id < excluded.last_update_id`,
			[doc, state, lastId]
		);
		await tx.query('delete from public.collab_updates where doc = $1 and id <= $2', [doc, lastId]);
		return state.length;
	});
}
