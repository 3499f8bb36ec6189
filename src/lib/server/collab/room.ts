// One loaded document: its Y.Doc, awareness, connections, and the queue of accepted
// updates on their way to the database. The Y.Doc holds only durable content: an update
// is applied (and so broadcast, and served in sync replies) after its row is committed.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { SqlDatabase } from '../db/sql-client.ts';
import type { DocumentFacts, DocumentRecord } from './policies/policy.ts';
import { appendUpdate, compactDocument, loadDocument } from './persistence.ts';
import { encodeAwareness, encodeAwarenessPayload, encodeUpdate, rewriteAwareness } from './messages.ts';
import type { AwarenessState } from './messages.ts';

/** What a room needs from a connection. */
export interface RoomMember {
	readonly id: number;
	send(frame: Uint8Array): void;
	/** The room failed to store updates: the member should reconnect and resend. */
	fail(): void;
}

/** A stored update, as a policy's onStored hook sees it. */
export interface StoredUpdate {
	doc: Y.Doc;
	update: Uint8Array;
	/** How many client frames were merged into this row. */
	frames: number;
}

/** Origin of changes that came from another instance: applied here, never republished. */
const FROM_PEER = Symbol('peer');

export interface RoomOptions {
	db: SqlDatabase;
	/** Sends what this instance stored or saw to peer instances; null without Redis. */
	publish: ((kind: 'update' | 'awareness', payload: Uint8Array) => void) | null;
	facts: DocumentFacts;
	compactEvery: number;
	log: (message: string) => void;
	onCompacted?: () => void;
	/** After an update is stored and applied (the policy's onStored hook). */
	onStored?: (stored: StoredUpdate) => void;
}

export class Room {
	readonly name: string;
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness: awarenessProtocol.Awareness;
	/** Members and the awareness client ids each one controls. */
	readonly members = new Map<RoomMember, Set<number>>();
	/** Bytes of the encoded state, approximate between compactions (an upper bound). */
	approxSize = 0;
	persistedUpdates = 0;
	/** What the document's policy checks updates against; refreshed on change notices. */
	facts: DocumentFacts;
	/** What the policy keeps about this document between hooks. */
	readonly record: DocumentRecord = { lastStoredAt: null };

	private readonly options: RoomOptions;
	private pending: Uint8Array[] = [];
	private flushing: Promise<void> | null = null;
	private flushScheduled = false;
	private appendedSinceCompaction = 0;
	private compacting: Promise<void> | null = null;
	private failed = false;

	constructor(name: string, options: RoomOptions) {
		this.name = name;
		this.options = options;
		this.facts = options.facts;
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
		this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwarenessUpdate(change, origin));
	}

	/** Fills the document from the database; peers' frames that raced the load still apply after. */
	async load(): Promise<void> {
		const loaded = await loadDocument(this.options.db, this.name);
		for (const id of loaded.skipped) this.options.log(`collab: ${this.name}: skipped unreadable update row ${id}`);
		Y.applyUpdate(this.doc, loaded.state, FROM_PEER);
		this.approxSize = loaded.state.length;
		this.appendedSinceCompaction = loaded.tailLength;
	}

	/** Nothing was ever written to this document (not even text deleted since). */
	isUnwritten(): boolean {
		return this.doc.store.clients.size === 0 && this.pending.length === 0;
	}

	/** Whether accepting `bytes` more would take the document past `limit`. */
	wouldExceed(bytes: number, limit: number): boolean {
		return this.approxSize + this.pendingBytes() + bytes > limit;
	}

	/** Queues a validated update from a writer; it is broadcast once stored. */
	submit(update: Uint8Array): void {
		if (this.failed) return;
		this.pending.push(update);
		if (this.flushing || this.flushScheduled) return;
		this.flushScheduled = true;
		// Wait for the rest of this I/O phase so a burst of frames becomes one row.
		setImmediate(() => {
			this.flushScheduled = false;
			this.flushing = this.flushLoop();
		});
	}

	/** Resolves when every update submitted so far is stored and applied (or the room failed). */
	async flushed(): Promise<void> {
		while (this.flushScheduled || this.flushing) {
			if (this.flushing) await this.flushing;
			else await new Promise((resolve) => setImmediate(resolve));
		}
	}

	applyFromPeer(update: Uint8Array): void {
		Y.applyUpdate(this.doc, update, FROM_PEER);
	}

	applyAwarenessFromPeer(payload: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, FROM_PEER);
	}

	/**
	 * A member's awareness, restricted to the client ids it controls (or that nobody holds)
	 * and with each state passed through `stamp`, so nobody shows up as someone else.
	 */
	applyAwareness(member: RoomMember, payload: Uint8Array, stamp: (state: AwarenessState) => AwarenessState): void {
		const controlled = this.members.get(member);
		if (!controlled) return;
		const held = this.awareness.getStates();
		const rewritten = rewriteAwareness(payload, (clientId, state) => {
			if (!controlled.has(clientId) && held.has(clientId)) return undefined;
			return state === null ? null : stamp(state);
		});
		if (rewritten) awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten, member);
	}

	/** Re-reads the stored document (after a bus outage); only what this copy lacks is applied and sent on. */
	async reloadFromStore(): Promise<void> {
		const loaded = await loadDocument(this.options.db, this.name);
		Y.applyUpdate(this.doc, loaded.state, FROM_PEER);
	}

	/** Awareness of every client this instance's members control (answer to a peer's query). */
	localAwareness(): Uint8Array | null {
		const clients = [...this.members.values()].flatMap((ids) => [...ids]);
		if (clients.length === 0) return null;
		return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
	}

	allAwareness(): Uint8Array | null {
		const clients = [...this.awareness.getStates().keys()];
		return clients.length === 0 ? null : encodeAwareness(this.awareness, clients);
	}

	join(member: RoomMember): void {
		this.members.set(member, new Set());
	}

	leave(member: RoomMember): void {
		const controlled = this.members.get(member);
		if (!controlled) return;
		this.members.delete(member);
		awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
	}

	/** Folds the stored tail into a snapshot; one at a time per room. */
	compact(): Promise<void> {
		if (this.compacting) return this.compacting;
		const appendedBefore = this.appendedSinceCompaction;
		this.compacting = compactDocument(this.options.db, this.name)
			.then((size) => {
				if (size === null) return;
				this.appendedSinceCompaction = Math.max(0, this.appendedSinceCompaction - appendedBefore);
				this.approxSize = Math.max(size, Y.encodeStateAsUpdate(this.doc).length);
				this.options.onCompacted?.();
			})
			.catch((error: unknown) => {
				this.options.log(
					`collab: ${this.name}: compaction failed: ${error instanceof Error ? error.message : String(error)}`
				);
			})
			.finally(() => {
				this.compacting = null;
			});
		return this.compacting;
	}

	get hasTail(): boolean {
		return this.appendedSinceCompaction > 0;
	}

	destroy(): void {
		this.awareness.destroy();
		this.doc.destroy();
	}

	private pendingBytes(): number {
		let total = 0;
		for (const update of this.pending) total += update.length;
		return total;
	}

	private async flushLoop(): Promise<void> {
		try {
			while (this.pending.length > 0 && !this.failed) {
				const batch = this.pending;
				this.pending = [];
				const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
				try {
					await appendUpdate(this.options.db, this.name, merged);
				} catch (error) {
					this.fail(error);
					return;
				}
				this.persistedUpdates += batch.length;
				this.approxSize += merged.length;
				this.appendedSinceCompaction += 1;
				Y.applyUpdate(this.doc, merged);
				this.notifyStored(merged, batch.length);
			}
			if (this.appendedSinceCompaction >= this.options.compactEvery) void this.compact();
		} finally {
			this.flushing = null;
		}
	}

	/**
	 * Nothing unstored may reach a client, so on a storage error the room drops what is
	 * queued and sends its members away; their providers reconnect and resend it.
	 */
	private fail(error: unknown): void {
		this.failed = true;
		this.pending = [];
		this.options.log(
			`collab: ${this.name}: storing an update failed: ${error instanceof Error ? error.message : String(error)}`
		);
		for (const member of [...this.members.keys()]) member.fail();
	}

	private notifyStored(update: Uint8Array, frames: number): void {
		try {
			this.options.onStored?.({ doc: this.doc, update, frames });
		} catch (error) {
			// A hook's failure must not stall storage: the update is already durable.
			this.options.log(
				`collab: ${this.name}: onStored failed: ${error instanceof Error ? error.message : String(error)}`
			);
		}
	}

	get isFailed(): boolean {
		return this.failed;
	}

	private onDocUpdate(update: Uint8Array, origin: unknown): void {
		const frame = encodeUpdate(update);
		for (const member of this.members.keys()) member.send(frame);
		if (origin !== FROM_PEER) this.options.publish?.('update', update);
	}

	private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
		const controlled = origin && typeof origin === 'object' ? this.members.get(origin as RoomMember) : undefined;
		if (controlled) {
			for (const id of added) controlled.add(id);
			for (const id of removed) controlled.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
		const frame = encodeAwarenessPayload(payload);
		for (const member of this.members.keys()) member.send(frame);
		if (origin !== FROM_PEER) this.options.publish?.('awareness', payload);
	}
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}
