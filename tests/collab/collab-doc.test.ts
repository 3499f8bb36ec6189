// CollabDoc ($lib/collab/collab-doc.svelte.ts) against the real collab server: its
// runes follow the connection, edits are confirmed, and destroy closes the socket.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollabDoc } from '../../src/lib/collab/collab-doc.svelte.ts';
import { connectionView, type ConnectionView } from '../../src/lib/collab/connection-state.ts';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { openPersistenceDb, startServer, tokenFor, type RunningServer } from './helpers.ts';

const WRITER = '00000000-0000-4000-8000-00000000d001';
const READER = '00000000-0000-4000-8000-00000000d002';

let db: SqlDatabase;
let server: RunningServer;

function open(docName: string, sub: string): CollabDoc {
	return new CollabDoc({
		url: server.url,
		docName,
		getToken: () => tokenFor(sub),
		localStorageKey: false,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
}

/** Resolves when the connection's state satisfies `wanted`: a wait on its own state events. */
function until(doc: CollabDoc, wanted: (view: ConnectionView, pending: boolean) => boolean): Promise<void> {
	return new Promise((resolve) => {
		let done = false;
		// subscribe() may call back at once, before it has returned its stop function.
		const stop: () => void = doc.connection.subscribe((state) => {
			if (done || !wanted(connectionView(state), state.pendingChanges)) return;
			done = true;
			queueMicrotask(() => stop());
			resolve();
		});
		if (!done && wanted(connectionView(doc.connection.state), doc.connection.state.pendingChanges)) {
			done = true;
			stop();
			resolve();
		}
	});
}

beforeAll(async () => {
	db = await openPersistenceDb();
	server = await startServer({
		db,
		access: async (_doc: string, claims: { sub?: string }) =>
			claims.sub === WRITER ? 'write' : claims.sub === READER ? 'read' : 'none'
	});
});

afterAll(async () => {
	await server?.stop();
	await db?.close();
});

describe('CollabDoc', () => {
	it('exposes the connection state as runes that follow it', async () => {
		const doc = open('notes:collab-doc-runes', WRITER);
		try {
			await until(doc, (view) => view === 'online');
			expect(doc.view).toBe('online');
			expect(doc.state.access).toBe('write');

			doc.doc.getText('body').insert(0, 'agreed');
			expect(doc.state.pendingChanges).toBe(true);
			await until(doc, (_view, pending) => !pending);
			expect(doc.state.pendingChanges).toBe(false);
		} finally {
			await doc.destroy();
		}
	});

	it('shares edits between two documents and shows a reader as read-only', async () => {
		const writer = open('notes:collab-doc-share', WRITER);
		const reader = open('notes:collab-doc-share', READER);
		try {
			await until(writer, (view) => view === 'online');
			const arrived = new Promise<void>((resolve) => {
				reader.doc.on('update', () => {
					if (reader.doc.getText('body').toString() === 'shared') resolve();
				});
			});
			writer.doc.getText('body').insert(0, 'shared');
			await arrived;
			await until(reader, (view) => view === 'read-only');
			expect(reader.view).toBe('read-only');
		} finally {
			await Promise.all([writer.destroy(), reader.destroy()]);
		}
	});

	it('closes its socket on destroy, once however often it is called', async () => {
		const doc = open('notes:collab-doc-destroy', WRITER);
		await until(doc, (view) => view === 'online');
		const closed = new Promise<void>((resolve) =>
			doc.connection.provider.ws?.addEventListener('close', () => resolve())
		);
		await Promise.all([doc.destroy(), doc.destroy()]);
		await closed;
		expect(doc.connection.provider.wsconnected).toBe(false);
	});
});
