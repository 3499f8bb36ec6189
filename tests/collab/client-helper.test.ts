// The app's client helper (src/lib/collab) against the real server: token per attempt,
// refresh after expiry, read-only and refusal states, offline edits kept and merged.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { CollabAccess } from '../../src/lib/collab/protocol.ts';
import { createCollabConnection } from '../../src/lib/collab/collab-connection.ts';
import type { CollabConnection } from '../../src/lib/collab/collab-connection.ts';
import { connectionView } from '../../src/lib/collab/connection-state.ts';
import type { ConnectionView } from '../../src/lib/collab/connection-state.ts';
import type { RunningServer } from './helpers.ts';
import { connectClient, eventually, openPersistenceDb, startServer, stateOf, tokenFor, whenSynced } from './helpers.ts';

const WRITER = '00000000-0000-4000-8000-00000000a001';
const READER = '00000000-0000-4000-8000-00000000a002';
const STRANGER = '00000000-0000-4000-8000-00000000a003';
const accessBySub: Record<string, CollabAccess> = { [WRITER]: 'write', [READER]: 'read' };

function helper(server: RunningServer, docName: string, getToken: () => Promise<string | null>): CollabConnection {
	return createCollabConnection({
		url: server.url,
		docName,
		getToken,
		localStorageKey: false,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		maxBackoffMs: 300
	});
}

const viewOf = (connection: CollabConnection): ConnectionView => connectionView(connection.state);

describe('client helper', () => {
	let db: SqlDatabase;
	let server: RunningServer;
	const options = () => ({
		db,
		access: async (_doc: string, claims: { sub?: string }) => accessBySub[claims.sub ?? ''] ?? 'none'
	});

	beforeAll(async () => {
		db = await openPersistenceDb();
		server = await startServer(options());
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	it('goes online with write access and reports saving until the server confirms', async () => {
		const connection = helper(server, 'notes:helper-online', () => tokenFor(WRITER));
		const views: ConnectionView[] = [];
		connection.subscribe((state) => views.push(connectionView(state)));
		await eventually(() => viewOf(connection) === 'online', 'online');
		expect(connection.state.access).toBe('write');
		connection.doc.getText('body').insert(0, 'hello');
		expect(connection.state.pendingChanges).toBe(true);
		await eventually(() => !connection.state.pendingChanges, 'the server confirms the edit');
		expect(views).toContain('connecting');
		expect(views).toContain('saving');
		await connection.destroy();
	});

	it('shows read-only for a reader and refused for a stranger', async () => {
		const reader = helper(server, 'notes:helper-access', () => tokenFor(READER));
		await eventually(() => viewOf(reader) === 'read-only', 'read-only');
		const stranger = helper(server, 'notes:helper-access', () => tokenFor(STRANGER));
		await eventually(() => viewOf(stranger) === 'refused', 'refused');
		expect(stranger.state.closeKind).toBe('forbidden');
		await reader.destroy();
		await stranger.destroy();
	});

	it('fetches a fresh token after the server rejects an expired one', async () => {
		let calls = 0;
		const connection = helper(server, 'notes:helper-refresh', async () => {
			calls++;
			return tokenFor(WRITER, { expiresIn: calls === 1 ? -10 : 3600 });
		});
		await eventually(() => viewOf(connection) === 'online', 'online with the refreshed token');
		expect(calls).toBeGreaterThanOrEqual(2);
		await connection.destroy();
	});

	it('stops when the session keeps producing a rejected token, or is signed out', async () => {
		const expired = await tokenFor(WRITER, { expiresIn: -10 });
		const stale = helper(server, 'notes:helper-stale', async () => expired);
		await eventually(() => viewOf(stale) === 'refused', 'refused after the same token fails twice');
		expect(stale.state.closeKind).toBe('unauthenticated');
		const signedOut = helper(server, 'notes:helper-stale', async () => null);
		await eventually(() => viewOf(signedOut) === 'refused', 'refused when signed out');
		await stale.destroy();
		await signedOut.destroy();
	});

	it('keeps edits made offline as pending and merges them on reconnect', async () => {
		const docName = 'notes:helper-offline';
		const connection = helper(server, docName, () => tokenFor(WRITER));
		await eventually(() => viewOf(connection) === 'online', 'online');
		const text = connection.doc.getText('body');
		text.insert(0, 'online edit. ');
		await eventually(() => !connection.state.pendingChanges, 'stored');

		const port = server.port;
		await server.stop();
		await eventually(() => viewOf(connection) === 'offline', 'offline once the server is gone');
		text.insert(text.length, 'offline edit.');
		expect(viewOf(connection)).toBe('offline-pending');

		server = await startServer({ ...options(), port });
		await eventually(() => viewOf(connection) === 'online', 'back online and nothing pending', 20_000);
		const other = connectClient(server.url, docName, await tokenFor(WRITER));
		await whenSynced(other.provider);
		await eventually(() => stateOf(other.doc) === 'online edit. offline edit.', 'the offline edit reached the server');
		other.destroy();
		await connection.destroy();
	});
});
