// Which message the connection indicator shows, from the collab connection's state.
import type { CollabConnectionState, ConnectionView } from '$lib/collab/connection-state';

export type IndicatorKey =
	| 'connecting'
	| 'reconnecting'
	| 'saved'
	| 'saving'
	| 'offline'
	| 'offlinePending'
	| 'readOnly'
	| 'live'
	| 'refusedForbidden'
	| 'refusedSignedOut'
	| 'refusedTooLarge'
	| 'refused';

export interface IndicatorInput {
	view: ConnectionView;
	state: CollabConnectionState;
	/** The page knows this person only reads (no toolbar either way). */
	readOnly: boolean;
	/** The connection was synced at least once since the page opened. */
	wasSynced: boolean;
}

export function indicatorKey({ view, state, readOnly, wasSynced }: IndicatorInput): IndicatorKey {
	switch (view) {
		case 'refused':
			if (state.closeKind === 'forbidden') return 'refusedForbidden';
			if (state.closeKind === 'unauthenticated') return 'refusedSignedOut';
			if (state.closeKind === 'too-large') return 'refusedTooLarge';
			return 'refused';
		case 'offline':
			return 'offline';
		case 'offline-pending':
			return 'offlinePending';
		case 'connecting':
			return wasSynced || state.pendingChanges ? 'reconnecting' : 'connecting';
		// A reader sees the "read-only" label beside this; here, whether what they read is current.
		case 'read-only':
			return readOnly ? 'live' : 'readOnly';
		case 'saving':
			return 'saving';
		case 'online':
			return readOnly ? 'live' : 'saved';
	}
}

/** Tone of the indicator: calm when saved, amber while changes wait, red when refused. */
export function indicatorTone(key: IndicatorKey): 'ok' | 'busy' | 'warn' | 'error' | 'neutral' {
	if (key === 'saved' || key === 'live') return 'ok';
	if (key === 'saving' || key === 'connecting' || key === 'reconnecting') return 'busy';
	if (key === 'offline' || key === 'offlinePending') return 'warn';
	if (key.startsWith('refused')) return 'error';
	return 'neutral';
}

/** The message of each indicator state (literal keys, so unused ones are caught). */
export const INDICATOR_MESSAGES: Record<IndicatorKey, string> = {
	connecting: 'editor.status.connecting',
	reconnecting: 'editor.status.reconnecting',
	saved: 'editor.status.saved',
	saving: 'editor.status.saving',
	offline: 'editor.status.offline',
	offlinePending: 'editor.status.offlinePending',
	readOnly: 'editor.status.readOnly',
	live: 'editor.status.live',
	refusedForbidden: 'editor.status.refusedForbidden',
	refusedSignedOut: 'editor.status.refusedSignedOut',
	refusedTooLarge: 'editor.status.refusedTooLarge',
	refused: 'editor.status.refused'
};
