// Property: whatever concurrent edits clients make, in whatever order the network delivers
// them, every client — including one that was offline meanwhile — ends with the same text,
// and that text is what the database holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { RunningServer, TestClient } from './helpers.ts';
import {
	connectClient,
	eventually,
	openPersistenceDb,
	seededRandom,
	startServer,
	stateOf,
	tokenFor,
	whenSynced
} from './helpers.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzășțâîабвгд ';

function randomEdit(client: TestClient, random: () => number): void {
	const text = client.text;
	if (text.length > 0 && random() < 0.3) {
		const at = Math.floor(random() * text.length);
		text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 4)));
		return;
	}
	const at = Math.floor(random() * (text.length + 1));
	let chunk = '';
	for (let i = 1 + Math.floor(random() * 5); i > 0; i--) chunk += ALPHABET[Math.floor(random() * ALPHABET.length)];
	text.insert(at, chunk);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('convergence under random concurrent edits', () => {
	let db: SqlDatabase;
	let server: RunningServer;

	beforeAll(async () => {
		db = await openPersistenceDb();
		server = await startServer({ db, access: async () => 'write' });
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	for (const [clientCount, seed] of [
		[2, 0x5eed_0002],
		[20, 0x5eed_0020]
	] as const) {
		it(`${clientCount} clients converge, one of them offline for a while (seed ${seed.toString(16)})`, async () => {
			const random = seededRandom(seed);
			const docName = `notes:convergence-${clientCount}`;
			const token = await tokenFor('00000000-0000-4000-8000-000000000001');
			const clients = Array.from({ length: clientCount }, () => connectClient(server.url, docName, token));
			try {
				await Promise.all(clients.map((client) => whenSynced(client.provider)));
				const offline = clients[clientCount - 1]!;
				const online = clients.slice(0, -1);

				for (let round = 0; round < 12; round++) {
					if (round === 3) offline.provider.disconnect();
					if (round === 8) offline.provider.connect();
					// A burst of edits from random clients, sent before any of them hears of the others.
					for (let i = 0; i < clientCount * 2; i++) {
						const client =
							round >= 3 && round < 8 && random() < 0.5 ? offline : clients[Math.floor(random() * clientCount)]!;
						randomEdit(client, random);
					}
					await pause(Math.floor(random() * 30));
				}
				await whenSynced(offline.provider);

				await eventually(
					() => new Set(clients.map((client) => stateOf(client.doc))).size === 1,
					'all clients hold the same text'
				);
				const converged = stateOf(online[0]!.doc);
				expect(converged.length).toBeGreaterThan(0);

				// A newcomer syncs from the server alone and sees the same text.
				const newcomer = connectClient(server.url, docName, token);
				await whenSynced(newcomer.provider);
				await eventually(() => stateOf(newcomer.doc) === converged, 'newcomer has the converged text');
				newcomer.destroy();

				// What the server stored reloads to the same text.
				const reloaded = await startServer({ db, access: async () => 'write' });
				const reader = connectClient(reloaded.url, docName, token);
				await whenSynced(reader.provider);
				expect(stateOf(reader.doc)).toBe(converged);
				reader.destroy();
				await reloaded.stop();
			} finally {
				for (const client of clients) client.destroy();
			}
		});
	}
});
