import { describe, expect, it } from 'vitest';
import { initialConnectionState, type CollabConnectionState } from '$lib/collab/connection-state';
import { indicatorKey, indicatorTone } from './connection-label';

const state = (patch: Partial<CollabConnectionState> = {}): CollabConnectionState => ({
	...initialConnectionState,
	...patch
});

describe('connection indicator', () => {
	it('says saved, saving, offline with changes waiting, reconnecting', () => {
		const input = { state: state(), readOnly: false, wasSynced: true };
		expect(indicatorKey({ ...input, view: 'online' })).toBe('saved');
		expect(indicatorKey({ ...input, view: 'saving' })).toBe('saving');
		expect(indicatorKey({ ...input, view: 'offline-pending' })).toBe('offlinePending');
		expect(indicatorKey({ ...input, view: 'connecting' })).toBe('reconnecting');
		expect(indicatorKey({ ...input, view: 'connecting', wasSynced: false })).toBe('connecting');
		expect(indicatorTone('offlinePending')).toBe('warn');
	});

	it('tells a reader whether what they read is current, and a writer the server made read-only', () => {
		expect(indicatorKey({ view: 'read-only', state: state(), readOnly: true, wasSynced: true })).toBe('live');
		expect(indicatorKey({ view: 'read-only', state: state(), readOnly: false, wasSynced: true })).toBe('readOnly');
	});

	it('says why the server refused', () => {
		const refused = (closeKind: CollabConnectionState['closeKind']) =>
			indicatorKey({ view: 'refused', state: state({ closeKind }), readOnly: false, wasSynced: false });
		expect(refused('forbidden')).toBe('refusedForbidden');
		expect(refused('unauthenticated')).toBe('refusedSignedOut');
		expect(refused('too-large')).toBe('refusedTooLarge');
		expect(refused('malformed')).toBe('refused');
		expect(indicatorTone('refused')).toBe('error');
	});
});
