// Realtime obeys who sees votes (DESIGN §4.2): postgres_changes on votes reach a
// subscriber only when they may select the row. Before 20261128010300 every member,
// observers included, received each vote of an open ballot the moment it was cast, even
// in a round whose results were to stay hidden until close.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { addMember, asUser, createEvent, createUser } from './helpers/database.ts';
import { remoteProject, startTestStack, type TestStack } from './helpers/stack.ts';
import { closeRealtimeClients, collector, realtimeClient, subscribed } from './contract-realtime-helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const local = remoteProject() ? describe.skip : describe;

let stack: TestStack;
let db: SqlDatabase;
let workdir: string;
const users = { organiser: '', delegateRo: '', delegateMd: '', observer: '' };
const ids = { event: '', session: '', indicator: '', liveRound: '', hiddenRound: '' };

beforeAll(async () => {
	if (remoteProject()) return;
	// the project's own schema, without the demo seed
	workdir = await mkdtemp(path.join(tmpdir(), 'accord-rt-'));
	await symlink(path.join(repo, 'supabase', 'migrations'), path.join(workdir, 'migrations'), 'dir');
	stack = await startTestStack({ workdir });
	db = stack.stack!.db;
	for (const name of Object.keys(users) as (keyof typeof users)[]) users[name] = await createUser(db);
	ids.event = await createEvent(db, { status: 'published' });
	await addMember(db, ids.event, users.organiser, { role: 'organiser' });
	await addMember(db, ids.event, users.delegateRo, { role: 'delegate', countryCode: 'RO' });
	await addMember(db, ids.event, users.delegateMd, { role: 'delegate', countryCode: 'MD' });
	await addMember(db, ids.event, users.observer, { role: 'observer' });
	const one = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
	ids.session = await one(
		`insert into public.sessions (event_id, starts_at, ends_at, format, title)
		 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'plenary', '{"en":"Plenary"}') returning id`,
		[ids.event]
	);
	ids.indicator = await one(
		`insert into public.indicators (event_id, code, domain, title) values ($1, 'P1', 'planning', '{"en":"P1"}') returning id`,
		[ids.event]
	);
	for (const [key, visibility] of [
		['liveRound', 'live'],
		['hiddenRound', 'after_close']
	] as const) {
		ids[key] = await one(
			`insert into public.voting_rounds (event_id, title, results_visibility) values ($1, '{"en":"Round"}', $2) returning id`,
			[ids.event, visibility]
		);
		await db.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [
			ids[key],
			ids.indicator
		]);
		await db.query(`update public.voting_rounds set status = 'open' where id = $1`, [ids[key]]);
	}
});

afterEach(async () => {
	await closeRealtimeClients();
});

afterAll(async () => {
	await stack?.close();
	if (workdir) await rm(workdir, { recursive: true, force: true });
});

type Seen = { table: string; round_id?: string; choice?: string };

/** Subscribes as the user to votes and to the session row, which serves as a marker. */
async function follow(userId: string) {
	const seen = collector<Seen>();
	const client = await realtimeClient(stack, { token: await stack.userToken(userId) });
	await subscribed(
		client
			.channel(`votes-${userId}`)
			.on('postgres_changes', { event: '*', schema: 'public', table: 'votes' }, (change) =>
				seen.push({ table: 'votes', ...(change.new as { round_id: string; choice: string }) })
			)
			.on(
				'postgres_changes',
				{ event: 'UPDATE', schema: 'public', table: 'sessions', filter: `id=eq.${ids.session}` },
				() => seen.push({ table: 'sessions' })
			)
	);
	return seen;
}

local('votes over Realtime', () => {
	it('reach participants once results are visible, observers not while the round is open', async () => {
		const delegate = await follow(users.delegateMd);
		const observer = await follow(users.observer);
		const organiser = await follow(users.organiser);

		for (const round of [ids.hiddenRound, ids.liveRound]) {
			await asUser(db, users.delegateRo, (tx) =>
				tx.query(`select public.cast_vote($1, $2, 'disagree')`, [round, ids.indicator])
			);
		}
		// everyone may see this change; it arrives after the votes were published
		await asUser(db, users.organiser, (tx) =>
			tx.query(`update public.sessions set room = 'Hall A' where id = $1`, [ids.session])
		);

		for (const seen of [delegate, observer, organiser]) {
			await seen.waitFor((item) => item.table === 'sessions', 20_000, 'marker');
		}
		const votesSeen = (seen: typeof delegate) =>
			seen.items.filter((item) => item.table === 'votes').map((item) => item.round_id);
		expect(votesSeen(delegate)).toEqual([ids.liveRound]);
		expect(votesSeen(organiser)).toEqual([ids.liveRound]);
		expect(votesSeen(observer)).toEqual([]);
	});
});
