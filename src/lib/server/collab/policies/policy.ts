// What differs between kinds of collaborative document (DESIGN §3.2, §5): which rows
// describe them, when updates are refused whatever a connection's access, what happens
// once an update is stored, and how presence is stamped. The server pipeline is the same
// for every kind; it asks the document's policy at each of these points.
import type * as Y from 'yjs';
import type { SqlDatabase } from '../../db/sql-client.ts';
import type { CollabAccess } from '../../../collab/protocol.ts';
import type { AwarenessState } from '../messages.ts';

export type DocumentKind = 'notes' | 'cta';

/** Facts about one document that decide what it accepts; read on open and after a change notice. */
export interface DocumentFacts {
	/** cta: the document's status; notes: the session's status; 'open' when nothing restricts it. */
	mode: string;
	/** The event the document belongs to (access changes arrive per event); null when unknown. */
	eventId: string | null;
}

/** Facts for documents no database row describes (a custom access check in tests and tools). */
export const OPEN_FACTS: DocumentFacts = { mode: 'open', eventId: null };

/** Who a connection is, from the verified token and the event's member list, never from the client. */
export interface Identity {
	/** The token's subject; null for the anon key and the service role. */
	userId: string | null;
	/** The token's role: authenticated, anon or service_role. */
	role: string;
	name: string;
	color: string;
}

export interface UpdateContext {
	facts: DocumentFacts;
	access: CollabAccess;
	identity: Identity;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** What a policy keeps about a loaded document between hooks (readable through the server's inspect()). */
export interface DocumentRecord {
	lastStoredAt: Date | null;
}

export interface StoredContext {
	name: string;
	record: DocumentRecord;
	facts: DocumentFacts;
	/** The document after the update was applied. */
	doc: Y.Doc;
	update: Uint8Array;
	storedAt: Date;
}

export interface DocumentPolicy {
	readonly kind: DocumentKind;
	/** The document's facts, or null when no such document exists. */
	readFacts(db: SqlDatabase, name: string): Promise<DocumentFacts | null>;
	/** Narrows what public.collab_access granted, by the document's mode. */
	authorize(granted: CollabAccess, facts: DocumentFacts, identity: Identity): CollabAccess;
	/** Checked for every update a client sends, before it is stored. */
	validateUpdate(context: UpdateContext, update: Uint8Array): Verdict;
	/** After an update is stored and applied; must be quick and must not throw for the caller's sake. */
	onStored(context: StoredContext): void;
	/** The awareness state others see for this identity's client. */
	awareness(identity: Identity, state: AwarenessState): AwarenessState;
	/**
	 * What a document that was never written starts with (e.g. the notes template), stored
	 * like any update when the document is first loaded; null for nothing. Must build the
	 * same update on every instance for the same facts (fixed client id), so that two
	 * instances loading it at once store one content, not two.
	 */
	initialContent?(db: SqlDatabase, name: string, facts: DocumentFacts): Promise<Uint8Array | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);

/** The lowest of two access levels. */
export function atMost(granted: CollabAccess, limit: CollabAccess): CollabAccess {
	const order: CollabAccess[] = ['none', 'read', 'write'];
	return order[Math.min(order.indexOf(granted), order.indexOf(limit))]!;
}

/**
 * Presence shows the verified name and colour, whatever the client claimed; the rest of
 * its state (cursor, selection) passes through.
 */
export function stampedAwareness(identity: Identity, state: AwarenessState): AwarenessState {
	return { ...state, user: { id: identity.userId, name: identity.name, color: identity.color } };
}
