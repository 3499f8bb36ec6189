// The consensus tally (DESIGN §4.1), computed by round_tally() from votes cast through
// cast_vote(). Each case builds its own event, delegates and round on a fresh database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import {
	addMember,
	asServiceRole,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

type Choice = 'agree' | 'reservations' | 'disagree' | 'abstain' | 'block';

interface TallyRow {
	indicator_id: string;
	code: string;
	eligible: number;
	turnout: number;
	agree: number;
	reservations: number;
	disagree: number;
	abstain: number;
	block: number;
	outcome: string;
	by_country: Record<string, string | number | null>[];
}

interface RoundSettings {
	mode?: 'per_delegate' | 'per_delegation';
	quorum?: number;
	threshold?: number;
	allowBlock?: boolean;
	ballot?: 'open' | 'secret';
	visibility?: 'live' | 'after_close';
}

interface Scenario {
	eventId: string;
	roundId: string;
	indicatorId: string;
	organiser: string;
	/** Delegates in the order given, as user ids. */
	delegates: string[];
	vote(delegateIndex: number, choice: Choice): Promise<void>;
	tally(asUserId?: string | null): Promise<TallyRow[]>;
	close(): Promise<void>;
}

let testDb: TestDatabase;
let db: SqlDatabase;

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
});

afterAll(async () => {
	await testDb?.close();
});

/**
 * An event with one organiser and the given delegates (each with a country code or
 * null), one indicator, and an open round with the given rules.
 */
async function scenario(delegateCountries: (string | null)[], settings: RoundSettings = {}): Promise<Scenario> {
	const eventId = await createEvent(db);
	const organiser = await createUser(db);
	await addMember(db, eventId, organiser, { role: 'organiser' });
	const delegates: string[] = [];
	for (const countryCode of delegateCountries) {
		const userId = await createUser(db);
		await addMember(db, eventId, userId, { role: 'delegate', countryCode });
		delegates.push(userId);
	}
	const indicator = await db.query<{ id: string }>(
		`insert into public.indicators (event_id, code, domain, title) values ($1, 'P1', 'planning', '{"en":"Leadership group exists"}') returning id`,
		[eventId]
	);
	const indicatorId = indicator.rows[0]!.id;
	const roundId = await asUser(db, organiser, async (tx) => {
		const round = await tx.query<{ id: string }>(
			`insert into public.voting_rounds (event_id, title, mode, quorum_percent, threshold_percent, allow_block, ballot, results_visibility)
			 values ($1, '{"en":"Indicators"}', $2, $3, $4, $5, $6, $7) returning id`,
			[
				eventId,
				settings.mode ?? 'per_delegate',
				settings.quorum ?? 0,
				settings.threshold ?? 50,
				settings.allowBlock ?? false,
				settings.ballot ?? 'open',
				settings.visibility ?? 'live'
			]
		);
		const id = round.rows[0]!.id;
		await tx.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [id, indicatorId]);
		await tx.query(`select public.open_round($1)`, [id]);
		return id;
	});
	return {
		eventId,
		roundId,
		indicatorId,
		organiser,
		delegates,
		async vote(delegateIndex, choice) {
			const voter = delegates[delegateIndex];
			if (!voter) throw new Error(`no delegate ${delegateIndex}`);
			await asUser(db, voter, (tx) => tx.query(`select public.cast_vote($1, $2, $3)`, [roundId, indicatorId, choice]));
		},
		async tally(asUserId = organiser) {
			return asUser(
				db,
				asUserId,
				async (tx) => (await tx.query<TallyRow>(`select * from public.round_tally($1)`, [roundId])).rows
			);
		},
		async close() {
			await asUser(db, organiser, (tx) => tx.query(`select public.close_round($1)`, [roundId]));
		}
	};
}

/** A per_delegate round with one delegate per choice (plus silent ones), voted as given. */
async function outcomeOf(choices: Choice[], settings: RoundSettings = {}, silentDelegates = 0): Promise<TallyRow> {
	const round = await scenario(
		Array.from({ length: choices.length + silentDelegates }, () => 'RO'),
		settings
	);
	for (const [index, choice] of choices.entries()) await round.vote(index, choice);
	const rows = await round.tally();
	expect(rows).toHaveLength(1);
	return rows[0]!;
}

describe('outcome rules, in order', () => {
	it('consensus: at least one agree, no reservations, no disagree', async () => {
		const row = await outcomeOf(['agree', 'agree', 'abstain']);
		expect(row).toMatchObject({
			eligible: 3,
			turnout: 3,
			agree: 2,
			abstain: 1,
			reservations: 0,
			disagree: 0,
			outcome: 'consensus'
		});
	});

	it('consensus_with_reservations: no disagree, at least one reservations', async () => {
		expect((await outcomeOf(['agree', 'reservations'])).outcome).toBe('consensus_with_reservations');
		expect((await outcomeOf(['reservations', 'abstain'])).outcome).toBe('consensus_with_reservations');
	});

	it('adopted: a disagreement, but the agreeing share reaches the threshold', async () => {
		const row = await outcomeOf(['agree', 'agree', 'reservations', 'disagree'], { threshold: 66 });
		expect(row).toMatchObject({ agree: 2, reservations: 1, disagree: 1, outcome: 'adopted' });
	});

	it('not_adopted: the agreeing share stays below the threshold', async () => {
		const row = await outcomeOf(['agree', 'disagree', 'disagree'], { threshold: 50 });
		expect(row.outcome).toBe('not_adopted');
	});

	it('blocked: one block decides when the round allows blocking, before consensus', async () => {
		const row = await outcomeOf(['agree', 'agree', 'agree', 'block'], { allowBlock: true });
		expect(row).toMatchObject({ agree: 3, block: 1, turnout: 4, outcome: 'blocked' });
	});

	it('no_quorum comes first, even with a block', async () => {
		const row = await outcomeOf(['block'], { allowBlock: true, quorum: 50 }, 3);
		expect(row).toMatchObject({ eligible: 4, turnout: 1, block: 1, outcome: 'no_quorum' });
	});
});

describe('boundaries', () => {
	it('quorum is met at exactly the quorum percentage, not below', async () => {
		expect((await outcomeOf(['agree', 'agree'], { quorum: 50 }, 2)).outcome).toBe('consensus');
		expect((await outcomeOf(['agree'], { quorum: 50 }, 3)).outcome).toBe('no_quorum');
		expect((await outcomeOf(['agree', 'agree'], { quorum: 50.01 }, 2)).outcome).toBe('no_quorum');
		expect((await outcomeOf(['agree', 'agree', 'agree'], { quorum: 100 })).outcome).toBe('consensus');
	});

	it('a fractional quorum compares exactly: 2 of 3 is below 66.67 %, at 66.66 % it passes', async () => {
		expect((await outcomeOf(['agree', 'agree'], { quorum: 66.67 }, 1)).outcome).toBe('no_quorum');
		expect((await outcomeOf(['agree', 'agree'], { quorum: 66.66 }, 1)).outcome).toBe('consensus');
	});

	it('threshold is reached at exactly the threshold percentage (≥)', async () => {
		expect((await outcomeOf(['agree', 'agree', 'reservations', 'disagree'], { threshold: 75 })).outcome).toBe(
			'adopted'
		);
		expect((await outcomeOf(['agree', 'agree', 'reservations', 'disagree'], { threshold: 75.01 })).outcome).toBe(
			'not_adopted'
		);
	});

	it('a tie is adopted at a 50 % threshold and not above it', async () => {
		const tie = await outcomeOf(['agree', 'disagree'], { threshold: 50 });
		expect(tie).toMatchObject({ agree: 1, disagree: 1, outcome: 'adopted' });
		expect((await outcomeOf(['agree', 'disagree'], { threshold: 50.01 })).outcome).toBe('not_adopted');
		expect((await outcomeOf(['reservations', 'disagree'], { threshold: 50 })).outcome).toBe('adopted');
	});

	it('abstentions count in turnout but not in the ratio', async () => {
		const row = await outcomeOf(['agree', 'disagree', 'abstain', 'abstain', 'abstain'], { threshold: 50, quorum: 100 });
		expect(row).toMatchObject({ eligible: 5, turnout: 5, abstain: 3, outcome: 'adopted' });
		const quorumByAbstentions = await outcomeOf(['agree', 'abstain', 'abstain'], { quorum: 75 }, 1);
		expect(quorumByAbstentions).toMatchObject({ turnout: 3, outcome: 'consensus' });
	});

	it('only abstentions: quorum met but nothing decisive, so not adopted', async () => {
		const row = await outcomeOf(['abstain', 'abstain'], { quorum: 50 });
		expect(row).toMatchObject({ turnout: 2, agree: 0, outcome: 'not_adopted' });
	});

	it('no votes at a zero quorum: not adopted', async () => {
		const row = await outcomeOf([], { quorum: 0 }, 3);
		expect(row).toMatchObject({ eligible: 3, turnout: 0, outcome: 'not_adopted' });
	});

	it('nobody eligible: no quorum, whatever the quorum setting', async () => {
		const round = await scenario([], { quorum: 0 });
		const rows = await round.tally();
		expect(rows).toEqual([
			{
				indicator_id: round.indicatorId,
				code: 'P1',
				eligible: 0,
				turnout: 0,
				agree: 0,
				reservations: 0,
				disagree: 0,
				abstain: 0,
				block: 0,
				outcome: 'no_quorum',
				by_country: []
			}
		]);
	});
});

describe('blocking not allowed', () => {
	it('a block cannot be cast, and one written past cast_vote does not decide', async () => {
		const round = await scenario(['RO', 'MD', 'UA'], { allowBlock: false });
		await expect(round.vote(0, 'block')).rejects.toMatchObject({ code: 'AC003' });
		await round.vote(1, 'agree');
		await round.vote(2, 'agree');
		// e.g. by the service role importing paper ballots: counted in turnout, ignored in the outcome
		await db.query(
			`insert into public.votes (round_id, indicator_id, voter_id, country_code, unit, choice) values ($1, $2, $3, 'RO', $4, 'block')`,
			[round.roundId, round.indicatorId, round.delegates[0], `delegate:${round.delegates[0]}`]
		);
		const [row] = await round.tally();
		expect(row).toMatchObject({ turnout: 3, agree: 2, block: 1, outcome: 'consensus' });
	});
});

describe('per_delegation mode', () => {
	it('counts a country once, whichever of its delegates votes last, and only countries with delegates', async () => {
		const round = await scenario(['RO', 'RO', 'MD', null], { mode: 'per_delegation', quorum: 100, ballot: 'open' });
		// a country with members but no delegate is not an eligible unit
		const observer = await createUser(db);
		await addMember(db, round.eventId, observer, { role: 'observer', countryCode: 'UA' });

		await round.vote(0, 'disagree');
		await round.vote(1, 'agree');
		await expect(round.vote(3, 'agree')).rejects.toMatchObject({ code: 'AC004' });

		let [row] = await round.tally();
		expect(row).toMatchObject({ eligible: 2, turnout: 1, agree: 1, disagree: 0, outcome: 'no_quorum' });

		await round.vote(2, 'reservations');
		[row] = await round.tally();
		expect(row).toMatchObject({
			eligible: 2,
			turnout: 2,
			agree: 1,
			reservations: 1,
			outcome: 'consensus_with_reservations'
		});
		expect(row!.by_country).toEqual([
			{ country: 'MD', eligible: 1, turnout: 1, agree: 0, reservations: 1, disagree: 0, abstain: 0, block: 0 },
			{ country: 'RO', eligible: 1, turnout: 1, agree: 1, reservations: 0, disagree: 0, abstain: 0, block: 0 }
		]);

		const roVotes = await db.query<{ voter_id: string; choice: string }>(
			`select voter_id, choice from public.votes where round_id = $1 and country_code = 'RO'`,
			[round.roundId]
		);
		expect(roVotes.rows).toEqual([{ voter_id: round.delegates[1], choice: 'agree' }]);
	});

	it("lets a co-delegate see the delegation's secret vote, and nobody else", async () => {
		const round = await scenario(['RO', 'RO', 'MD'], {
			mode: 'per_delegation',
			ballot: 'secret',
			visibility: 'after_close'
		});
		await round.vote(0, 'agree');
		const seenBy = async (userId: string) =>
			(
				await asUser(db, userId, (tx) =>
					tx.query(`select choice from public.votes where round_id = $1`, [round.roundId])
				)
			).rows;
		expect(await seenBy(round.delegates[1]!)).toEqual([{ choice: 'agree' }]);
		expect(await seenBy(round.delegates[2]!)).toEqual([]);
		expect(await seenBy(round.organiser)).toEqual([]);
	});
});

describe('per_delegate mode', () => {
	it('counts every delegate, breaks down by country, and ignores votes of delegates since removed', async () => {
		const round = await scenario(['RO', 'RO', 'MD', null]);
		await round.vote(0, 'agree');
		await round.vote(1, 'disagree');
		await round.vote(2, 'agree');
		await round.vote(3, 'abstain');
		let [row] = await round.tally();
		expect(row).toMatchObject({ eligible: 4, turnout: 4, agree: 2, disagree: 1, abstain: 1, outcome: 'adopted' });
		expect(row!.by_country).toEqual([
			{ country: 'MD', eligible: 1, turnout: 1, agree: 1, reservations: 0, disagree: 0, abstain: 0, block: 0 },
			{ country: 'RO', eligible: 2, turnout: 2, agree: 1, reservations: 0, disagree: 1, abstain: 0, block: 0 },
			{ country: null, eligible: 1, turnout: 1, agree: 0, reservations: 0, disagree: 0, abstain: 1, block: 0 }
		]);

		await db.query(`update public.members set role = 'observer' where event_id = $1 and user_id = $2`, [
			round.eventId,
			round.delegates[1]
		]);
		[row] = await round.tally();
		expect(row).toMatchObject({ eligible: 3, turnout: 3, disagree: 0, outcome: 'consensus' });
	});

	it('one vote per delegate per indicator: changing a vote replaces it', async () => {
		const round = await scenario(['RO', 'MD']);
		await round.vote(0, 'disagree');
		await round.vote(0, 'agree');
		const [row] = await round.tally();
		expect(row).toMatchObject({ turnout: 1, agree: 1, disagree: 0, outcome: 'consensus' });
	});

	it('a secret ballot shows turnout by country but not the choices', async () => {
		const round = await scenario(['RO', 'MD'], { ballot: 'secret', visibility: 'after_close' });
		await round.vote(0, 'agree');
		await round.close();
		const [row] = await round.tally();
		expect(row).toMatchObject({ turnout: 1, agree: 1 });
		expect(row!.by_country).toEqual([
			{ country: 'MD', eligible: 1, turnout: 0 },
			{ country: 'RO', eligible: 1, turnout: 1 }
		]);
	});
});

describe('who sees the tally', () => {
	it('after_close: nobody sees counts while open, organisers included; organisers follow turnout', async () => {
		const round = await scenario(['RO', 'MD', 'MD'], { visibility: 'after_close' });
		await round.vote(0, 'agree');
		await round.vote(1, 'disagree');
		for (const viewer of [round.organiser, round.delegates[0]]) {
			await expect(round.tally(viewer)).rejects.toMatchObject({ code: '42501', hint: 'results_hidden' });
		}
		await expect(
			asServiceRole(db, (tx) => tx.query(`select * from public.round_tally($1)`, [round.roundId]))
		).rejects.toMatchObject({ hint: 'results_hidden' });
		const turnout = await asUser(
			db,
			round.organiser,
			async (tx) => (await tx.query(`select * from public.round_turnout($1)`, [round.roundId])).rows
		);
		expect(turnout).toEqual([
			{
				indicator_id: round.indicatorId,
				code: 'P1',
				eligible: 3,
				turnout: 2,
				by_country: [
					{ country: 'MD', eligible: 2, turnout: 1 },
					{ country: 'RO', eligible: 1, turnout: 1 }
				]
			}
		]);
		await expect(
			asUser(db, round.delegates[0]!, (tx) => tx.query(`select * from public.round_turnout($1)`, [round.roundId]))
		).rejects.toMatchObject({ code: '42501' });
		await round.close();
		const [row] = await round.tally(round.delegates[1]);
		expect(row).toMatchObject({ agree: 1, disagree: 1, outcome: 'adopted' });
		expect((await round.tally(round.organiser))[0]).toMatchObject({ agree: 1, disagree: 1 });
	});

	it('observers see a live round only once it is closed', async () => {
		const round = await scenario(['RO'], { visibility: 'live' });
		const observer = await createUser(db);
		await addMember(db, round.eventId, observer, { role: 'observer' });
		await round.vote(0, 'agree');
		await expect(round.tally(observer)).rejects.toMatchObject({ hint: 'results_hidden' });
		await round.close();
		expect((await round.tally(observer))[0]).toMatchObject({ agree: 1, outcome: 'consensus' });
	});

	it('live: members while open', async () => {
		const round = await scenario(['RO'], { visibility: 'live' });
		await round.vote(0, 'reservations');
		const [row] = await round.tally(round.delegates[0]);
		expect(row!.outcome).toBe('consensus_with_reservations');
	});

	it('live results of a draft round are not shown to members', async () => {
		const eventId = await createEvent(db);
		const organiser = await createUser(db);
		const delegate = await createUser(db);
		await addMember(db, eventId, organiser, { role: 'organiser' });
		await addMember(db, eventId, delegate, { role: 'delegate', countryCode: 'RO' });
		const { rows } = await db.query<{ id: string }>(
			`insert into public.voting_rounds (event_id, title, results_visibility) values ($1, '{"en":"Later"}', 'live') returning id`,
			[eventId]
		);
		const roundId = rows[0]!.id;
		await expect(
			asUser(db, delegate, (tx) => tx.query(`select * from public.round_tally($1)`, [roundId]))
		).rejects.toMatchObject({
			code: '42501'
		});
		const organiserView = await asUser(db, organiser, (tx) =>
			tx.query(`select * from public.round_turnout($1)`, [roundId])
		);
		expect(organiserView.rows).toEqual([]);
	});

	it('non-members and anonymous callers are refused; the service role sees it', async () => {
		const round = await scenario(['RO'], { visibility: 'live' });
		await round.close();
		const stranger = await createUser(db);
		await expect(round.tally(stranger)).rejects.toMatchObject({ code: 'P0002' });
		await expect(round.tally(null)).rejects.toMatchObject({ code: '42501' });
		const serviceView = await asServiceRole(db, (tx) =>
			tx.query(`select * from public.round_tally($1)`, [round.roundId])
		);
		expect(serviceView.rows).toHaveLength(1);
	});

	it('an unknown round is reported as not found', async () => {
		const round = await scenario(['RO']);
		await expect(
			asUser(db, round.organiser, (tx) =>
				tx.query(`select * from public.round_tally($1)`, ['00000000-0000-4000-8000-000000000000'])
			)
		).rejects.toMatchObject({ code: 'P0002' });
	});
});

describe('a closed round is final', () => {
	it('demoting or removing dissenting delegates after the close changes neither eligibility nor outcome', async () => {
		const round = await scenario(['RO', 'RO', 'MD', 'MD', 'UA'], { threshold: 60, quorum: 60 });
		for (const index of [0, 1, 2]) await round.vote(index, 'agree');
		for (const index of [3, 4]) await round.vote(index, 'disagree');
		await round.close();
		const [before] = await round.tally();
		expect(before).toMatchObject({ eligible: 5, turnout: 5, agree: 3, disagree: 2, outcome: 'adopted' });

		await asUser(db, round.organiser, async (tx) => {
			await tx.query(`update public.members set role = 'observer' where event_id = $1 and user_id = $2`, [
				round.eventId,
				round.delegates[3]
			]);
			await tx.query(`delete from public.members where event_id = $1 and user_id = $2`, [
				round.eventId,
				round.delegates[4]
			]);
			await tx.query(`update public.members set country_code = 'MD' where event_id = $1 and user_id = $2`, [
				round.eventId,
				round.delegates[0]
			]);
		});
		const latecomer = await createUser(db);
		await addMember(db, round.eventId, latecomer, { role: 'delegate', countryCode: 'RO' });

		const [after] = await round.tally();
		expect(after).toEqual(before);
	});

	it("deleting a voter's account after the close keeps their vote and the outcome", async () => {
		const round = await scenario(['RO', 'MD', 'UA'], { threshold: 60 });
		await round.vote(0, 'agree');
		await round.vote(1, 'agree');
		await round.vote(2, 'disagree');
		await round.close();
		const [before] = await round.tally();
		expect(before).toMatchObject({ agree: 2, disagree: 1, outcome: 'adopted' });
		await db.query(`delete from auth.users where id = $1`, [round.delegates[2]]);
		const [after] = await round.tally();
		expect(after).toEqual(before);
		const kept = await db.query(
			`select voter_id, choice from public.votes where round_id = $1 and choice = 'disagree'`,
			[round.roundId]
		);
		expect(kept.rows).toEqual([{ voter_id: null, choice: 'disagree' }]);
	});

	it('a per_delegation round keeps the delegations eligible at close', async () => {
		const round = await scenario(['RO', 'MD', 'UA'], { mode: 'per_delegation', quorum: 100 });
		for (const index of [0, 1, 2]) await round.vote(index, 'agree');
		await round.close();
		await db.query(`delete from public.members where event_id = $1 and user_id = $2`, [
			round.eventId,
			round.delegates[2]
		]);
		const [row] = await round.tally();
		expect(row).toMatchObject({ eligible: 3, turnout: 3, outcome: 'consensus' });
	});

	it('an indicator that was voted on cannot be deleted or reworded; its votes stay', async () => {
		const round = await scenario(['RO', 'MD']);
		await round.vote(0, 'agree');
		await round.vote(1, 'disagree');
		await round.close();
		await expect(
			asUser(db, round.organiser, (tx) => tx.query(`delete from public.indicators where id = $1`, [round.indicatorId]))
		).rejects.toMatchObject({ code: 'AC008', hint: 'indicator_voted_on' });
		await expect(
			asUser(db, round.organiser, (tx) =>
				tx.query(`update public.indicators set title = '{"en":"Something else"}' where id = $1`, [round.indicatorId])
			)
		).rejects.toMatchObject({ code: 'AC008' });
		const votes = await db.query(`select choice from public.votes where round_id = $1 order by choice`, [
			round.roundId
		]);
		expect(votes.rows).toEqual([{ choice: 'agree' }, { choice: 'disagree' }]);
		const moved = await asUser(db, round.organiser, (tx) =>
			tx.query(`update public.indicators set position = 4 where id = $1`, [round.indicatorId])
		);
		expect(moved.affectedRows).toBe(1);
	});

	it('results visibility is fixed once the round opens', async () => {
		const round = await scenario(['RO'], { visibility: 'after_close' });
		await expect(
			asUser(db, round.organiser, (tx) =>
				tx.query(`update public.voting_rounds set results_visibility = 'live' where id = $1`, [round.roundId])
			)
		).rejects.toMatchObject({ code: 'AC008', hint: 'round_locked' });
	});
});

describe('secret ballot', () => {
	it('has its results only after close: a secret round with live results cannot exist', async () => {
		await expect(scenario(['RO'], { ballot: 'secret', visibility: 'live' })).rejects.toMatchObject({
			code: '23514'
		});
	});

	it('is logged without voter, unit or choice, so no log entry names anybody', async () => {
		const round = await scenario(['RO', 'MD'], { ballot: 'secret', visibility: 'after_close' });
		await round.vote(0, 'disagree');
		await round.vote(0, 'agree');
		await asUser(db, round.delegates[0]!, (tx) =>
			tx.query(`select public.retract_vote($1, $2)`, [round.roundId, round.indicatorId])
		);
		await round.vote(1, 'agree');
		const entries = await asUser(
			db,
			round.organiser,
			async (tx) =>
				(
					await tx.query<{ actor: string | null; object_id: string | null; details: Record<string, unknown> }>(
						`select actor, object_id, details from public.audit_log where object_type = 'votes' and details->>'round_id' = $1 order by id`,
						[round.roundId]
					)
				).rows
		);
		expect(entries).toHaveLength(4);
		for (const entry of entries) {
			expect(entry.actor).toBeNull();
			expect(entry.object_id).toBeNull();
			expect(Object.keys(entry.details).sort()).toEqual(['ballot', 'indicator_id', 'round_id']);
			expect(JSON.stringify(entry)).not.toContain(round.delegates[0]);
		}
		// and no tally to diff around them while the round is open
		await expect(round.tally(round.organiser)).rejects.toMatchObject({ hint: 'results_hidden' });
	});

	it("an open ballot's vote entries reach organisers only once the results are visible", async () => {
		const round = await scenario(['RO'], { visibility: 'after_close' });
		await round.vote(0, 'disagree');
		const logged = () =>
			asUser(
				db,
				round.organiser,
				async (tx) =>
					(
						await tx.query(
							`select details from public.audit_log where object_type = 'votes' and details->>'round_id' = $1`,
							[round.roundId]
						)
					).rows
			);
		expect(await logged()).toEqual([]);
		await round.close();
		expect(await logged()).toMatchObject([{ details: { choice: 'disagree' } }]);
	});
});
