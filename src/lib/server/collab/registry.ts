// The loaded documents of this instance: opening (subscribe, then load), unloading when
// idle (flush, unsubscribe, compact), and keeping peers in step over the bus, including a
// resync after the bus connection was lost, since pub/sub does not replay what was missed.
import type { SqlDatabase } from '../db/sql-client.ts';
import type { BusKind, BusListener, DocumentBus } from './redis-bus.ts';
import type { DocumentFacts, DocumentPolicy } from './policies/policy.ts';
import { Room } from './room.ts';

export interface RegistryOptions {
	db: SqlDatabase;
	bus: DocumentBus | null;
	/** Stored updates after which a document is compacted into a snapshot. */
	compactEvery: number;
	/** How long a document with no connections stays in memory. */
	idleUnloadMs: number;
	log: (message: string) => void;
	onCompacted: () => void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class DocumentRegistry {
	/** Updates stored by rooms that have since been unloaded (for stats). */
	persistedByUnloaded = 0;
	private readonly options: RegistryOptions;
	private readonly rooms = new Map<string, Room>();
	private readonly loading = new Map<string, Promise<Room>>();
	private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
	private readonly unloading = new Set<Promise<void>>();
	private readonly listeners = new Map<Room, BusListener>();
	private closing = false;

	constructor(options: RegistryOptions) {
		this.options = options;
		options.bus?.onReconnect(() => void this.resyncAll());
	}

	get size(): number {
		return this.rooms.size;
	}

	get(name: string): Room | undefined {
		return this.rooms.get(name);
	}

	all(): IterableIterator<Room> {
		return this.rooms.values();
	}

	/** The open room for `name`, loading it if needed; never one an idle unload is taking away. */
	async open(name: string, policy: DocumentPolicy, facts: DocumentFacts): Promise<Room> {
		let room = await this.openOnce(name, policy, facts);
		while (this.rooms.get(name) !== room && !this.closing) room = await this.openOnce(name, policy, facts);
		this.cancelUnload(name);
		return room;
	}

	scheduleUnload(room: Room): void {
		if (this.closing || room.members.size > 0 || this.unloadTimers.has(room.name)) return;
		const timer = setTimeout(() => {
			this.unloadTimers.delete(room.name);
			const done = this.unload(room).finally(() => this.unloading.delete(done));
			this.unloading.add(done);
		}, this.options.idleUnloadMs);
		timer.unref();
		this.unloadTimers.set(room.name, timer);
	}

	/** Re-reads every open document from the database and asks peers to do the same. */
	async resyncAll(): Promise<void> {
		const { bus, log } = this.options;
		await Promise.all(
			[...this.rooms.values()].map(async (room) => {
				try {
					await room.reloadFromStore();
				} catch (error) {
					log(`collab: ${room.name}: resync failed: ${describe(error)}`);
				}
				bus?.publish(room.name, 'resync', new Uint8Array(0));
				bus?.publish(room.name, 'query-awareness', new Uint8Array(0));
			})
		);
	}

	async close(): Promise<void> {
		this.closing = true;
		for (const timer of this.unloadTimers.values()) clearTimeout(timer);
		this.unloadTimers.clear();
		await Promise.allSettled([...this.loading.values()]);
		await Promise.allSettled([...this.unloading]);
		await Promise.all([...this.rooms.values()].map((room) => room.flushed()));
		for (const room of this.rooms.values()) room.destroy();
		this.rooms.clear();
	}

	private cancelUnload(name: string): void {
		const timer = this.unloadTimers.get(name);
		if (timer) clearTimeout(timer);
		this.unloadTimers.delete(name);
	}

	private async openOnce(name: string, policy: DocumentPolicy, facts: DocumentFacts): Promise<Room> {
		const open = this.rooms.get(name);
		if (open && !open.isFailed) return open;
		const inFlight = this.loading.get(name);
		if (inFlight) return inFlight;
		const promise = this.load(name, policy, facts, open);
		this.loading.set(name, promise);
		try {
			return await promise;
		} finally {
			this.loading.delete(name);
		}
	}

	private async load(name: string, policy: DocumentPolicy, facts: DocumentFacts, failed?: Room): Promise<Room> {
		const { db, bus, log } = this.options;
		if (failed) {
			// A room that failed to store sent its members away; start over from the database.
			this.rooms.delete(name);
			await this.release(failed);
		}
		const room: Room = new Room(name, {
			db,
			publish: bus ? (kind, payload) => bus.publish(name, kind, payload) : null,
			facts,
			compactEvery: this.options.compactEvery,
			log,
			onCompacted: this.options.onCompacted,
			onStored: ({ doc, update }) =>
				policy.onStored({ name, record: room.record, facts: room.facts, doc, update, storedAt: new Date() })
		});
		// Subscribe before reading the database so no peer update falls between the two;
		// frames that arrive during the load are applied after it (Yjs updates commute).
		const early: { kind: BusKind; payload: Uint8Array }[] = [];
		let loaded = false;
		if (bus) {
			const listener: BusListener = (kind, payload) => {
				if (loaded) this.onPeerFrame(room, kind, payload);
				else early.push({ kind, payload });
			};
			this.listeners.set(room, listener);
			await bus.subscribe(name, listener);
		}
		try {
			await room.load();
		} catch (error) {
			await this.release(room);
			throw error;
		}
		loaded = true;
		for (const frame of early) this.onPeerFrame(room, frame.kind, frame.payload);
		await this.writeInitialContent(room, policy);
		this.rooms.set(name, room);
		bus?.publish(name, 'query-awareness', new Uint8Array(0));
		return room;
	}

	/** A never-written document gets its policy's initial content before anyone syncs it. */
	private async writeInitialContent(room: Room, policy: DocumentPolicy): Promise<void> {
		if (!policy.initialContent || !room.isUnwritten()) return;
		try {
			const update = await policy.initialContent(this.options.db, room.name, room.facts);
			if (!update || !room.isUnwritten()) return;
			room.submit(update);
			await room.flushed();
		} catch (error) {
			// The document still opens, empty; the next load tries again.
			this.options.log(`collab: ${room.name}: initial content not written: ${String(error)}`);
		}
	}

	private onPeerFrame(room: Room, kind: BusKind, payload: Uint8Array): void {
		try {
			if (kind === 'update') room.applyFromPeer(payload);
			else if (kind === 'awareness') room.applyAwarenessFromPeer(payload);
			else if (kind === 'query-awareness') {
				const local = room.localAwareness();
				if (local) this.options.bus?.publish(room.name, 'awareness', local);
			} else if (kind === 'resync') {
				room.reloadFromStore().catch((error: unknown) => {
					this.options.log(`collab: ${room.name}: resync failed: ${describe(error)}`);
				});
			}
		} catch (error) {
			this.options.log(`collab: ${room.name}: unreadable frame from a peer instance: ${describe(error)}`);
		}
	}

	private async unload(room: Room): Promise<void> {
		// Flush first: a document never leaves memory with a save pending.
		await room.flushed();
		if (room.members.size > 0 || this.rooms.get(room.name) !== room) return;
		this.rooms.delete(room.name);
		this.persistedByUnloaded += room.persistedUpdates;
		if (room.hasTail) await room.compact();
		await this.release(room);
	}

	/** Unsubscribes (queued behind any other bus operation on the channel) and frees the room. */
	private async release(room: Room): Promise<void> {
		const listener = this.listeners.get(room);
		this.listeners.delete(room);
		if (listener) await this.options.bus?.unsubscribe(room.name, listener).catch(() => undefined);
		room.destroy();
	}
}
