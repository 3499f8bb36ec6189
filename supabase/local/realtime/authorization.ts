// Private channels: Supabase Realtime lets a subscriber read (join) or write
// (broadcast, track presence) only when RLS on realtime.messages allows it, with the
// channel's topic readable through realtime.topic(). The check inserts a probe row as
// the server, then tries to select it and to insert one as the subscriber, and rolls
// everything back so nothing is left behind.
import type { SqlDatabase, Queryable } from '../../../src/lib/server/db/sql-client.ts';
import type { Identity } from './identity.ts';

export type ChannelExtension = 'broadcast' | 'presence';

export interface ChannelRights {
	read: boolean;
	write: boolean;
}

class ProbeDone extends Error {
	readonly rights: ChannelRights;
	constructor(rights: ChannelRights) {
		super('authorization probe done');
		this.rights = rights;
	}
}

export async function channelRights(
	db: SqlDatabase,
	identity: Identity,
	topic: string,
	extension: ChannelExtension
): Promise<ChannelRights> {
	if (identity.role === 'service_role') return { read: true, write: true };
	try {
		await db.transaction(async (tx) => {
			const probe = await tx.query<{ id: number }>(
				`insert into realtime.messages (topic, extension, payload, event, private)
				 values ($1, $2, '{}'::jsonb, 'realtime.authorization_probe', true) returning id`,
				[topic, extension]
			);
			await tx.query(
				`select set_config('role', $1, true),
				        set_config('request.jwt.claims', $2, true),
				        set_config('realtime.topic', $3, true)`,
				[identity.role, JSON.stringify(identity.claims), topic]
			);
			const read = await attempt(tx, 'realtime_probe_read', async () => {
				const { rows } = await tx.query('select 1 from realtime.messages where id = $1', [probe.rows[0]!.id]);
				return rows.length > 0;
			});
			const write = await attempt(tx, 'realtime_probe_write', async () => {
				await tx.query(
					`insert into realtime.messages (topic, extension, payload, event, private)
					 values (realtime.topic(), $1, '{}'::jsonb, 'realtime.authorization_probe', true)`,
					[extension]
				);
				return true;
			});
			throw new ProbeDone({ read, write });
		});
	} catch (error) {
		if (error instanceof ProbeDone) return error.rights;
		throw error;
	}
	return { read: false, write: false };
}

/** Runs one check in a savepoint: a policy or privilege error means "no". */
async function attempt(tx: Queryable, savepoint: string, check: () => Promise<boolean>): Promise<boolean> {
	await tx.exec(`savepoint ${savepoint}`);
	try {
		const allowed = await check();
		await tx.exec(`release savepoint ${savepoint}`);
		return allowed;
	} catch {
		await tx.exec(`rollback to savepoint ${savepoint}`);
		return false;
	}
}
