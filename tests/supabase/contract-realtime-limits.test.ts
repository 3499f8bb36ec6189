// Hostile Realtime subscribers, each written as the attack: a filter whose regular
// expression backtracks catastrophically in JavaScript, filters that cannot be evaluated,
// and a socket flooding the server with frames. Runs on PGlite and on Postgres 15.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { MAX_BINDINGS_PER_CHANNEL, MESSAGE_BURST } from '../../supabase/local/realtime/connection.ts';
import { fixtureDir, remoteProject, startTestStack } from './helpers/stack.ts';
import type { TestStack } from './helpers/stack.ts';
import {
	closeRealtimeClients,
	collector,
	realtimeClient,
	subscribeResult,
	subscribed
} from './contract-realtime-helpers.ts';

const onRealProject = remoteProject() !== undefined;
let stack: TestStack;
let db: SqlDatabase;

beforeAll(async () => {
	stack = await startTestStack({ workdir: fixtureDir('realtime-project') });
	if (stack.stack) db = stack.stack.db;
});

afterEach(async () => {
	await closeRealtimeClients();
});

afterAll(async () => {
	await stack?.close();
});

async function insertNote(owner: string, room: string, body: string): Promise<number> {
	const { rows } = await db.query<{ id: number }>(
		'insert into public.rt_notes (owner, room, body, published) values ($1, $2, $3, true) returning id',
		[owner, room, body]
	);
	return rows[0]!.id;
}

describe.skipIf(onRealProject)('hostile postgres_changes filters', () => {
	it('a catastrophically backtracking match filter is evaluated in SQL and the server keeps serving', async () => {
		const user = randomUUID();
		const room = `redos-${randomUUID()}`;
		const client = await realtimeClient(stack, { token: await stack.userToken(user) });
		const anonymous = await realtimeClient(stack);
		const matched = collector<number>();
		const anonymousMatched = collector<number>();
		const filter = `room=eq.${room},body=match.^(.*)*X$`;
		await Promise.all([
			subscribed(
				client
					.channel('redos')
					.on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_notes', filter }, (change) =>
						matched.push(change.new.id as number)
					)
			),
			subscribed(
				anonymous
					.channel('redos-anon')
					.on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_notes', filter }, (change) =>
						anonymousMatched.push(change.new.id as number)
					)
			)
		]);
		// In a JavaScript RegExp this string takes seconds per extra character to reject.
		const hostile = await insertNote(user, room, `${'a'.repeat(30)}!`);
		const service = await stack.serviceClient().from('rt_notes').select('id').eq('id', hostile).single();
		expect(service.data).toEqual({ id: hostile });
		const marker = await insertNote(user, room, 'ends with X');
		await matched.waitFor((id) => id === marker, 10_000, 'the marker note');
		expect(matched.items).toEqual([marker]);
		// RLS applies before anything is delivered: anon reads no notes at all.
		expect(anonymousMatched.items).toEqual([]);
	});

	it(`refuses a join with more than ${MAX_BINDINGS_PER_CHANNEL} postgres_changes bindings`, async () => {
		const client = await realtimeClient(stack);
		let channel = client.channel(`many-${randomUUID()}`);
		for (let i = 0; i <= MAX_BINDINGS_PER_CHANNEL; i++) {
			channel = channel.on(
				'postgres_changes',
				{ event: 'INSERT', schema: 'public', table: 'rt_notes', filter: `score=eq.${i}` },
				() => undefined
			);
		}
		const result = await subscribeResult(channel);
		expect(result.status).toBe('CHANNEL_ERROR');
		expect(result.message).toMatch(/bindings per channel/);
	});

	it('refuses at join a filter on an unknown column, a value of the wrong type or a pattern that does not compile', async () => {
		const client = await realtimeClient(stack);
		const cases: [string, RegExp][] = [
			['score=eq.abc', /invalid input syntax for type integer/],
			['nope=eq.1', /column .*nope.* does not exist/],
			['body=match.a[b', /invalid regular expression/],
			['created_at=gt.yesterday-ish', /invalid input syntax for type timestamp/]
		];
		for (const [filter, reason] of cases) {
			const result = await subscribeResult(
				client
					.channel(`bad-${randomUUID()}`)
					.on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_notes', filter }, () => undefined)
			);
			expect(result.status, filter).toBe('CHANNEL_ERROR');
			expect(result.message, filter).toMatch(reason);
		}
	});
});

async function openSocket(): Promise<WebSocket> {
	const url = new URL('/realtime/v1/websocket', stack.url.replace(/^http/, 'ws'));
	url.searchParams.set('apikey', stack.anonKey);
	url.searchParams.set('vsn', '1.0.0');
	const socket = new WebSocket(url);
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	return socket;
}

describe.skipIf(onRealProject)('hostile frames', () => {
	it('closes a socket whose presence payload nests too deep, so the topic stays joinable', async () => {
		const socket = await openSocket();
		const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
		const topic = `realtime:deep-${randomUUID()}`;
		const config = { broadcast: {}, presence: { key: 'x', enabled: true }, postgres_changes: [], private: false };
		socket.send(JSON.stringify({ topic, event: 'phx_join', payload: { config }, ref: '1', join_ref: '1' }));
		const depth = 200_000;
		socket.send(
			`{"topic":"${topic}","event":"presence","ref":"2","join_ref":"1","payload":{"type":"presence","event":"track","payload":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}}`
		);
		expect(await closed).toBe(1007);

		const other = await realtimeClient(stack);
		const result = await subscribeResult(
			other.channel(topic.replace(/^realtime:/, ''), { config: { presence: { key: 'y', enabled: true } } })
		);
		expect(result.status).toBe('SUBSCRIBED');
	});
});

describe.skipIf(onRealProject)('per-socket message rate', () => {
	it('closes a socket that sends more frames than the limit allows, and keeps serving others', async () => {
		const flood = await openSocket();
		const closed = new Promise<number>((resolve) => flood.once('close', (code) => resolve(code)));
		for (let i = 0; i < MESSAGE_BURST * 3; i++) {
			flood.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: String(i) }));
		}
		expect(await closed).toBe(1008);

		const other = await realtimeClient(stack);
		const result = await subscribeResult(other.channel('still-served'));
		expect(result.status).toBe('SUBSCRIBED');
	});
});
