// The state of one collaborative document's connection, as the UI shows it. Pure: the
// provider wiring (collab-connection.ts) feeds events in, the UI reads `view`.
import type { CloseKind } from './protocol.ts';
import { closeKind, shouldRetryAfterClose } from './protocol.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface CollabConnectionState {
	status: ConnectionStatus;
	/** What the server allows; unknown until it says. */
	access: 'write' | 'read' | 'unknown';
	/** The server has sent its state and has ours. */
	synced: boolean;
	/** Local edits the server has not confirmed storing. */
	pendingChanges: boolean;
	/** The local copy (IndexedDB) is loaded, so offline edits survive a reload. */
	storedLocally: boolean;
	/** Why the last connection closed, when the server said. */
	closeKind: CloseKind | null;
	closeReason: string | null;
}

export type ConnectionEvent =
	| { type: 'connecting' }
	| { type: 'open' }
	| { type: 'synced' }
	| { type: 'access'; access: 'write' | 'read' }
	| { type: 'closed'; code: number | null; reason: string }
	| { type: 'signed-out' }
	| { type: 'pending'; pending: boolean }
	| { type: 'stored-locally' };

export const initialConnectionState: CollabConnectionState = {
	status: 'connecting',
	access: 'unknown',
	synced: false,
	pendingChanges: false,
	storedLocally: false,
	closeKind: null,
	closeReason: null
};

export function reduceConnectionState(state: CollabConnectionState, event: ConnectionEvent): CollabConnectionState {
	switch (event.type) {
		case 'connecting':
			return state.status === 'refused'
				? state
				: { ...state, status: state.status === 'online' ? 'online' : 'connecting' };
		case 'open':
			return { ...state, status: 'online', closeKind: null, closeReason: null };
		case 'synced':
			return { ...state, status: 'online', synced: true };
		case 'access':
			return { ...state, access: event.access };
		case 'closed': {
			const kind = event.code === null ? null : closeKind(event.code);
			const retry = event.code === null || shouldRetryAfterClose(event.code);
			return {
				...state,
				status: retry ? 'offline' : 'refused',
				synced: false,
				closeKind: kind === 'transient' ? null : kind,
				closeReason: event.reason || null
			};
		}
		case 'signed-out':
			return { ...state, status: 'refused', synced: false, closeKind: 'unauthenticated', closeReason: 'signed out' };
		case 'pending':
			return state.pendingChanges === event.pending ? state : { ...state, pendingChanges: event.pending };
		case 'stored-locally':
			return { ...state, storedLocally: true };
	}
}

/** One word for the UI: what to show next to the editor. */
export type ConnectionView =
	'connecting' | 'online' | 'saving' | 'offline' | 'offline-pending' | 'read-only' | 'refused';

export function connectionView(state: CollabConnectionState): ConnectionView {
	if (state.status === 'refused') return 'refused';
	if (state.status === 'offline') return state.pendingChanges ? 'offline-pending' : 'offline';
	if (state.status === 'connecting' || !state.synced) return 'connecting';
	if (state.access === 'read') return 'read-only';
	return state.pendingChanges ? 'saving' : 'online';
}

/** Whether `local` holds anything past `server` (both Yjs state vectors). */
export function isAhead(local: Map<number, number>, server: Map<number, number>): boolean {
	for (const [client, clock] of local) {
		if (clock > (server.get(client) ?? 0)) return true;
	}
	return false;
}

/** Exponential backoff with jitter, capped; attempt 0 is the first retry. */
export function reconnectDelay(attempt: number, maxMs: number, random: () => number = Math.random): number {
	const base = Math.min(maxMs, 250 * 2 ** Math.min(attempt, 10));
	return Math.round(base / 2 + (random() * base) / 2);
}
