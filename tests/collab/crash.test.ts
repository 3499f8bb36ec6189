// Durability: an update any client has received from the server is stored. Clients type
// while the server process is killed with SIGKILL; after a restart on the same database
// every marker any client had received from someone else is in the reloaded document.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestClient } from './helpers.ts';
import { connectClient, stateOf, tokenFor, whenSynced } from './helpers.ts';
import type { ServerProcess } from './processes.ts';
import { spawnServer, stopServer } from './processes.ts';
import { createScratchDatabase, requirePostgres } from './schema.ts';

const MARKER = /<(\d+)\.(\d+)>/g;

function markersIn(text: string): string[] {
	return [...text.matchAll(MARKER)].map((match) => match[0]);
}

async function crashAndReload(env: Record<string, string>): Promise<{ received: Set<string>; reloaded: string }> {
	const docName = 'notes:crash-test';
	const token = await tokenFor('00000000-0000-4000-8000-00000000c0de');
	let server: ServerProcess = await spawnServer(env);
	const clients: TestClient[] = [];
	const received = new Set<string>();
	const typers: NodeJS.Timeout[] = [];
	try {
		for (let i = 0; i < 4; i++) clients.push(connectClient(server.url, docName, token));
		await Promise.all(clients.map((client) => whenSynced(client.provider)));
		clients.forEach((client, index) => {
			// What arrives from the server is what must survive: record it at the moment it lands.
			client.doc.on('afterTransaction', (transaction) => {
				if (transaction.origin !== client.provider) return;
				for (const marker of markersIn(stateOf(client.doc))) {
					if (!marker.startsWith(`<${index}.`)) received.add(marker);
				}
			});
			let sequence = 0;
			typers.push(
				setInterval(() => {
					client.text.insert(client.text.length, `<${index}.${sequence++}>`);
				}, 7)
			);
		});
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		server.child.kill('SIGKILL');
		expect(await server.exited).toBe('SIGKILL');
		// Clients stop before the restart: reconnecting would resend their local state and
		// hide a loss.
		for (const typer of typers) clearInterval(typer);
		for (const client of clients) client.destroy();
		clients.length = 0;

		server = await spawnServer(env);
		const reader = connectClient(server.url, docName, token);
		clients.push(reader);
		await whenSynced(reader.provider);
		return { received, reloaded: stateOf(reader.doc) };
	} finally {
		for (const typer of typers) clearInterval(typer);
		for (const client of clients) client.destroy();
		await stopServer(server);
	}
}

function expectNothingLost(received: Set<string>, reloaded: string): void {
	// The test means something only if clients really exchanged edits before the kill.
	expect(received.size).toBeGreaterThan(50);
	const stored = new Set(markersIn(reloaded));
	const lost = [...received].filter((marker) => !stored.has(marker));
	expect(lost).toEqual([]);
}

describe('kill -9 loses no broadcast update', () => {
	const cleanups: (() => Promise<void>)[] = [];
	afterAll(async () => {
		for (const cleanup of cleanups) await cleanup();
	});

	it('with PGlite in a data folder', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-collab-crash-'));
		cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
		const { received, reloaded } = await crashAndReload({ COLLAB_DATA_DIR: dataDir });
		expectNothingLost(received, reloaded);
	});

	it('with Postgres 15', async (context) => {
		if (!(await requirePostgres())) {
			context.skip('Postgres 15 not reachable');
			return;
		}
		const database = await createScratchDatabase('crash');
		cleanups.push(() => database.drop());
		const { received, reloaded } = await crashAndReload({ DATABASE_URL: database.url });
		expectNothingLost(received, reloaded);
	});
});
