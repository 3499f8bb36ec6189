// One collab server for the benchmark, in its own process so its RSS and event loop are
// its own. BENCH_KIND=accord: our server with token auth, the real collab_access over a
// small event of our own, and persistence in PGlite (the local mode default).
// BENCH_KIND=bare: @y/websocket-server's setupWSConnection, no auth, no persistence.
// Talks to bench/collab.ts over IPC: 'ready' once listening, 'rss' on request.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { openDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { migrate } from '../../supabase/local/migrate.ts';
import { DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';
import { createCollabServer } from '../../src/lib/server/collab/index.ts';

export interface ReadyMessage {
	type: 'ready';
	port: number;
	/** URL paths of the benchmark document and of the 1 MB sync document. */
	docPath: string;
	bigDocPath: string;
	userIds: string[];
}

const kind = process.env.BENCH_KIND === 'bare' ? 'bare' : 'accord';
const userCount = Number(process.env.BENCH_USERS ?? 520);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function projectDatabase(): Promise<SqlDatabase> {
	const db = await openDatabase();
	const dir = await mkdtemp(path.join(tmpdir(), 'accord-bench-'));
	try {
		await symlink(path.join(repoRoot, 'supabase/migrations'), path.join(dir, 'migrations'));
		await migrate(db, dir);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	return db;
}

/** An event in drafting with `userCount` delegates, so every connection is a real member. */
async function benchEvent(db: SqlDatabase): Promise<{ documentId: string; userIds: string[] }> {
	const title = JSON.stringify({ en: 'Benchmark event' });
	const event = await db.query<{ id: string }>(
		`insert into public.events (slug, title, starts_on, ends_on, status) values ($1, $2::jsonb, '2018-11-21', '2018-11-23', 'published') returning id`,
		[`bench-${randomUUID().slice(0, 8)}`, title]
	);
	const eventId = event.rows[0]!.id;
	const userIds = Array.from({ length: userCount }, () => randomUUID());
	await db.query(
		`insert into auth.users (id, aud, role, email, created_at, updated_at)
		 select id, 'authenticated', 'authenticated', id::text || '@bench.test', now(), now() from unnest($1::uuid[]) as id`,
		[userIds]
	);
	await db.query(
		`insert into public.members (event_id, user_id, role, display_name)
		 select $1, id, 'delegate', 'Delegate ' || left(id::text, 8) from unnest($2::uuid[]) as id`,
		[eventId, userIds]
	);
	const document = await db.query<{ id: string }>(
		`insert into public.documents (event_id, title, status) values ($1, $2::jsonb, 'drafting') returning id`,
		[eventId, title]
	);
	return { documentId: document.rows[0]!.id, userIds };
}

const http = createServer((_req, res) => {
	res.writeHead(404).end();
});
let ready: Omit<ReadyMessage, 'port'>;

if (kind === 'bare') {
	const wss = new WebSocketServer({ noServer: true });
	http.on('upgrade', (req, socket, head) => {
		wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
	});
	process.on('SIGTERM', () => process.exit(0));
	ready = { type: 'ready', docPath: '/collab/bench', bigDocPath: '/collab/bench-1mb', userIds: [] };
} else {
	const db = await projectDatabase();
	const { documentId, userIds } = await benchEvent(db);
	const collab = await createCollabServer({
		db,
		auth: { jwtSecret: DEFAULT_JWT_SECRET },
		idleUnloadMs: Number(process.env.BENCH_IDLE_UNLOAD_MS ?? 30_000),
		log: (message) => process.stderr.write(`${message}\n`)
	});
	http.on('upgrade', (req, socket, head) => {
		if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
	});
	process.on('SIGTERM', () => {
		void collab.close().then(() => process.exit(0));
	});
	ready = {
		type: 'ready',
		docPath: `/collab/${encodeURIComponent(`cta:${documentId}:en`)}`,
		bigDocPath: `/collab/${encodeURIComponent(`cta:${documentId}:ro`)}`,
		userIds
	};
}

process.on('message', (message: { type: string }) => {
	if (message.type === 'rss') {
		globalThis.gc?.();
		const cpu = process.cpuUsage();
		process.send?.({ type: 'rss', rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000 });
	}
});
process.on('disconnect', () => process.exit(0));

http.listen(0, '127.0.0.1', () => {
	const address = http.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	process.send?.({ ...ready, port });
});
