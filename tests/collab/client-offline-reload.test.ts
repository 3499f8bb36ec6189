// Offline edits survive a reload: the helper keeps the document in IndexedDB, so a page
// reloaded while the server is unreachable still has them, and they reach the server once
// it is back. Node has no IndexedDB; this needs the `fake-indexeddb` dev dependency and
// says so when it is missing.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { createCollabConnection } from '../../src/lib/collab/collab-connection.ts';
import type { CollabConnection } from '../../src/lib/collab/collab-connection.ts';
import { connectionView } from '../../src/lib/collab/connection-state.ts';
import type { RunningServer } from './helpers.ts';
import { connectClient, eventually, openPersistenceDb, startServer, stateOf, tokenFor, whenSynced } from './helpers.ts';

const FAKE_INDEXEDDB = 'fake-indexeddb/auto';
const hasIndexedDb = await import(/* @vite-ignore */ FAKE_INDEXEDDB).then(
	() => typeof indexedDB !== 'undefined',
	() => false
);
if (!hasIndexedDb && process.env.CI) throw new Error('fake-indexeddb is required in CI for the IndexedDB reload test');
if (!hasIndexedDb) console.warn('[collab tests] fake-indexeddb is not installed: skipping the IndexedDB reload test');

const USER = '00000000-0000-4000-8000-00000000b001';

describe.skipIf(!hasIndexedDb)('offline edits survive a reload', () => {
	let db: SqlDatabase;
	let server: RunningServer;
	const options = () => ({ db, access: async () => 'write' as const });

	beforeAll(async () => {
		db = await openPersistenceDb();
		server = await startServer(options());
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	function open(docName: string): CollabConnection {
		return createCollabConnection({
			url: server.url,
			docName,
			getToken: () => tokenFor(USER),
			localStorageKey: `accord-test:${USER}:${docName}`,
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			maxBackoffMs: 300
		});
	}

	it('keeps the offline edit across a reload and merges it when the server is back', async () => {
		const docName = 'notes:offline-reload';
		const first = open(docName);
		await first.whenStoredLocally;
		expect(first.state.storedLocally).toBe(true);
		await eventually(() => connectionView(first.state) === 'online', 'online');
		first.doc.getText('body').insert(0, 'Before the Wi-Fi dropped. ');
		await eventually(() => !first.state.pendingChanges, 'stored on the server');

		const port = server.port;
		await server.stop();
		await eventually(() => connectionView(first.state) === 'offline', 'offline');
		first.doc.getText('body').insert(first.doc.getText('body').length, 'Typed offline.');
		expect(connectionView(first.state)).toBe('offline-pending');
		// y-indexeddb writes each update asynchronously; give it a moment before the "reload".
		await new Promise((resolve) => setTimeout(resolve, 200));
		await first.destroy();

		const reloaded = open(docName);
		await reloaded.whenStoredLocally;
		expect(stateOf(reloaded.doc)).toBe('Before the Wi-Fi dropped. Typed offline.');

		server = await startServer({ ...options(), port });
		await eventually(() => connectionView(reloaded.state) === 'online', 'back online with nothing pending', 20_000);
		const other = connectClient(server.url, docName, await tokenFor(USER));
		await whenSynced(other.provider);
		await eventually(
			() => stateOf(other.doc) === 'Before the Wi-Fi dropped. Typed offline.',
			'the offline edit reached the server'
		);
		other.destroy();
		await reloaded.destroy();
	});
});
