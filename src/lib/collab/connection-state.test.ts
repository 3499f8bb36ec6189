import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from './protocol.ts';
import type { CollabConnectionState, ConnectionEvent } from './connection-state.ts';
import {
	connectionView,
	initialConnectionState,
	isAhead,
	reconnectDelay,
	reduceConnectionState
} from './connection-state.ts';

const run = (...events: ConnectionEvent[]): CollabConnectionState =>
	events.reduce(reduceConnectionState, initialConnectionState);

describe('connection state', () => {
	it('is connecting, then online once synced with write access', () => {
		expect(connectionView(run())).toBe('connecting');
		expect(connectionView(run({ type: 'open' }))).toBe('connecting');
		expect(connectionView(run({ type: 'open' }, { type: 'access', access: 'write' }, { type: 'synced' }))).toBe(
			'online'
		);
	});

	it('says saving while the server has not confirmed local edits', () => {
		const state = run({ type: 'open' }, { type: 'synced' }, { type: 'pending', pending: true });
		expect(connectionView(state)).toBe('saving');
		expect(connectionView(reduceConnectionState(state, { type: 'pending', pending: false }))).toBe('online');
	});

	it('is read-only when the server says so, and writable again when it grants write', () => {
		const readOnly = run({ type: 'open' }, { type: 'synced' }, { type: 'access', access: 'read' });
		expect(connectionView(readOnly)).toBe('read-only');
		expect(connectionView(reduceConnectionState(readOnly, { type: 'access', access: 'write' }))).toBe('online');
	});

	it('distinguishes offline from offline with pending local changes', () => {
		const offline = run({ type: 'open' }, { type: 'synced' }, { type: 'closed', code: 1006, reason: '' });
		expect(connectionView(offline)).toBe('offline');
		expect(offline.synced).toBe(false);
		expect(connectionView(reduceConnectionState(offline, { type: 'pending', pending: true }))).toBe('offline-pending');
	});

	it('treats refusals as final and says why', () => {
		const refused = run(
			{ type: 'open' },
			{ type: 'closed', code: CLOSE_CODES.FORBIDDEN, reason: 'no access to this document' }
		);
		expect(connectionView(refused)).toBe('refused');
		expect(refused.closeKind).toBe('forbidden');
		expect(refused.closeReason).toBe('no access to this document');
		// A later reconnect attempt does not hide the refusal.
		expect(reduceConnectionState(refused, { type: 'connecting' }).status).toBe('refused');
		expect(run({ type: 'closed', code: CLOSE_CODES.DOCUMENT_TOO_LARGE, reason: '' }).closeKind).toBe('too-large');
	});

	it('retries after an expired token, rate limiting or a server restart', () => {
		for (const code of [
			CLOSE_CODES.UNAUTHENTICATED,
			CLOSE_CODES.RATE_LIMITED,
			CLOSE_CODES.GOING_AWAY,
			CLOSE_CODES.STORAGE_UNAVAILABLE
		]) {
			expect(run({ type: 'closed', code, reason: '' }).status).toBe('offline');
		}
		expect(connectionView(run({ type: 'signed-out' }))).toBe('refused');
	});

	it('compares state vectors', () => {
		const server = new Map([
			[1, 10],
			[2, 5]
		]);
		expect(isAhead(new Map([[1, 10]]), server)).toBe(false);
		expect(isAhead(new Map([[1, 11]]), server)).toBe(true);
		expect(isAhead(new Map([[3, 1]]), server)).toBe(true);
	});

	it('backs off exponentially with jitter, up to the cap', () => {
		expect(reconnectDelay(0, 10_000, () => 0)).toBe(125);
		expect(reconnectDelay(0, 10_000, () => 1)).toBe(250);
		expect(reconnectDelay(3, 10_000, () => 1)).toBe(2_000);
		expect(reconnectDelay(30, 10_000, () => 1)).toBe(10_000);
	});
});
