// A round's schedule and the refusals of cast_vote (issue 13): the database stops taking
// votes at closes_at with no page open and no timer, a round due to open opens with its
// first vote, settle_round_schedule applies due transitions as nobody's action, and a
// vote changes screens only through a Broadcast on the round's topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import {
	addMember,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

let testDb: TestDatabase;
let db: SqlDatabase;

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
});

afterAll(async () => {
	await testDb?.close();
});

interface Setup {
	eventId: string;
	roundId: string;
	indicatorId: string;
	otherIndicatorId: string;
	organiser: string;
	delegate: string;
	otherDelegate: string;
	observer: string;
}

async function setup(schedule: { opensIn?: string; closesIn?: string; open?: boolean } = {}): Promise<Setup> {
	const eventId = await createEvent(db);
	const organiser = await createUser(db);
	const delegate = await createUser(db);
	const otherDelegate = await createUser(db);
	const observer = await createUser(db);
	await addMember(db, eventId, organiser, { role: 'organiser' });
	await addMember(db, eventId, delegate, { role: 'delegate', countryCode: 'RO' });
	await addMember(db, eventId, otherDelegate, { role: 'delegate', countryCode: 'MD' });
	await addMember(db, eventId, observer, { role: 'observer' });
	const one = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
	const indicatorId = await one(
		`insert into public.indicators (event_id, code, domain, title) values ($1, 'P1', 'planning', '{"en":"P1"}') returning id`,
		[eventId]
	);
	const otherIndicatorId = await one(
		`insert into public.indicators (event_id, code, domain, title) values ($1, 'P2', 'planning', '{"en":"P2"}') returning id`,
		[eventId]
	);
	const roundId = await asUser(db, organiser, async (tx) => {
		const id = (
			await tx.query<{ id: string }>(
				`insert into public.voting_rounds (event_id, title, results_visibility, opens_at, closes_at)
				 values ($1, '{"en":"Round"}', 'live', now() + $2::interval, now() + $3::interval) returning id`,
				[eventId, schedule.opensIn ?? null, schedule.closesIn ?? null]
			)
		).rows[0]!.id;
		await tx.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [id, indicatorId]);
		if (schedule.open ?? true) await tx.query(`select public.open_round($1)`, [id]);
		return id;
	});
	return { eventId, roundId, indicatorId, otherIndicatorId, organiser, delegate, otherDelegate, observer };
}

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; hint?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as { code?: string; hint?: string };
	}
	throw new Error('expected the database to refuse');
}

const castAs = (userId: string, roundId: string, indicatorId: string, choice: string, reason?: string) =>
	asUser(db, userId, (tx) =>
		tx.query(`select public.cast_vote($1, $2, $3, $4)`, [roundId, indicatorId, choice, reason])
	);

/** Moves the round's schedule into the past (as a direct connection, like time passing). */
async function pass(roundId: string, column: 'opens_at' | 'closes_at') {
	await db.query(`update public.voting_rounds set ${column} = now() - interval '1 second' where id = $1`, [roundId]);
}

describe('closing time', () => {
	it('refuses a vote after closes_at with no page open, and the status then reads as closed', async () => {
		const s = await setup({ closesIn: '1 hour' });
		await castAs(s.delegate, s.roundId, s.indicatorId, 'agree');
		await pass(s.roundId, 'closes_at');
		const refused = await refusal(castAs(s.delegate, s.roundId, s.indicatorId, 'disagree'));
		expect(refused).toMatchObject({ code: 'AC001', hint: 'round_not_open' });
		// the refused vote's own settling rolled back with it; the next reader settles it
		const settled = await asUser(db, s.observer, (tx) =>
			tx.query<{ n: number }>(`select public.settle_round_schedule(null, $1) as n`, [s.eventId])
		);
		expect(settled.rows[0]!.n).toBe(1);
		const round = await db.query<{ status: string; closed_at: string | null }>(
			`select status, closed_at from public.voting_rounds where id = $1`,
			[s.roundId]
		);
		expect(round.rows[0]).toMatchObject({ status: 'closed' });
		expect(round.rows[0]!.closed_at).not.toBeNull();
		const vote = await db.query<{ choice: string }>(`select choice from public.votes where round_id = $1`, [s.roundId]);
		expect(vote.rows).toEqual([{ choice: 'agree' }]);
		// the electorate was fixed at the lazy close, and the log names no actor
		const electorate = await db.query(`select unit from public.round_electorate where round_id = $1`, [s.roundId]);
		expect(electorate.rows).toHaveLength(2);
		const log = await db.query<{ actor: string | null }>(
			`select actor from public.audit_log where object_id = $1 and action = 'voting_rounds.closed'`,
			[s.roundId]
		);
		expect(log.rows).toEqual([{ actor: null }]);
	});

	it('refuses a vote written past closes_at even without cast_vote (the check is on votes)', async () => {
		const s = await setup({ closesIn: '1 hour' });
		await pass(s.roundId, 'closes_at');
		const refused = await refusal(
			db.query(
				`insert into public.votes (round_id, indicator_id, voter_id, unit, choice) values ($1, $2, $3, $4, 'agree')`,
				[s.roundId, s.indicatorId, s.delegate, `delegate:${s.delegate}`]
			)
		);
		expect(refused.hint).toBe('round_not_open');
	});

	it('a withdrawal after closes_at is refused too', async () => {
		const s = await setup({ closesIn: '1 hour' });
		await castAs(s.delegate, s.roundId, s.indicatorId, 'agree');
		await pass(s.roundId, 'closes_at');
		const refused = await refusal(
			asUser(db, s.delegate, (tx) => tx.query(`select public.retract_vote($1, $2)`, [s.roundId, s.indicatorId]))
		);
		expect(refused.hint).toBe('round_not_open');
	});
});

describe('opening time', () => {
	it('open_round refuses a round whose closing time has passed', async () => {
		const s = await setup({ closesIn: '1 hour', open: false });
		await pass(s.roundId, 'closes_at');
		const refused = await refusal(
			asUser(db, s.organiser, (tx) => tx.query(`select public.open_round($1)`, [s.roundId]))
		);
		expect(refused).toMatchObject({ code: 'AC009', hint: 'round_closing_time_passed' });
	});

	it('a round due to open opens with its first vote, and not before its time', async () => {
		const s = await setup({ opensIn: '1 hour', open: false });
		expect((await refusal(castAs(s.delegate, s.roundId, s.indicatorId, 'agree'))).hint).toBe('round_not_open');
		await pass(s.roundId, 'opens_at');
		await castAs(s.delegate, s.roundId, s.indicatorId, 'agree');
		const round = await db.query<{ status: string }>(`select status from public.voting_rounds where id = $1`, [
			s.roundId
		]);
		expect(round.rows[0]!.status).toBe('open');
	});

	it('a round without indicators does not open on schedule', async () => {
		const s = await setup({ opensIn: '1 hour', open: false });
		await db.query(`delete from public.round_indicators where round_id = $1`, [s.roundId]);
		await pass(s.roundId, 'opens_at');
		await db.query(`select public.settle_round_schedule($1, null)`, [s.roundId]);
		const round = await db.query<{ status: string }>(`select status from public.voting_rounds where id = $1`, [
			s.roundId
		]);
		expect(round.rows[0]!.status).toBe('draft');
	});
});

describe('refusals', () => {
	it('for another person: the API roles cannot write votes, only cast_vote for themselves', async () => {
		const s = await setup();
		const refused = await refusal(
			asUser(db, s.delegate, (tx) =>
				tx.query(
					`insert into public.votes (round_id, indicator_id, voter_id, unit, choice) values ($1, $2, $3, $4, 'agree')`,
					[s.roundId, s.indicatorId, s.otherDelegate, `delegate:${s.otherDelegate}`]
				)
			)
		);
		expect(refused.code).toBe('42501');
	});

	it('from a non-delegate, on an indicator outside the round, with a choice the round does not allow', async () => {
		const s = await setup();
		expect((await refusal(castAs(s.observer, s.roundId, s.indicatorId, 'agree'))).hint).toBe('not_a_delegate');
		expect((await refusal(castAs(s.organiser, s.roundId, s.indicatorId, 'agree'))).hint).toBe('not_a_delegate');
		expect((await refusal(castAs(s.delegate, s.roundId, s.otherIndicatorId, 'agree'))).hint).toBe(
			'indicator_not_in_round'
		);
		expect((await refusal(castAs(s.delegate, s.roundId, s.indicatorId, 'block'))).hint).toBe('block_not_allowed');
		const stranger = await createUser(db);
		expect((await refusal(castAs(stranger, s.roundId, s.indicatorId, 'agree'))).hint).toBe('round_not_found');
	});
});

describe('broadcast', () => {
	it('a vote and a status change each send a message on the round topic naming only the round', async () => {
		const s = await setup();
		const before = await db.query<{ id: number }>(`select coalesce(max(id), 0)::int as id from realtime.messages`);
		await castAs(s.delegate, s.roundId, s.indicatorId, 'reservations', 'Needs a budget line');
		await asUser(db, s.organiser, (tx) => tx.query(`select public.close_round($1)`, [s.roundId]));
		const sent = await db.query<{ topic: string; event: string; payload: unknown; private: boolean }>(
			`select topic, event, payload, private from realtime.messages where id > $1 order by id`,
			[before.rows[0]!.id]
		);
		expect(sent.rows).toEqual([
			{ topic: `round:${s.roundId}`, event: 'vote', payload: { round_id: s.roundId }, private: false },
			{ topic: `round:${s.roundId}`, event: 'round', payload: { round_id: s.roundId }, private: false }
		]);
	});
});
