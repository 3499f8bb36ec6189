// Two server instances sharing one database and the local Redis: clients on either
// instance edit one document and converge, and see each other in awareness.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from './helpers.ts';
import { connectClient, eventually, seededRandom, stateOf, tokenFor, whenSynced } from './helpers.ts';
import type { ServerProcess } from './processes.ts';
import { spawnServer, stopServer } from './processes.ts';
import type { ScratchDatabase } from './schema.ts';
import { createScratchDatabase, requirePostgres } from './schema.ts';
import { REDIS_URL, redisAvailable } from './redis-available.ts';

describe('two instances over Redis', () => {
	let ready = false;
	let database: ScratchDatabase | null = null;
	const servers: ServerProcess[] = [];

	beforeAll(async () => {
		const hasRedis = await redisAvailable();
		if (!hasRedis && process.env.CI) throw new Error(`Redis is required in CI and is not reachable at ${REDIS_URL}`);
		if (!hasRedis) {
			console.warn(`[collab tests] Redis not reachable at ${REDIS_URL}: skipping the multi-instance test`);
			return;
		}
		// Two processes need one shared database: Postgres (PGlite is single-process).
		if (!(await requirePostgres())) return;
		database = await createScratchDatabase('redis');
		const env = { DATABASE_URL: database.url, REDIS_URL };
		servers.push(await spawnServer(env), await spawnServer(env));
		ready = true;
	});

	afterAll(async () => {
		for (const server of servers) await stopServer(server);
		await database?.drop();
	});

	it('clients on both instances converge on concurrent edits and share awareness', async (context) => {
		if (!ready) {
			context.skip('Redis or Postgres 15 not reachable');
			return;
		}
		const [a, b] = servers as [ServerProcess, ServerProcess];
		const docName = `notes:redis-${randomUUID()}`;
		const token = await tokenFor('00000000-0000-4000-8000-00000000ed15');
		const clients: TestClient[] = [0, 1, 2, 3, 4, 5].map((i) =>
			connectClient((i % 2 === 0 ? a : b).url, docName, token)
		);
		try {
			await Promise.all(clients.map((client) => whenSynced(client.provider)));
			clients.forEach((client, i) => client.provider.awareness.setLocalStateField('user', { name: `client ${i}` }));
			const random = seededRandom(0xed15);
			for (let round = 0; round < 10; round++) {
				for (const client of clients) {
					const at = Math.floor(random() * (client.text.length + 1));
					client.text.insert(
						at,
						String.fromCharCode(97 + Math.floor(random() * 26)).repeat(1 + Math.floor(random() * 3))
					);
				}
				await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)));
			}
			await eventually(
				() => new Set(clients.map((client) => stateOf(client.doc))).size === 1,
				'clients on both instances hold the same text'
			);
			expect(stateOf(clients[0]!.doc).length).toBeGreaterThanOrEqual(60);
			await eventually(
				() => clients.every((client) => client.provider.awareness.getStates().size === clients.length),
				'every client sees everyone, whichever instance they are on'
			);

			// A newcomer joining the instance that has not seen this document yet gets everything.
			const late = connectClient(b.url, docName, token);
			clients.push(late);
			await whenSynced(late.provider);
			await eventually(
				() => stateOf(late.doc) === stateOf(clients[0]!.doc),
				'a late joiner on either instance catches up'
			);
		} finally {
			for (const client of clients) client.destroy();
		}
	});
});
