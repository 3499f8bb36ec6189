// Realtime channels against the local stack with real supabase-js clients: broadcast
// (self, ack, HTTP), Broadcast from the database, private channels under RLS on
// realtime.messages, presence, and the socket protocol (heartbeat, vsn 1.0.0, malformed
// frames, bad apikey).
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
import { fixtureDir, remoteProject, startTestStack } from './helpers/stack.ts';
import type { TestStack } from './helpers/stack.ts';
import {
	closeRealtimeClients,
	collector,
	realtimeClient,
	subscribeResult,
	subscribed
} from './contract-realtime-helpers.ts';

type Broadcast = { type: string; event: string; payload: Record<string, unknown>; meta?: { id: string } };

// Against a real Supabase project (SUPABASE_URL …) the fixture schema and direct
// database access are missing; the tests that need them are skipped there.
const onRealProject = remoteProject() !== undefined;
let stack: TestStack;
let db: SqlDatabase;
const rawSockets = new Set<WebSocket>();

beforeAll(async () => {
	stack = await startTestStack({ workdir: fixtureDir('realtime-project') });
	if (stack.stack) db = stack.stack.db;
});

afterEach(async () => {
	await closeRealtimeClients();
	for (const socket of rawSockets) socket.terminate();
	rawSockets.clear();
});

afterAll(async () => {
	await stack?.close();
});

function topic(name: string): string {
	return `${name}-${randomUUID()}`;
}

describe('broadcast', () => {
	it('reaches the other subscribers, and the sender only with self on', async () => {
		const room = topic('room');
		const [alice, bob] = await Promise.all([realtimeClient(stack), realtimeClient(stack)]);
		const aliceGot = collector<Broadcast>();
		const bobGot = collector<Broadcast>();
		const aliceChannel = alice
			.channel(room)
			.on('broadcast', { event: '*' }, (message) => aliceGot.push(message as Broadcast));
		const bobChannel = bob
			.channel(room)
			.on('broadcast', { event: '*' }, (message) => bobGot.push(message as Broadcast));
		await Promise.all([subscribed(aliceChannel), subscribed(bobChannel)]);

		await aliceChannel.send({ type: 'broadcast', event: 'hello', payload: { from: 'alice' } });
		await expect(bobGot.waitFor((message) => message.event === 'hello')).resolves.toEqual({
			type: 'broadcast',
			event: 'hello',
			payload: { from: 'alice' }
		});
		// Bob's answer is sent after he got the hello, so alice's own copy would be ahead of it.
		await bobChannel.send({ type: 'broadcast', event: 'answer', payload: {} });
		await aliceGot.waitFor((message) => message.event === 'answer');
		expect(aliceGot.items.map((message) => message.event)).toEqual(['answer']);

		const echoRoom = topic('echo');
		const echoGot = collector<Broadcast>();
		const echoChannel = alice
			.channel(echoRoom, { config: { broadcast: { self: true } } })
			.on('broadcast', { event: 'note' }, (message) => echoGot.push(message as Broadcast));
		await subscribed(echoChannel);
		await echoChannel.send({ type: 'broadcast', event: 'note', payload: { text: 'to myself' } });
		await expect(echoGot.waitFor((message) => message.event === 'note')).resolves.toMatchObject({
			payload: { text: 'to myself' }
		});
	});

	it('carries binary payloads as binary frames', async () => {
		const room = topic('binary');
		const [sender, receiver] = await Promise.all([realtimeClient(stack), realtimeClient(stack)]);
		const got = collector<{ event: string; payload: unknown }>();
		await subscribed(
			receiver
				.channel(room)
				.on('broadcast', { event: 'bytes' }, (message) =>
					got.push({ event: message.event, payload: message.payload as unknown })
				)
		);
		const senderChannel = sender.channel(room);
		await subscribed(senderChannel);
		const bytes = new Uint8Array([0, 1, 2, 250, 255]);
		await senderChannel.send({ type: 'broadcast', event: 'bytes', payload: bytes.buffer });
		const message = await got.waitFor(() => true);
		expect(message.payload).toBeInstanceOf(ArrayBuffer);
		expect([...new Uint8Array(message.payload as ArrayBuffer)]).toEqual([0, 1, 2, 250, 255]);
	});

	it('speaks protocol vsn 1.0.0 and 2.0.0 to clients on the same topic', async () => {
		const room = topic('versions');
		const legacy = await realtimeClient(stack, { vsn: '1.0.0' });
		const current = await realtimeClient(stack);
		const legacyGot = collector<Broadcast>();
		const currentGot = collector<Broadcast>();
		const legacyChannel = legacy
			.channel(room)
			.on('broadcast', { event: '*' }, (message) => legacyGot.push(message as Broadcast));
		const currentChannel = current
			.channel(room)
			.on('broadcast', { event: '*' }, (message) => currentGot.push(message as Broadcast));
		await Promise.all([subscribed(legacyChannel), subscribed(currentChannel)]);
		await legacyChannel.send({ type: 'broadcast', event: 'from-1.0.0', payload: { v: 1 } });
		await currentChannel.send({ type: 'broadcast', event: 'from-2.0.0', payload: { v: 2 } });
		await expect(currentGot.waitFor(() => true)).resolves.toMatchObject({ event: 'from-1.0.0', payload: { v: 1 } });
		await expect(legacyGot.waitFor(() => true)).resolves.toMatchObject({ event: 'from-2.0.0', payload: { v: 2 } });
	});

	it('acknowledges a broadcast when ack is on', async () => {
		const client = await realtimeClient(stack);
		const channel = client.channel(topic('acked'), { config: { broadcast: { ack: true } } });
		await subscribed(channel);
		await expect(channel.send({ type: 'broadcast', event: 'ping', payload: {} })).resolves.toBe('ok');
	});

	it('delivers broadcasts sent over HTTP (httpSend and send before subscribing)', async () => {
		const room = topic('http');
		const listener = await realtimeClient(stack);
		const got = collector<Broadcast>();
		await subscribed(
			listener.channel(room).on('broadcast', { event: '*' }, (message) => got.push(message as Broadcast))
		);

		const sender = await realtimeClient(stack);
		await expect(sender.channel(room).httpSend('via-http', { n: 1 })).resolves.toEqual({ success: true });
		await expect(got.waitFor((message) => message.event === 'via-http')).resolves.toMatchObject({ payload: { n: 1 } });

		const fallback = sender.channel(`${room}`);
		const warn = console.warn;
		console.warn = () => undefined;
		try {
			await expect(fallback.send({ type: 'broadcast', event: 'via-rest', payload: { n: 2 } })).resolves.toBe('ok');
		} finally {
			console.warn = warn;
		}
		await expect(got.waitFor((message) => message.event === 'via-rest')).resolves.toMatchObject({ payload: { n: 2 } });
	});

	it('refuses the HTTP broadcast API without a valid apikey', async () => {
		const response = await fetch(`${stack.url}/realtime/v1/api/broadcast`, {
			method: 'POST',
			headers: { apikey: 'not-a-key', 'content-type': 'application/json' },
			body: JSON.stringify({ messages: [{ topic: 'x', event: 'y', payload: {} }] })
		});
		expect(response.status).toBe(401);
	});
});

describe.skipIf(onRealProject)('Broadcast from the database', () => {
	it('delivers realtime.send to the subscribers of a public topic', async () => {
		const room = topic('db');
		const client = await realtimeClient(stack);
		const got = collector<Broadcast>();
		await subscribed(
			client.channel(room).on('broadcast', { event: 'vote-cast' }, (message) => got.push(message as Broadcast))
		);
		await db.query(`select realtime.send($1::jsonb, 'vote-cast', $2, false)`, [
			JSON.stringify({ indicator: 'P1' }),
			room
		]);
		const message = await got.waitFor(() => true, undefined, 'database broadcast');
		expect(message).toMatchObject({ type: 'broadcast', event: 'vote-cast', payload: { indicator: 'P1' } });
		expect(message.meta?.id).toEqual(expect.any(String));
	});
});

describe.skipIf(onRealProject)('Broadcast from the database with realtime.broadcast_changes', () => {
	it('sends row changes from a trigger to the private channel of that room', async () => {
		const room = topic('ballots');
		const member = randomUUID();
		await db.query('insert into public.rt_room_members (room, user_id) values ($1, $2)', [room, member]);
		const client = await realtimeClient(stack, { token: await stack.userToken(member) });
		const got = collector<Broadcast>();
		await subscribed(
			client
				.channel(room, { config: { private: true } })
				.on('broadcast', { event: '*' }, (message) => got.push(message as Broadcast))
		);
		const { rows } = await db.query<{ id: number }>(
			`insert into public.rt_ballots (room, choice) values ($1, 'agree') returning id`,
			[room]
		);
		await db.query(`update public.rt_ballots set choice = 'block' where id = $1`, [rows[0]!.id]);
		await got.waitFor((message) => message.event === 'UPDATE', undefined, 'UPDATE broadcast');
		expect(got.items.map((message) => message.payload)).toEqual([
			{
				schema: 'public',
				table: 'rt_ballots',
				operation: 'INSERT',
				record: { id: rows[0]!.id, room, choice: 'agree' },
				old_record: null
			},
			{
				schema: 'public',
				table: 'rt_ballots',
				operation: 'UPDATE',
				record: { id: rows[0]!.id, room, choice: 'block' },
				old_record: { id: rows[0]!.id, room, choice: 'agree' }
			}
		]);
	});
});

describe.skipIf(onRealProject)('private channels', () => {
	it('lets a member join and receive private database broadcasts; refuses others', async () => {
		const room = topic('private');
		const member = randomUUID();
		const outsider = randomUUID();
		await db.query('insert into public.rt_room_members (room, user_id) values ($1, $2)', [room, member]);

		const memberClient = await realtimeClient(stack, { token: await stack.userToken(member) });
		const got = collector<Broadcast>();
		await subscribed(
			memberClient
				.channel(room, { config: { private: true } })
				.on('broadcast', { event: '*' }, (message) => got.push(message as Broadcast))
		);

		const outsiderClient = await realtimeClient(stack, { token: await stack.userToken(outsider) });
		const refused = await subscribeResult(outsiderClient.channel(room, { config: { private: true } }));
		expect(refused.status).toBe('CHANNEL_ERROR');
		expect(refused.message).toMatch(/Unauthorized: You do not have permissions to read from this Channel topic/);

		const anonClient = await realtimeClient(stack);
		expect((await subscribeResult(anonClient.channel(room, { config: { private: true } }))).status).toBe(
			'CHANNEL_ERROR'
		);

		// A public channel of the same name does not hear private messages. (A fresh client:
		// realtime-js hands back the refused channel object for a topic it already has.)
		const publicGot = collector<Broadcast>();
		const publicClient = await realtimeClient(stack);
		await subscribed(
			publicClient.channel(room).on('broadcast', { event: '*' }, (message) => publicGot.push(message as Broadcast))
		);

		await db.query(`select realtime.send('{"secret":true}'::jsonb, 'private-note', $1)`, [room]);
		await db.query(`select realtime.send('{"open":true}'::jsonb, 'public-note', $1, false)`, [room]);
		await expect(got.waitFor((message) => message.event === 'private-note')).resolves.toMatchObject({
			payload: { secret: true }
		});
		await publicGot.waitFor((message) => message.event === 'public-note');
		expect(publicGot.items.map((message) => message.event)).toEqual(['public-note']);
		expect(got.items.map((message) => message.event)).toEqual(['private-note']);

		// The authorization probe leaves nothing behind in realtime.messages.
		const { rows } = await db.query(
			`select count(*)::int as n from realtime.messages where event = 'realtime.authorization_probe'`
		);
		expect(rows[0]).toEqual({ n: 0 });
	});

	it('carries broadcasts between members of a private channel', async () => {
		const room = topic('private-chat');
		const [first, second] = [randomUUID(), randomUUID()];
		await db.query('insert into public.rt_room_members (room, user_id) values ($1, $2), ($1, $3)', [
			room,
			first,
			second
		]);
		const firstClient = await realtimeClient(stack, { token: await stack.userToken(first) });
		const secondClient = await realtimeClient(stack, { token: await stack.userToken(second) });
		const got = collector<Broadcast>();
		const firstChannel = firstClient.channel(room, { config: { private: true, broadcast: { ack: true } } });
		await subscribed(firstChannel);
		await subscribed(
			secondClient
				.channel(room, { config: { private: true } })
				.on('broadcast', { event: 'msg' }, (message) => got.push(message as Broadcast))
		);
		await expect(firstChannel.send({ type: 'broadcast', event: 'msg', payload: { text: 'salut' } })).resolves.toBe(
			'ok'
		);
		await expect(got.waitFor(() => true)).resolves.toMatchObject({ payload: { text: 'salut' } });
	});
});

describe('presence', () => {
	it('syncs tracked state between clients and removes a client that leaves', async () => {
		const room = topic('presence');
		const [alice, bob] = await Promise.all([realtimeClient(stack), realtimeClient(stack)]);
		const aliceSyncs = collector<number>();
		const aliceLeaves = collector<{ key: string }>();
		const bobSyncs = collector<number>();
		const aliceChannel = alice
			.channel(room, { config: { presence: { key: 'alice' } } })
			.on('presence', { event: 'sync' }, () => aliceSyncs.push(Date.now()))
			.on('presence', { event: 'leave' }, (leave) => aliceLeaves.push({ key: leave.key }));
		const bobChannel = bob
			.channel(room, { config: { presence: { key: 'bob' } } })
			.on('presence', { event: 'sync' }, () => bobSyncs.push(Date.now()));
		await Promise.all([subscribed(aliceChannel), subscribed(bobChannel)]);

		await expect(aliceChannel.track({ name: 'Alice', country: 'RO' })).resolves.toBe('ok');
		await expect(bobChannel.track({ name: 'Bob', country: 'MD' })).resolves.toBe('ok');
		const bothThere = (state: Record<string, unknown[]>) => Object.keys(state).sort().join() === 'alice,bob';
		await aliceSyncs.waitFor(() => bothThere(aliceChannel.presenceState()), 2000, 'alice seeing both');
		await bobSyncs.waitFor(() => bothThere(bobChannel.presenceState()), 2000, 'bob seeing both');
		expect(bobChannel.presenceState().alice).toEqual([
			expect.objectContaining({ name: 'Alice', country: 'RO', presence_ref: expect.any(String) })
		]);

		// A newcomer gets the current state on join.
		const carol = await realtimeClient(stack);
		const carolSyncs = collector<number>();
		const carolChannel = carol.channel(room).on('presence', { event: 'sync' }, () => carolSyncs.push(Date.now()));
		await subscribed(carolChannel);
		await carolSyncs.waitFor(() => bothThere(carolChannel.presenceState()), 2000, 'carol seeing both');

		// Bob's socket goes away: the others see him leave.
		await bob.removeAllChannels();
		await aliceLeaves.waitFor((leave) => leave.key === 'bob', 2000, 'bob leaving');
		expect(Object.keys(aliceChannel.presenceState())).toEqual(['alice']);

		await expect(aliceChannel.untrack()).resolves.toBe('ok');
		await carolSyncs.waitFor(() => Object.keys(carolChannel.presenceState()).length === 0, 2000, 'alice untracked');
	});
});

describe('socket protocol', () => {
	function socketUrl(query: Record<string, string>): string {
		const url = new URL('/realtime/v1/websocket', stack.url.replace(/^http/, 'ws'));
		for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
		return url.toString();
	}

	function openRaw(
		query: Record<string, string>
	): Promise<{ socket: WebSocket; frames: ReturnType<typeof collector<string>> }> {
		const socket = new WebSocket(socketUrl(query));
		rawSockets.add(socket);
		const frames = collector<string>();
		socket.on('message', (data) => frames.push(String(data)));
		return new Promise((resolve, reject) => {
			socket.once('open', () => resolve({ socket, frames }));
			socket.once('error', reject);
		});
	}

	function closed(socket: WebSocket): Promise<number> {
		return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
	}

	it('answers heartbeats and unknown topics in vsn 2.0.0 arrays and 1.0.0 objects', async () => {
		const v2 = await openRaw({ apikey: stack.anonKey, vsn: '2.0.0' });
		v2.socket.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', {}]));
		expect(JSON.parse(await v2.frames.waitFor(() => true))).toEqual([
			null,
			'1',
			'phoenix',
			'phx_reply',
			{ status: 'ok', response: {} }
		]);
		v2.socket.send(
			JSON.stringify(['3', '4', 'realtime:nowhere', 'broadcast', { type: 'broadcast', event: 'x', payload: {} }])
		);
		expect(JSON.parse(await v2.frames.waitFor((frame) => frame.includes('nowhere')))).toEqual([
			'3',
			'4',
			'realtime:nowhere',
			'phx_reply',
			{ status: 'error', response: { reason: 'unmatched topic' } }
		]);

		const v1 = await openRaw({ apikey: stack.anonKey, vsn: '1.0.0' });
		v1.socket.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '9', join_ref: null }));
		expect(JSON.parse(await v1.frames.waitFor(() => true))).toEqual({
			join_ref: null,
			ref: '9',
			topic: 'phoenix',
			event: 'phx_reply',
			payload: { status: 'ok', response: {} }
		});
	});

	it.skipIf(onRealProject)('closes only the socket that sent a malformed frame', async () => {
		const room = topic('sturdy');
		const client = await realtimeClient(stack);
		const got = collector<Broadcast>();
		await subscribed(client.channel(room).on('broadcast', { event: '*' }, (message) => got.push(message as Broadcast)));

		const text = await openRaw({ apikey: stack.anonKey, vsn: '2.0.0' });
		const textClosed = closed(text.socket);
		text.socket.send('{not json');
		expect(await textClosed).toBe(1007);

		const shape = await openRaw({ apikey: stack.anonKey, vsn: '2.0.0' });
		const shapeClosed = closed(shape.socket);
		shape.socket.send(JSON.stringify({ topic: 'phoenix' }));
		expect(await shapeClosed).toBe(1007);

		const binary = await openRaw({ apikey: stack.anonKey, vsn: '2.0.0' });
		const binaryClosed = closed(binary.socket);
		binary.socket.send(Buffer.from([3, 200, 200, 200, 200, 200, 1]));
		expect(await binaryClosed).toBe(1007);

		const sender = await realtimeClient(stack);
		await expect(sender.channel(room).httpSend('still-here', { ok: true })).resolves.toEqual({ success: true });
		await expect(got.waitFor((message) => message.event === 'still-here')).resolves.toMatchObject({
			payload: { ok: true }
		});
	});

	it('refuses a connection with a missing or invalid apikey', async () => {
		const statusOf = (query: Record<string, string>) =>
			new Promise<number>((resolve, reject) => {
				const socket = new WebSocket(socketUrl(query));
				rawSockets.add(socket);
				socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
				socket.once('open', () => reject(new Error('the socket opened')));
				socket.once('error', () => undefined);
			});
		const foreignKey = await signJwt({ role: 'anon' }, 'another-secret-that-is-at-least-32-characters');
		expect(await statusOf({ vsn: '2.0.0' })).toBe(401);
		expect(await statusOf({ apikey: 'garbage', vsn: '2.0.0' })).toBe(401);
		expect(await statusOf({ apikey: foreignKey, vsn: '2.0.0' })).toBe(401);
	});
});
