// postgres_changes delivery. The capture trigger (platform-realtime.sql) queues every
// change of a published table in realtime.local_changes and notifies
// 'realtime_changes'; this feed drains the queue in order, matches each change against
// the subscribers' bindings, evaluates their filters and RLS in SQL under each
// subscriber's identity (filter-sql.ts), and pushes one message per channel carrying the
// ids of the bindings it satisfies.
import type { SqlDatabase } from '../../../src/lib/server/db/sql-client.ts';
import { bindingAccepts } from './filters.ts';
import type { ChangeBinding, ChangeType } from './filters.ts';
import type { Hub, Subscription } from './hub.ts';
import { passingItems } from './filter-sql.ts';
import type { FilterItem } from './filter-sql.ts';
import type { Identity } from './identity.ts';
import type { FilterCondition } from './row-filter.ts';
import { pick, TableCatalog } from './tables.ts';
import type { TableInfo } from './tables.ts';

interface QueuedChange {
	id: number;
	schema_name: string;
	table_name: string;
	type: ChangeType;
	record: Record<string, unknown> | null;
	old_record: Record<string, unknown> | null;
	commit_timestamp: string;
}

/** What one identity's filters on one table decide, for the changes of a batch. */
interface FilterGroup {
	identity: Identity;
	table: TableInfo;
	/** Distinct filters, by index (-1 is "visibility only"). */
	filters: FilterCondition[][];
	filterIndex: Map<string, number>;
	/** One item per change, by index. */
	items: FilterItem[];
	itemOf: Map<number, number>;
	/** Filter index → the items that passed it. */
	passed: Map<number, Set<number>>;
}

/** A subscription a change may reach; each binding with the group, filter and item that decide it (none: it passes). */
interface Candidate {
	subscription: Subscription;
	bindings: { binding: ChangeBinding; group?: FilterGroup; filter?: number; item?: number }[];
	noPrimaryKey: boolean;
}

const BATCH_SIZE = 500;
/** How often the capture triggers are re-synced with the publication, as a safety net. */
const SYNC_INTERVAL_MS = 2000;
const NO_PRIMARY_KEY = 'Error 400: Bad Request, no primary key';

export interface ChangeFeed {
	close(): Promise<void>;
}

export async function startChangeFeed(db: SqlDatabase, hub: Hub, log: (message: string) => void): Promise<ChangeFeed> {
	const catalog = new TableCatalog(db);
	let closed = false;
	let draining: Promise<void> | undefined;
	let drainAgain = false;

	await db.query('select realtime.sync_change_capture()');
	// Changes queued while no server ran have no subscriber left to receive them.
	await db.query('delete from realtime.local_changes');

	const drain = (): Promise<void> => {
		if (draining) {
			drainAgain = true;
			return draining;
		}
		draining = (async () => {
			do {
				drainAgain = false;
				while (!closed && (await drainBatch()) === BATCH_SIZE) {
					// A full batch means more may be waiting.
				}
			} while (drainAgain && !closed);
		})()
			.catch((error: unknown) => log(`[realtime] postgres_changes delivery failed: ${message(error)}`))
			.finally(() => {
				draining = undefined;
				// A notification that came in while the drain was finishing.
				if (drainAgain && !closed) void drain();
			});
		return draining;
	};

	const drainBatch = async (): Promise<number> => {
		const { rows } = await db.query<QueuedChange>(
			`delete from realtime.local_changes
			 where id in (select id from realtime.local_changes order by id limit ${BATCH_SIZE})
			 returning *`
		);
		if (rows.length === 0) return 0;
		rows.sort((a, b) => a.id - b.id);
		await deliver(rows);
		return rows.length;
	};

	const deliver = async (changes: QueuedChange[]): Promise<void> => {
		const listeners = [...hub.all()].filter((subscription) => subscription.changeBindings.length > 0);
		if (listeners.length === 0) return;
		const planned: { change: QueuedChange; table: TableInfo; candidates: Candidate[] }[] = [];
		// One statement per identity and table answers every filter and change of the batch.
		const groups = new Map<string, FilterGroup>();
		for (const change of changes) {
			const table = await catalog.get(change.schema_name, change.table_name);
			if (!table) continue;
			// A DELETE is filtered on the old row the subscriber would receive.
			const row = change.type === 'DELETE' ? oldRecord(change, table) : change.record;
			const candidates: Candidate[] = [];
			for (const subscription of listeners) {
				const noPrimaryKey =
					table.primaryKey.length === 0 && table.rowSecurity && subscription.identity.role !== 'service_role';
				const checkVisibility = change.type !== 'DELETE' && !!change.record && !noPrimaryKey;
				const bindings: Candidate['bindings'] = [];
				for (const binding of subscription.changeBindings) {
					if (!bindingAccepts(binding, table.schema, table.name, change.type)) continue;
					if (binding.filter && !row) continue;
					if (!binding.filter && !checkVisibility) {
						bindings.push({ binding });
						continue;
					}
					const groupKey = `${subscription.identity.key}\u0000${table.schema}.${table.name}`;
					let group = groups.get(groupKey);
					if (!group) {
						group = {
							identity: subscription.identity,
							table,
							filters: [],
							filterIndex: new Map(),
							items: [],
							itemOf: new Map(),
							passed: new Map()
						};
						groups.set(groupKey, group);
					}
					let item = group.itemOf.get(change.id);
					if (item === undefined) {
						item = group.items.length;
						group.items.push({ record: row ?? {}, checkVisibility });
						group.itemOf.set(change.id, item);
					}
					let filter = -1;
					if (binding.filter) {
						const filterKey = JSON.stringify(binding.filter);
						filter = group.filterIndex.get(filterKey) ?? group.filters.length;
						if (filter === group.filters.length) {
							group.filters.push(binding.filter);
							group.filterIndex.set(filterKey, filter);
						}
					}
					bindings.push({ binding, group, filter, item });
				}
				if (bindings.length > 0) candidates.push({ subscription, bindings, noPrimaryKey });
			}
			if (candidates.length > 0) planned.push({ change, table, candidates });
		}
		await Promise.all(
			[...groups.values()].map(async (group) => {
				group.passed = await passingItems(db, group.identity, group.table, group.filters, group.items);
			})
		);
		for (const { change, table, candidates } of planned) {
			for (const { subscription, bindings, noPrimaryKey } of candidates) {
				const passing = bindings
					.filter(({ group, filter, item }) => !group || group.passed.get(filter!)?.has(item!))
					.map(({ binding }) => binding);
				if (passing.length === 0) continue;
				subscription.outlet.push({
					joinRef: subscription.joinRef,
					ref: null,
					topic: subscription.topic,
					event: 'postgres_changes',
					payload: {
						ids: passing.map((binding) => binding.id),
						data: changeData(change, table, passing, noPrimaryKey)
					}
				});
			}
		}
	};

	const unlisten = await db.listen('realtime_changes', () => {
		void drain();
	});
	let syncing = false;
	const timer = setInterval(() => {
		if (syncing || closed) return;
		syncing = true;
		catalog.clear();
		db.query('select realtime.sync_change_capture()')
			.then(() => drain())
			.catch((error: unknown) => log(`[realtime] change capture sync failed: ${message(error)}`))
			.finally(() => {
				syncing = false;
			});
	}, SYNC_INTERVAL_MS);
	timer.unref();

	return {
		async close() {
			closed = true;
			clearInterval(timer);
			await unlisten();
			await draining;
		}
	};
}

/**
 * The old row as Supabase sends it: whole only with replica identity full and no RLS;
 * the primary key for a DELETE otherwise (and for an UPDATE under RLS with identity
 * full); nothing for an UPDATE without replica identity full.
 */
function oldRecord(change: QueuedChange, table: TableInfo): Record<string, unknown> | undefined {
	if (!change.old_record) return undefined;
	if (table.replicaIdentityFull) {
		return table.rowSecurity ? pick(change.old_record, table.primaryKey) : change.old_record;
	}
	return change.type === 'DELETE' ? pick(change.old_record, table.primaryKey) : undefined;
}

function changeData(
	change: QueuedChange,
	table: TableInfo,
	bindings: ChangeBinding[],
	noPrimaryKey: boolean
): Record<string, unknown> {
	// When every binding asks for some columns only, send just those.
	const selected = bindings.every((binding) => binding.select)
		? new Set(bindings.flatMap((binding) => binding.select ?? []))
		: undefined;
	const narrow = (record: Record<string, unknown>) => (selected ? pick(record, [...selected]) : record);
	const data: Record<string, unknown> = {
		schema: table.schema,
		table: table.name,
		commit_timestamp: change.commit_timestamp,
		type: change.type,
		columns: table.columns
			.filter((column) => !selected || selected.has(column.name))
			.map((column) => ({ name: column.name, type: column.typeName })),
		errors: noPrimaryKey ? [NO_PRIMARY_KEY] : null
	};
	if (change.type !== 'DELETE') data.record = noPrimaryKey ? {} : narrow(change.record ?? {});
	if (change.type !== 'INSERT' && !noPrimaryKey) {
		const old = oldRecord(change, table);
		if (old) data.old_record = narrow(old);
	}
	return data;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
