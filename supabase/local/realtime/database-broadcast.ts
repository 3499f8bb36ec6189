// Broadcast from the database: realtime.send(payload, event, topic, private) stores the
// message in realtime.messages and notifies 'realtime_messages' with its id; the
// message goes to the channels of that topic with the same privacy.
import type { SqlDatabase } from '../../../src/lib/server/db/sql-client.ts';
import { topicKey } from './hub.ts';
import type { Hub } from './hub.ts';

interface StoredMessage {
	id: number;
	topic: string;
	event: string | null;
	payload: unknown;
	private: boolean | null;
}

/** Old messages are pruned like Supabase's retention, so the table stays small. */
const RETENTION = '3 days';
const PRUNE_INTERVAL_MS = 10 * 60 * 1000;

export interface DatabaseBroadcast {
	close(): Promise<void>;
}

export async function startDatabaseBroadcast(
	db: SqlDatabase,
	hub: Hub,
	log: (message: string) => void
): Promise<DatabaseBroadcast> {
	// Messages go out in the order they were sent: notifications are collected and
	// fetched in id order by one worker at a time.
	const pending: number[] = [];
	let working: Promise<void> | undefined;
	const deliverPending = async (): Promise<void> => {
		while (pending.length > 0) {
			const ids = pending.splice(0);
			const { rows } = await db.query<StoredMessage>(
				'select id, topic, event, payload, private from realtime.messages where id = any($1::bigint[]) order by id',
				[ids]
			);
			for (const stored of rows) {
				hub.broadcast(topicKey(stored.private ?? false, `realtime:${stored.topic}`), {
					event: stored.event ?? '',
					payload: stored.payload,
					meta: { id: String(stored.id) }
				});
			}
		}
	};
	const schedule = (): void => {
		if (working) return;
		working = deliverPending()
			.catch((error: unknown) =>
				log(`[realtime] database broadcast failed: ${error instanceof Error ? error.message : String(error)}`)
			)
			.finally(() => {
				working = undefined;
				// A notification that came in while the worker was finishing.
				if (pending.length > 0) schedule();
			});
	};
	const unlisten = await db.listen('realtime_messages', (idText) => {
		const id = Number(idText);
		if (!Number.isSafeInteger(id)) return;
		pending.push(id);
		schedule();
	});
	const prune = () =>
		db
			.query(`delete from realtime.messages where inserted_at < now() - interval '${RETENTION}'`)
			.catch((error: unknown) =>
				log(`[realtime] pruning messages failed: ${error instanceof Error ? error.message : String(error)}`)
			);
	const timer = setInterval(() => void prune(), PRUNE_INTERVAL_MS);
	timer.unref();
	return {
		async close() {
			clearInterval(timer);
			await unlisten();
			await working;
		}
	};
}
