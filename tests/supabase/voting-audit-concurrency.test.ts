// Two delegates of one country send their delegation's first vote on an indicator at the
// same moment (per_delegation mode), through supabase-js rpc('cast_vote') on two clients.
// The audit log must say one 'votes.cast' and one 'votes.change' (of the first's choice),
// not two casts (20261129010000_cast_vote_one_first_cast_per_unit).
//
// On Postgres the two requests are made to meet inside cast_vote: a third connection holds
// the round's indicator row FOR UPDATE, which stops each vote at its foreign-key check
// (after it has read "the previous vote"), and lets go once both are waiting. Without the
// fix both read "no previous vote" and both are logged as cast. PGlite has one connection
// and runs requests one after another: there the two are sent at once and the same log is
// expected, but no interleaving can be forced.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PostgrestSingleResponse, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { addMember, createEvent, createUser } from './helpers/database.ts';
import { remoteProject, startTestStack, type TestStack } from './helpers/stack.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const local = remoteProject() ? describe.skip : describe;

let stack: TestStack;
let db: SqlDatabase;
let workdir: string;

beforeAll(async () => {
	if (remoteProject()) return;
	// the project's own schema, without the demo seed
	workdir = await mkdtemp(path.join(tmpdir(), 'accord-vote-audit-'));
	await symlink(path.join(repo, 'supabase', 'migrations'), path.join(workdir, 'migrations'), 'dir');
	stack = await startTestStack({ workdir });
	db = stack.stack!.db;
}, 120_000);

afterAll(async () => {
	await stack?.close();
	if (workdir) await rm(workdir, { recursive: true, force: true });
});

interface Round {
	roundId: string;
	indicatorId: string;
	delegates: [SupabaseClient, SupabaseClient];
}

/** An open per_delegation round (open ballot) on one indicator; two delegates of one country. */
async function openRound(): Promise<Round> {
	const eventId = await createEvent(db);
	const organiserId = await createUser(db);
	await addMember(db, eventId, organiserId, { role: 'organiser' });
	const { rows: countries } = await db.query<{ code: string }>(
		`select code from public.countries order by code limit 1`
	);
	const country = countries[0]!.code;
	const delegates: SupabaseClient[] = [];
	for (let index = 0; index < 2; index += 1) {
		const userId = await createUser(db);
		await addMember(db, eventId, userId, { role: 'delegate', countryCode: country });
		delegates.push(stack.client(await stack.userToken(userId)));
	}
	const { rows: indicators } = await db.query<{ id: string }>(
		`insert into public.indicators (event_id, code, domain, title) values ($1, 'P1', 'planning', '{"en":"Indicator"}') returning id`,
		[eventId]
	);
	const indicatorId = indicators[0]!.id;
	const { rows } = await db.query<{ id: string }>(
		`insert into public.voting_rounds (event_id, title, mode, ballot, results_visibility)
		 values ($1, '{"en":"Indicators"}', 'per_delegation', 'open', 'live') returning id`,
		[eventId]
	);
	const roundId = rows[0]!.id;
	await db.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [
		roundId,
		indicatorId
	]);
	const organiser = stack.client(await stack.userToken(organiserId));
	const opened = await organiser.rpc('open_round', { round_id: roundId });
	expect(opened.error).toBeNull();
	return { roundId, indicatorId, delegates: [delegates[0]!, delegates[1]!] };
}

/** Resolves once `count` other connections of this database wait on a lock. */
async function untilWaiting(count: number): Promise<void> {
	for (let attempt = 0; attempt < 500; attempt += 1) {
		const { rows } = await db.query<{ n: number }>(
			`select count(*)::int as n from pg_stat_activity
			 where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`
		);
		if (rows[0]!.n >= count) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`fewer than ${count} votes reached the held lock`);
}

local('two first votes of one delegation at the same moment', () => {
	it('are logged as one cast and one change of it', async () => {
		const round = await openRound();
		const send = (client: SupabaseClient, choice: string) =>
			client.rpc('cast_vote', { round_id: round.roundId, indicator_id: round.indicatorId, choice });

		let results: PostgrestSingleResponse<unknown>[];
		if (db.kind === 'postgres') {
			let sent: Promise<PostgrestSingleResponse<unknown>[]> | undefined;
			await db.transaction(async (holder) => {
				await holder.query(`select 1 from public.round_indicators where round_id = $1 for update`, [round.roundId]);
				sent = Promise.all([send(round.delegates[0], 'agree'), send(round.delegates[1], 'disagree')]);
				await untilWaiting(2);
			});
			results = await sent!;
		} else {
			results = await Promise.all([send(round.delegates[0], 'agree'), send(round.delegates[1], 'disagree')]);
		}
		expect(results.map((result) => result.error)).toEqual([null, null]);

		const { rows: logged } = await db.query<{ action: string; choice: string; previous_choice: string | null }>(
			`select action, details->>'choice' as choice, details->>'previous_choice' as previous_choice
			 from public.audit_log
			 where object_type = 'votes' and details->>'round_id' = $1
			 order by id`,
			[round.roundId]
		);
		expect(logged.map((entry) => entry.action)).toEqual(['votes.cast', 'votes.change']);
		// the change names the choice it replaced: the one the cast wrote
		expect(logged[1]!.previous_choice).toBe(logged[0]!.choice);

		const { rows: votes } = await db.query<{ choice: string }>(
			`select choice::text as choice from public.votes where round_id = $1`,
			[round.roundId]
		);
		expect(votes).toEqual([{ choice: logged[1]!.choice }]);
	}, 60_000);
});
