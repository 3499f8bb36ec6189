// 200 delegates vote and change their votes at the same moment through supabase-js
// rpc('cast_vote') against the local stack (the HTTP path the ballot uses). Afterwards each
// voting unit is counted exactly once with its last choice: per delegate, the choice each
// delegate sent second; per delegation, the change written last for each country (the
// upsert's row lock orders writes to one unit, so the newest audit entry of a unit is the
// write that committed last).
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { addMember, createEvent, createUser } from './helpers/database.ts';
import { remoteProject, startTestStack, type TestStack } from './helpers/stack.ts';

type Choice = 'agree' | 'reservations' | 'disagree' | 'abstain';
const CHOICES: Choice[] = ['agree', 'reservations', 'disagree', 'abstain'];
const DELEGATES = 200;
const COUNTRIES = 20;

const repo = fileURLToPath(new URL('../..', import.meta.url));
const local = remoteProject() ? describe.skip : describe;

let stack: TestStack;
let db: SqlDatabase;
let workdir: string;

interface Delegate {
	userId: string;
	country: string;
	client: SupabaseClient;
}

interface Round {
	roundId: string;
	indicatorIds: string[];
	organiser: SupabaseClient;
	delegates: Delegate[];
}

interface TallyRow {
	indicator_id: string;
	eligible: number;
	turnout: number;
	agree: number;
	reservations: number;
	disagree: number;
	abstain: number;
	block: number;
}

interface VoteRow {
	indicator_id: string;
	voter_id: string;
	unit: string;
	choice: Choice;
}

beforeAll(async () => {
	if (remoteProject()) return;
	// the project's own schema, without the demo seed
	workdir = await mkdtemp(path.join(tmpdir(), 'accord-votes-'));
	await symlink(path.join(repo, 'supabase', 'migrations'), path.join(workdir, 'migrations'), 'dir');
	stack = await startTestStack({ workdir });
	db = stack.stack!.db;
}, 120_000);

afterAll(async () => {
	await stack?.close();
	if (workdir) await rm(workdir, { recursive: true, force: true });
});

/** An event with an organiser, 200 delegates over 20 delegations and an open round on two indicators. */
async function openRound(mode: 'per_delegate' | 'per_delegation'): Promise<Round> {
	const eventId = await createEvent(db);
	const organiserId = await createUser(db);
	await addMember(db, eventId, organiserId, { role: 'organiser' });
	const { rows: countries } = await db.query<{ code: string }>(
		`select code from public.countries order by code limit ${COUNTRIES}`
	);
	expect(countries).toHaveLength(COUNTRIES);
	const delegates: Delegate[] = [];
	for (let index = 0; index < DELEGATES; index += 1) {
		const userId = await createUser(db);
		const country = countries[index % COUNTRIES]!.code;
		await addMember(db, eventId, userId, { role: 'delegate', countryCode: country });
		delegates.push({ userId, country, client: stack.client(await stack.userToken(userId)) });
	}
	const indicatorIds: string[] = [];
	for (const code of ['P1', 'D1']) {
		const { rows } = await db.query<{ id: string }>(
			`insert into public.indicators (event_id, code, domain, title) values ($1, $2, 'planning', '{"en":"Indicator"}') returning id`,
			[eventId, code]
		);
		indicatorIds.push(rows[0]!.id);
	}
	const { rows } = await db.query<{ id: string }>(
		`insert into public.voting_rounds (event_id, title, mode, ballot, results_visibility)
		 values ($1, '{"en":"Indicators"}', $2, 'open', 'live') returning id`,
		[eventId, mode]
	);
	const roundId = rows[0]!.id;
	for (const indicatorId of indicatorIds) {
		await db.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [
			roundId,
			indicatorId
		]);
	}
	const organiser = stack.client(await stack.userToken(organiserId));
	const opened = await organiser.rpc('open_round', { round_id: roundId });
	expect(opened.error).toBeNull();
	return { roundId, indicatorIds, organiser, delegates };
}

/** Each delegate's first and second choice on each indicator (different, so a lost change shows). */
function choicesOf(delegateIndex: number, indicatorIndex: number): [Choice, Choice] {
	const first = (delegateIndex + indicatorIndex) % CHOICES.length;
	return [CHOICES[first]!, CHOICES[(first + 1 + (delegateIndex % 3)) % CHOICES.length]!];
}

/** Every delegate at once: on each indicator a vote, then a change of it. Fails on any refusal. */
async function voteAndRevoteAtOnce(round: Round): Promise<void> {
	const results = await Promise.all(
		round.delegates.flatMap((delegate, delegateIndex) =>
			round.indicatorIds.map(async (indicatorId, indicatorIndex) => {
				const errors: unknown[] = [];
				for (const choice of choicesOf(delegateIndex, indicatorIndex)) {
					const { error } = await delegate.client.rpc('cast_vote', {
						round_id: round.roundId,
						indicator_id: indicatorId,
						choice
					});
					if (error) errors.push(error);
				}
				return errors;
			})
		)
	);
	expect(results.flat()).toEqual([]);
}

async function votesOf(roundId: string): Promise<VoteRow[]> {
	const { rows } = await db.query<VoteRow>(
		`select indicator_id, voter_id, unit, choice::text as choice from public.votes where round_id = $1`,
		[roundId]
	);
	return rows;
}

async function tallyOf(round: Round): Promise<TallyRow[]> {
	const { data, error } = await round.organiser.rpc('round_tally', { round_id: round.roundId });
	expect(error).toBeNull();
	return data as TallyRow[];
}

function countsOf(choices: Choice[]): Record<Choice, number> {
	const counts = { agree: 0, reservations: 0, disagree: 0, abstain: 0 };
	for (const choice of choices) counts[choice] += 1;
	return counts;
}

local('200 delegates voting at the same moment', () => {
	it('per delegate: each delegate counted exactly once, with their last choice', async () => {
		const round = await openRound('per_delegate');
		await voteAndRevoteAtOnce(round);

		const votes = await votesOf(round.roundId);
		expect(votes).toHaveLength(DELEGATES * round.indicatorIds.length);
		for (const [indicatorIndex, indicatorId] of round.indicatorIds.entries()) {
			const onIndicator = new Map(votes.filter((v) => v.indicator_id === indicatorId).map((v) => [v.voter_id, v]));
			expect(onIndicator.size).toBe(DELEGATES);
			for (const [delegateIndex, delegate] of round.delegates.entries()) {
				const vote = onIndicator.get(delegate.userId);
				expect(vote, `delegate ${delegateIndex}`).toMatchObject({
					unit: `delegate:${delegate.userId}`,
					choice: choicesOf(delegateIndex, indicatorIndex)[1]
				});
			}
		}

		const tally = await tallyOf(round);
		expect(tally).toHaveLength(round.indicatorIds.length);
		for (const [indicatorIndex, indicatorId] of round.indicatorIds.entries()) {
			const expected = countsOf(round.delegates.map((_, index) => choicesOf(index, indicatorIndex)[1]));
			expect(tally.find((row) => row.indicator_id === indicatorId)).toMatchObject({
				eligible: DELEGATES,
				turnout: DELEGATES,
				block: 0,
				...expected
			});
		}
	}, 120_000);

	it('per delegation: each country counted exactly once, the write that landed last winning', async () => {
		const round = await openRound('per_delegation');
		await voteAndRevoteAtOnce(round);

		const votes = await votesOf(round.roundId);
		expect(votes).toHaveLength(COUNTRIES * round.indicatorIds.length);
		// the newest audit entry of each unit is the write that committed last
		const { rows: lastWrites } = await db.query<{ indicator_id: string; unit: string; actor: string; choice: Choice }>(
			`select distinct on (details->>'indicator_id', details->>'unit')
			        details->>'indicator_id' as indicator_id, details->>'unit' as unit, actor::text as actor,
			        details->>'choice' as choice
			 from public.audit_log
			 where object_type = 'votes' and details->>'round_id' = $1
			 order by details->>'indicator_id', details->>'unit', id desc`,
			[round.roundId]
		);
		expect(lastWrites).toHaveLength(COUNTRIES * round.indicatorIds.length);
		// every one of the 800 writes is in the log
		const { rows: logged } = await db.query<{ n: number }>(
			`select count(*)::int as n from public.audit_log where object_type = 'votes' and details->>'round_id' = $1`,
			[round.roundId]
		);
		expect(logged[0]!.n).toBe(DELEGATES * round.indicatorIds.length * 2);

		const winners: Choice[][] = round.indicatorIds.map(() => []);
		for (const [indicatorIndex, indicatorId] of round.indicatorIds.entries()) {
			const onIndicator = votes.filter((v) => v.indicator_id === indicatorId);
			expect(new Set(onIndicator.map((v) => v.unit)).size).toBe(COUNTRIES);
			for (const vote of onIndicator) {
				const last = lastWrites.find((w) => w.indicator_id === indicatorId && w.unit === vote.unit);
				expect(vote, vote.unit).toMatchObject({ voter_id: last!.actor, choice: last!.choice });
				// the winner is a delegate of that country
				const winner = round.delegates.find((d) => d.userId === vote.voter_id);
				expect(`country:${winner?.country}`).toBe(vote.unit);
				winners[indicatorIndex]!.push(vote.choice);
			}
		}

		const tally = await tallyOf(round);
		for (const [indicatorIndex, indicatorId] of round.indicatorIds.entries()) {
			expect(tally.find((row) => row.indicator_id === indicatorId)).toMatchObject({
				eligible: COUNTRIES,
				turnout: COUNTRIES,
				...countsOf(winners[indicatorIndex]!)
			});
		}
	}, 120_000);
});
