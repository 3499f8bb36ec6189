// Realtime postgres_changes against the local stack, with real supabase-js clients:
// delivery, RLS per subscriber, payload shapes, filters, token refresh
// and expiry. Runs on PGlite, or on Postgres with DATABASE_URL (same trigger capture).
import { randomUUID } from 'node:crypto';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { fixtureDir, remoteProject, startTestStack } from './helpers/stack.ts';
import type { TestStack } from './helpers/stack.ts';
import {
	closeRealtimeClients,
	collector,
	realtimeClient,
	subscribeResult,
	subscribed
} from './contract-realtime-helpers.ts';

type Note = {
	id: number;
	owner: string;
	room: string;
	body: string | null;
	score: number | null;
	published: boolean;
	tags: string[] | null;
	meta: Record<string, unknown> | null;
	created_at: string;
};
type Change<T extends Record<string, unknown>> = RealtimePostgresChangesPayload<T>;

// These tests write to the fixture tables directly; a real Supabase project
// (SUPABASE_URL …) has neither, so there they are skipped.
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

async function insertNote(note: Partial<Note> & { owner: string; room: string }): Promise<Note> {
	const { rows } = await db.query<Note>(
		`insert into public.rt_notes (owner, room, body, score, published, tags, meta)
		 values ($1, $2, $3, $4, $5, $6, $7) returning *`,
		[
			note.owner,
			note.room,
			note.body ?? null,
			note.score ?? null,
			note.published ?? false,
			note.tags ?? null,
			note.meta === undefined ? null : JSON.stringify(note.meta)
		]
	);
	return rows[0]!;
}

describe.skipIf(onRealProject)('postgres_changes and RLS', () => {
	it('delivers a filtered change to a subscriber RLS allows, and not to one it does not', async () => {
		const alice = randomUUID();
		const bob = randomUUID();
		const room = `lobby-${randomUUID()}`;
		const aliceEvents = collector<Change<Note>>();
		const bobEvents = collector<Change<Note>>();
		const aliceClient = await realtimeClient(stack, { token: await stack.userToken(alice) });
		const bobClient = await realtimeClient(stack, { token: await stack.userToken(bob) });
		const filter = { event: 'INSERT' as const, schema: 'public', table: 'rt_notes', filter: `room=eq.${room}` };
		await Promise.all([
			subscribed(
				aliceClient
					.channel('notes-a')
					.on('postgres_changes', filter, (change) => aliceEvents.push(change as Change<Note>))
			),
			subscribed(
				bobClient.channel('notes-b').on('postgres_changes', filter, (change) => bobEvents.push(change as Change<Note>))
			)
		]);

		const secret = await insertNote({ owner: alice, room, body: 'only for alice' });
		const received = await aliceEvents.waitFor(
			(change) => (change.new as Note).id === secret.id,
			undefined,
			'INSERT for alice'
		);
		expect(received.new).toMatchObject({ id: secret.id, owner: alice, body: 'only for alice' });

		// Bob is subscribed: a row he may read reaches him, and nothing before it did.
		const shared = await insertNote({ owner: alice, room, body: 'for everyone', published: true });
		await bobEvents.waitFor((change) => (change.new as Note).id === shared.id, undefined, 'published INSERT for bob');
		await aliceEvents.waitFor(
			(change) => (change.new as Note).id === shared.id,
			undefined,
			'published INSERT for alice'
		);
		expect(bobEvents.items.map((change) => (change.new as Note).id)).toEqual([shared.id]);

		// The filter holds: another room reaches neither.
		const elsewhere = await insertNote({ owner: alice, room: `${room}-other`, published: true });
		const marker = await insertNote({ owner: alice, room, published: true, body: 'marker' });
		await bobEvents.waitFor((change) => (change.new as Note).id === marker.id, undefined, 'marker');
		expect(bobEvents.items.some((change) => (change.new as Note).id === elsewhere.id)).toBe(false);
	});

	it('sends INSERT, UPDATE and DELETE payloads shaped like Supabase', async () => {
		const owner = randomUUID();
		const room = `shapes-${randomUUID()}`;
		const events = collector<Change<Note>>();
		const client = await realtimeClient(stack, { token: await stack.userToken(owner) });
		await subscribed(
			client
				.channel('shapes')
				.on(
					'postgres_changes',
					{ event: '*', schema: 'public', table: 'rt_notes', filter: `room=eq.${room}` },
					(change) => events.push(change as Change<Note>)
				)
		);

		const note = await insertNote({ owner, room, body: 'draft', score: 7, tags: ['a', 'b'], meta: { lang: 'ro' } });
		const inserted = await events.waitFor((change) => change.eventType === 'INSERT', undefined, 'INSERT');
		expect(inserted).toMatchObject({
			schema: 'public',
			table: 'rt_notes',
			eventType: 'INSERT',
			errors: null,
			old: {},
			new: {
				id: note.id,
				owner,
				room,
				body: 'draft',
				score: 7,
				published: false,
				tags: ['a', 'b'],
				meta: { lang: 'ro' }
			}
		});
		expect(inserted.commit_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		// Timestamps arrive as Postgres renders them in JSON.
		expect((inserted.new as Note).created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+\+00:00$/);

		await db.query('update public.rt_notes set body = $1 where id = $2', ['final', note.id]);
		const updated = await events.waitFor((change) => change.eventType === 'UPDATE', undefined, 'UPDATE');
		expect(updated.new).toMatchObject({ id: note.id, body: 'final', score: 7 });
		// Without replica identity full Supabase sends no old row for an UPDATE.
		expect(updated.old).toEqual({});

		await db.query('delete from public.rt_notes where id = $1', [note.id]);
		const deleted = await events.waitFor((change) => change.eventType === 'DELETE', undefined, 'DELETE');
		expect(deleted.new).toEqual({});
		// Only the primary key of a deleted row, as Supabase sends it.
		expect(deleted.old).toEqual({ id: note.id });
	});

	it('sends the whole old row when the table has replica identity full and no RLS', async () => {
		type Counter = { name: string; value: number };
		const name = `votes-${randomUUID()}`;
		const events = collector<Change<Counter>>();
		const client = await realtimeClient(stack);
		await subscribed(
			client
				.channel('counters')
				.on(
					'postgres_changes',
					{ event: '*', schema: 'public', table: 'rt_counters', filter: `name=eq.${name}` },
					(change) => events.push(change as Change<Counter>)
				)
		);
		await db.query('insert into public.rt_counters (name, value) values ($1, 1)', [name]);
		await db.query('update public.rt_counters set value = 2 where name = $1', [name]);
		await db.query('delete from public.rt_counters where name = $1', [name]);
		const deleted = await events.waitFor((change) => change.eventType === 'DELETE', undefined, 'DELETE');
		const updated = events.items.find((change) => change.eventType === 'UPDATE');
		expect(updated?.old).toEqual({ name, value: 1 });
		expect(updated?.new).toEqual({ name, value: 2 });
		expect(deleted.old).toEqual({ name, value: 2 });
		expect(events.items.map((change) => change.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
	});

	it('applies eq, neq, lt, lte, gt, gte and in filters, events and tables', async () => {
		const owner = randomUUID();
		const room = `filters-${randomUUID()}`;
		const client = await realtimeClient(stack, { service: true });
		const seen = new Map<string, number[]>();
		const filters = {
			eq: 'score=eq.3',
			neq: 'score=neq.3',
			lt: 'score=lt.3',
			lte: 'score=lte.3',
			gt: 'score=gt.3',
			gte: 'score=gte.3',
			in: 'score=in.(1,5)'
		};
		let channel = client.channel('filters');
		for (const [name, filter] of Object.entries(filters)) {
			seen.set(name, []);
			channel = channel.on(
				'postgres_changes',
				{ event: 'INSERT', schema: 'public', table: 'rt_notes', filter },
				(change) => {
					const row = change.new as Note;
					if (row.room === room) seen.get(name)!.push(row.score!);
				}
			);
		}
		const textIn = collector<Note>();
		const updates = collector<Note>();
		const everyTable = collector<string>();
		const unpublished = collector<unknown>();
		channel = channel
			.on(
				'postgres_changes',
				{ event: 'INSERT', schema: 'public', table: 'rt_notes', filter: `body=in.("x, y",plain)` },
				(change) => textIn.push(change.new as Note)
			)
			.on(
				'postgres_changes',
				{ event: 'UPDATE', schema: 'public', table: 'rt_notes', filter: `room=eq.${room}` },
				(change) => updates.push(change.new as Note)
			)
			.on('postgres_changes', { event: 'INSERT', schema: 'public' }, (change) => everyTable.push(change.table))
			.on('postgres_changes', { event: '*', schema: 'public', table: 'rt_private_log' }, (change) =>
				unpublished.push(change)
			);
		await subscribed(channel);

		await db.query('insert into public.rt_private_log (line) values ($1)', ['never published']);
		for (const score of [1, 2, 3, 4, 5]) await insertNote({ owner, room, score });
		const xy = await insertNote({ owner, room: `${room}-text`, body: 'x, y' });
		const plain = await insertNote({ owner, room: `${room}-text`, body: 'plain' });
		await insertNote({ owner, room: `${room}-text`, body: 'x' });
		await db.query('update public.rt_notes set body = $1 where room = $2 and score = 5', ['changed', room]);
		const last = await updates.waitFor((row) => row.body === 'changed', undefined, 'UPDATE');

		expect(last.score).toBe(5);
		expect(Object.fromEntries(seen)).toEqual({
			eq: [3],
			neq: [1, 2, 4, 5],
			lt: [1, 2],
			lte: [1, 2, 3],
			gt: [4, 5],
			gte: [3, 4, 5],
			in: [1, 5]
		});
		expect(textIn.items.map((row) => row.id)).toEqual([xy.id, plain.id]);
		expect(updates.items).toHaveLength(1);
		expect(everyTable.items.filter((table) => table === 'rt_notes').length).toBeGreaterThanOrEqual(8);
		expect(everyTable.items).not.toContain('rt_private_log');
		expect(unpublished.items).toEqual([]);
	});

	it("applies realtime-js's filter builder forms: several conditions, not., is, like, ilike, match and quoted values", async () => {
		const owner = randomUUID();
		const room = `builder-${randomUUID()}`;
		const client = await realtimeClient(stack, { service: true });
		const filters = {
			range: `room=eq.${room},score=gte.2,score=lt.4`,
			notIn: `room=eq.${room},score=not.in.(1,2,3)`,
			isNull: `room=eq.${room},body=is.null`,
			notNull: `room=eq.${room},body=not.is.null`,
			like: `room=eq.${room},body=like.Call*`,
			ilike: `room=eq.${room},body=ilike.%action%`,
			match: `room=eq.${room},body=match.^C.+n$`,
			quoted: `room=eq.${room},body=eq."Call, to (Action)"`,
			published: `room=eq.${room},published=is.true`
		};
		const seen = new Map<string, number[]>();
		const markers = collector<number>();
		const MARKER_SCORE = 99;
		let channel = client.channel('builder');
		for (const [name, filter] of Object.entries(filters)) {
			seen.set(name, []);
			channel = channel.on(
				'postgres_changes',
				{ event: 'INSERT', schema: 'public', table: 'rt_notes', filter },
				(change) => {
					const note = change.new as Note;
					if (note.score !== MARKER_SCORE) seen.get(name)!.push(note.score!);
					else if (name === 'notNull') markers.push(note.id);
				}
			);
		}
		await subscribed(channel);
		const rows: [number, string | null, boolean][] = [
			[1, null, false],
			[2, 'Call to Action', false],
			[3, 'Call, to (Action)', true],
			[4, 'a call to action', false],
			[5, null, true]
		];
		for (const [score, body, published] of rows) await insertNote({ owner, room, score, body, published });
		// One channel delivers in commit order: once the marker (which only notNull and notIn
		// match) is in, every earlier note has been delivered or filtered out.
		const marker = await insertNote({ owner, room, score: MARKER_SCORE, body: 'marker' });
		await markers.waitFor((id) => id === marker.id, undefined, 'the marker note');
		expect(Object.fromEntries(seen)).toEqual({
			range: [2, 3],
			notIn: [4, 5],
			isNull: [1, 5],
			notNull: [2, 3, 4],
			like: [2, 3],
			ilike: [2, 3, 4],
			match: [2],
			quoted: [3],
			published: [3, 5]
		});
	});

	it('refuses a malformed filter with the reason', async () => {
		const client = await realtimeClient(stack);
		const result = await subscribeResult(
			client
				.channel('bad-filter')
				.on(
					'postgres_changes',
					{ event: 'INSERT', schema: 'public', table: 'rt_notes', filter: 'score=between.3' },
					() => undefined
				)
		);
		expect(result.status).toBe('CHANNEL_ERROR');
		expect(result.message).toMatch(/operator between is not supported/);
	});

	it('starts capturing a table added to the publication at runtime', async () => {
		const table = `rt_late_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
		await db.exec(`create table public.${table} (id integer primary key, label text);
		               alter publication supabase_realtime add table public.${table};`);
		const events = collector<Record<string, unknown>>();
		const client = await realtimeClient(stack, { service: true });
		await subscribed(
			client
				.channel('late')
				.on('postgres_changes', { event: 'INSERT', schema: 'public', table }, (change) => events.push(change.new))
		);
		await db.query(`insert into public.${table} (id, label) values (1, 'first')`);
		await expect(events.waitFor((row) => row.id === 1, undefined, 'INSERT on the new table')).resolves.toEqual({
			id: 1,
			label: 'first'
		});
	});
});

describe.skipIf(onRealProject)('access tokens', () => {
	it('uses a refreshed token for later RLS checks', async () => {
		const alice = randomUUID();
		const bob = randomUUID();
		const room = `refresh-${randomUUID()}`;
		const events = collector<Note>();
		const client = await realtimeClient(stack, { token: await stack.userToken(alice) });
		const channel = client
			.channel('refresh')
			.on(
				'postgres_changes',
				{ event: 'INSERT', schema: 'public', table: 'rt_notes', filter: `room=eq.${room}` },
				(change) => events.push(change.new as Note)
			);
		await subscribed(channel);
		const bobsBefore = await insertNote({ owner: bob, room });
		const alicesBefore = await insertNote({ owner: alice, room });
		await events.waitFor((row) => row.id === alicesBefore.id, undefined, "alice's note");

		await client.realtime.setAuth(await stack.userToken(bob));
		// The server handles a socket's frames in order: once the track sent after the
		// access_token is answered, the new identity is in place.
		await expect(channel.track({ online: true })).resolves.toBe('ok');
		const bobsAfter = await insertNote({ owner: bob, room });
		await events.waitFor((row) => row.id === bobsAfter.id, undefined, "bob's note after the refresh");
		const alicesAfter = await insertNote({ owner: alice, room });
		const published = await insertNote({ owner: alice, room, published: true });
		await events.waitFor((row) => row.id === published.id, undefined, 'published note');
		const ids = events.items.map((row) => row.id);
		expect(ids).not.toContain(bobsBefore.id);
		expect(ids).not.toContain(alicesAfter.id);
	});

	it('closes the channel with a system error when the token expires', async () => {
		const client = await realtimeClient(stack, { token: await stack.userToken(randomUUID(), {}, 2) });
		const system = collector<{ status: string; message: string; extension: string }>();
		const statuses = collector<string>();
		const channel = client.channel('expiring').on('system', {}, (payload) => system.push(payload));
		channel.subscribe((status) => statuses.push(status));
		await statuses.waitFor((status) => status === 'SUBSCRIBED', 2000, 'SUBSCRIBED');
		const error = await system.waitFor((payload) => payload.status === 'error', 5000, 'system error');
		expect(error.message).toMatch(/Token has expired/);
		await statuses.waitFor((status) => status === 'CLOSED', 2000, 'CLOSED');
	});

	it('refuses to join with an expired token', async () => {
		const expired = await stack.userToken(randomUUID(), {}, -10);
		const client = await realtimeClient(stack, { token: expired });
		const result = await subscribeResult(client.channel('expired'));
		expect(result.status).toBe('CHANNEL_ERROR');
		expect(result.message).toMatch(/Token has expired/);
	});
});
