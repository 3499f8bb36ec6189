// Broadcast from the database: realtime.send(payload, event, topic, private) stores the
// message in realtime.messages and notifies 'realtime_messages' with its id; the
// message goes to the channels of that topic with the same privacy.
import type { Database } from '../db.ts';
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
	db: Database,
	hub: Hub,
	log: (message: string) => void
): Promise<DatabaseBroadcast> {
	const deliver = async (idText: string) => {
		const id = Number(idText);
		if (!Number.isSafeInteger(id)) return;
		const { rows } = await db.query<StoredMessage>(
			'select id, topic, event, payload, private from realtime.messages where id = $1',
			[id]
		);
		const stored = rows[0];
		if (!stored) return;
		hub.broadcast(topicKey(stored.private ?? false, `realtime:${stored.topic}`), {
			event: stored.event ?? '',
			payload: stored.payload,
			meta: { id: String(stored.id) }
		});
	};
	const unlisten = await db.listen('realtime_messages', (idText) => {
		deliver(idText).catch((error: unknown) =>
			log(`[realtime] database broadcast ${idText} failed: ${error instanceof Error ? error.message : String(error)}`)
		);
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
		}
	};
}
