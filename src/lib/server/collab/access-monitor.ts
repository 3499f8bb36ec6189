// Keeps open connections' access current. The database announces changes that can move
// access or a document's mode (members, documents, sessions, session people, summaries,
// events: see the migration 20261128020000_collab_access_notices.sql) on a LISTEN channel,
// naming the event; the rooms of that event re-read their facts and re-ask for every
// connection. A slow poll over everything remains as a backstop for missed notices (a
// dropped listening connection, a database without the triggers).
import type { SqlDatabase } from '../db/sql-client.ts';
import type { GrantLookup } from './access.ts';
import type { ClientConnection } from './client-connection.ts';
import type { DocumentFacts } from './policies/policy.ts';
import { policyFor } from './policies/index.ts';
import type { Room } from './room.ts';
import type { DocumentRegistry } from './registry.ts';

export const ACCESS_NOTICE_CHANNEL = 'accord_collab_access';
const RECHECK_SLICE = 8;

export interface AccessMonitorOptions {
	db: SqlDatabase;
	grants: GrantLookup;
	/** Null: no such document any more (its connections lose access). */
	readFacts: (room: Room) => Promise<DocumentFacts | null>;
	registry: DocumentRegistry;
	connections: () => Iterable<ClientConnection>;
	pollMs: number;
	log: (message: string) => void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class AccessMonitor {
	private readonly options: AccessMonitorOptions;
	private readonly timer: NodeJS.Timeout;
	private stopListening: (() => Promise<void>) | null = null;
	/** Events with a notice not yet handled; '*' for everything. */
	private readonly dirty = new Set<string>();
	private running: Promise<void> | null = null;
	private stopped = false;

	constructor(options: AccessMonitorOptions) {
		this.options = options;
		this.timer = setInterval(() => this.mark('*'), options.pollMs);
		this.timer.unref();
	}

	async start(): Promise<void> {
		try {
			this.stopListening = await this.options.db.listen(ACCESS_NOTICE_CHANNEL, (payload) => this.mark(payload || '*'));
		} catch (error) {
			this.options.log(`collab: access notices unavailable, polling only: ${describe(error)}`);
		}
	}

	/** Resolves once every notice received so far has been handled. */
	async settled(): Promise<void> {
		while (this.running) await this.running;
	}

	async stop(): Promise<void> {
		this.stopped = true;
		clearInterval(this.timer);
		await this.stopListening?.().catch(() => undefined);
		await this.settled();
	}

	private mark(eventId: string): void {
		if (this.stopped) return;
		this.dirty.add(eventId);
		this.running ??= this.drain().finally(() => {
			this.running = null;
		});
	}

	private async drain(): Promise<void> {
		while (this.dirty.size > 0 && !this.stopped) {
			const events = new Set(this.dirty);
			this.dirty.clear();
			const rooms = [...this.options.registry.all()].filter(
				(room) => events.has('*') || room.facts.eventId === null || events.has(room.facts.eventId)
			);
			await this.recheck(rooms);
		}
	}

	private async recheck(rooms: Room[]): Promise<void> {
		const { grants, log } = this.options;
		const gone = new Set<Room>();
		for (const room of rooms) {
			try {
				const facts = await this.options.readFacts(room);
				if (facts) room.facts = facts;
				else gone.add(room);
			} catch (error) {
				log(`collab: ${room.name}: re-reading facts failed: ${describe(error)}`);
			}
		}
		// One question per (document, user), however many tabs that user has open.
		const chosen = new Set(rooms);
		const groups = new Map<string, ClientConnection[]>();
		for (const connection of this.options.connections()) {
			const room = connection.room;
			if (!room || !chosen.has(room) || connection.closed || !connection.claims) continue;
			if (gone.has(room)) {
				connection.setAccess('none');
				continue;
			}
			const key = `${connection.doc}\u0000${connection.userId ?? connection.claims.role ?? ''}`;
			const group = groups.get(key);
			if (group) group.push(connection);
			else groups.set(key, [connection]);
		}
		const pending = [...groups.values()];
		// In slices, yielding between them: with PGlite a query runs on this thread, and one
		// question for a thousand delegates would stall everyone's typing for its duration.
		for (let start = 0; start < pending.length; start += RECHECK_SLICE) {
			const slice = pending.slice(start, start + RECHECK_SLICE);
			const requests = slice.map(([first]) => ({
				doc: first!.doc,
				claims: first!.claims!,
				eventId: first!.room!.facts.eventId
			}));
			try {
				const answers = await grants(requests);
				slice.forEach((group, i) => {
					for (const connection of group) {
						const room = connection.room;
						const policy = policyFor(connection.doc);
						if (!room || !policy || !connection.identity) continue;
						connection.setAccess(policy.authorize(answers[i]!.access, room.facts, connection.identity));
					}
				});
			} catch (error) {
				// Keep the current access on a transient failure rather than evicting everyone.
				log(`collab: access re-check failed: ${describe(error)}`);
			}
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
}
