// Who may read and write what (DESIGN §3, §4): the RLS policies and the security definer
// functions, exercised as anonymous visitors, delegates, rapporteurs, observers and
// organisers, on a fresh database with its own small fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase, Queryable } from '../../src/lib/server/db/sql-client.ts';
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

const users = {
	organiser: '',
	delegateRo: '',
	delegateMd: '',
	rapporteur: '',
	otherRapporteur: '',
	observer: '',
	outsider: ''
};
const ids = {
	publishedEvent: '',
	draftEvent: '',
	sessionOne: '',
	sessionTwo: '',
	draftSession: '',
	indicatorOne: '',
	indicatorTwo: '',
	draftIndicator: '',
	openRound: '',
	secretRound: '',
	draftRound: '',
	closedRound: '',
	otherEventRound: '',
	draftingDocument: '',
	amendmentsDocument: '',
	frozenDocument: '',
	adoptedDocument: '',
	draftEventAdoptedDocument: ''
};

async function one<T>(tx: Queryable, sql: string, params: unknown[] = []): Promise<T> {
	const { rows } = await tx.query<T>(sql, params);
	if (rows.length !== 1) throw new Error(`expected one row from: ${sql}`);
	return rows[0]!;
}

async function insertSession(eventId: string, title: string, status = 'scheduled'): Promise<string> {
	const row = await one<{ id: string }>(
		db,
		`insert into public.sessions (event_id, starts_at, ends_at, format, title, status)
		 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:30+02', 'plenary', $2, $3) returning id`,
		[eventId, JSON.stringify({ en: title }), status]
	);
	return row.id;
}

async function insertIndicator(eventId: string, code: string): Promise<string> {
	const row = await one<{ id: string }>(
		db,
		`insert into public.indicators (event_id, code, domain, title) values ($1, $2, 'planning', $3) returning id`,
		[eventId, code, JSON.stringify({ en: `Indicator ${code}` })]
	);
	return row.id;
}

async function insertRound(
	eventId: string,
	indicatorIds: string[],
	settings: { status?: 'draft' | 'open' | 'closed'; ballot?: 'open' | 'secret' } = {}
): Promise<string> {
	const round = await one<{ id: string }>(
		db,
		`insert into public.voting_rounds (event_id, title, ballot, results_visibility)
		 values ($1, '{"en":"Round"}', $2, $3) returning id`,
		// a secret ballot shows its results only after close
		[eventId, settings.ballot ?? 'open', settings.ballot === 'secret' ? 'after_close' : 'live']
	);
	for (const [position, indicatorId] of indicatorIds.entries()) {
		await db.query(`insert into public.round_indicators (round_id, indicator_id, position) values ($1, $2, $3)`, [
			round.id,
			indicatorId,
			position
		]);
	}
	if (settings.status === 'open' || settings.status === 'closed') {
		await db.query(`update public.voting_rounds set status = 'open' where id = $1`, [round.id]);
	}
	if (settings.status === 'closed') {
		await db.query(`update public.voting_rounds set status = 'closed' where id = $1`, [round.id]);
	}
	return round.id;
}

async function insertDocument(eventId: string, status: string): Promise<string> {
	const row = await one<{ id: string }>(
		db,
		`insert into public.documents (event_id, title, status) values ($1, '{"en":"Call to Action"}', $2) returning id`,
		[eventId, status]
	);
	return row.id;
}

function castVote(userId: string | null, roundId: string, indicatorId: string, choice: string) {
	return asUser(db, userId, (tx) =>
		one<{ id: string; voter_id: string; choice: string }>(tx, `select * from public.cast_vote($1, $2, $3)`, [
			roundId,
			indicatorId,
			choice
		])
	);
}

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(db, { email: `${name}@example.test` });
	}
	ids.publishedEvent = await createEvent(db, { slug: 'published-conference', status: 'published' });
	ids.draftEvent = await createEvent(db, { slug: 'draft-conference', status: 'draft' });

	await addMember(db, ids.publishedEvent, users.organiser, { role: 'organiser' });
	await addMember(db, ids.publishedEvent, users.delegateRo, { role: 'delegate', countryCode: 'RO' });
	await addMember(db, ids.publishedEvent, users.delegateMd, { role: 'delegate', countryCode: 'MD' });
	const rapporteurMember = await addMember(db, ids.publishedEvent, users.rapporteur, { role: 'rapporteur' });
	const otherRapporteurMember = await addMember(db, ids.publishedEvent, users.otherRapporteur, { role: 'rapporteur' });
	await addMember(db, ids.publishedEvent, users.observer, { role: 'observer' });
	await addMember(db, ids.draftEvent, users.outsider, { role: 'delegate', countryCode: 'UA' });

	ids.sessionOne = await insertSession(ids.publishedEvent, 'Planning the workforce', 'live');
	ids.sessionTwo = await insertSession(ids.publishedEvent, 'Financing');
	ids.draftSession = await insertSession(ids.draftEvent, 'Draft session');
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		ids.sessionOne,
		rapporteurMember
	]);
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		ids.sessionTwo,
		otherRapporteurMember
	]);
	await db.query(
		`insert into public.session_people (session_id, role, name, affiliation) values ($1, 'chair', 'Ana Popescu', '{"en":"Ministry"}')`,
		[ids.sessionOne]
	);

	ids.indicatorOne = await insertIndicator(ids.publishedEvent, 'P1');
	ids.indicatorTwo = await insertIndicator(ids.publishedEvent, 'P2');
	ids.draftIndicator = await insertIndicator(ids.draftEvent, 'D1');
	ids.openRound = await insertRound(ids.publishedEvent, [ids.indicatorOne, ids.indicatorTwo], { status: 'open' });
	ids.secretRound = await insertRound(ids.publishedEvent, [ids.indicatorOne], { status: 'open', ballot: 'secret' });
	ids.draftRound = await insertRound(ids.publishedEvent, [ids.indicatorOne]);
	ids.closedRound = await insertRound(ids.publishedEvent, [ids.indicatorOne], { status: 'closed' });
	ids.otherEventRound = await insertRound(ids.draftEvent, [ids.draftIndicator], { status: 'open' });

	ids.draftingDocument = await insertDocument(ids.publishedEvent, 'drafting');
	ids.amendmentsDocument = await insertDocument(ids.publishedEvent, 'amendments');
	ids.frozenDocument = await insertDocument(ids.publishedEvent, 'frozen');
	ids.adoptedDocument = await insertDocument(ids.publishedEvent, 'adopted');
	ids.draftEventAdoptedDocument = await insertDocument(ids.draftEvent, 'adopted');
});

afterAll(async () => {
	await testDb?.close();
});

describe('anonymous visitors', () => {
	it('read only published events', async () => {
		const slugs = await asUser(db, null, async (tx) =>
			(await tx.query<{ slug: string }>(`select slug from public.events order by slug`)).rows.map((row) => row.slug)
		);
		expect(slugs).toEqual(['published-conference']);
	});

	it('read the public programme of a published event only', async () => {
		const sessions = await asUser(db, null, async (tx) =>
			(await tx.query<{ id: string }>(`select id from public.sessions`)).rows.map((row) => row.id)
		);
		expect(sessions.sort()).toEqual([ids.sessionOne, ids.sessionTwo].sort());
		const people = await asUser(db, null, (tx) =>
			tx.query(`select name from public.session_people where member_id is null`)
		);
		expect(people.rows).toEqual([{ name: 'Ana Popescu' }]);
		const indicators = await asUser(db, null, (tx) =>
			tx.query<{ code: string }>(`select code from public.indicators order by code`)
		);
		expect(indicators.rows.map((row) => row.code)).toEqual(['P1', 'P2']);
	});

	it('see no members, votes, rounds or unadopted documents', async () => {
		await castVote(users.delegateRo, ids.openRound, ids.indicatorOne, 'agree');
		const counts = await asUser(db, null, (tx) =>
			one<{ members: number; votes: number; rounds: number; documents: number }>(
				tx,
				`select (select count(*)::int from public.members) as members,
				        (select count(*)::int from public.votes) as votes,
				        (select count(*)::int from public.voting_rounds) as rounds,
				        (select count(*)::int from public.documents) as documents`
			)
		);
		expect(counts).toEqual({ members: 0, votes: 0, rounds: 0, documents: 1 });
	});

	it('cannot vote or write', async () => {
		await expect(castVote(null, ids.openRound, ids.indicatorOne, 'agree')).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(db, null, (tx) =>
				tx.query(
					`insert into public.events (slug, title, starts_on, ends_on) values ('anon-event', '{"en":"x"}', '2020-01-01', '2020-01-02')`
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('members', () => {
	it('see the other members of their event but not of other events', async () => {
		const seen = await asUser(db, users.delegateRo, (tx) =>
			tx.query<{ user_id: string }>(`select user_id from public.members`)
		);
		expect(seen.rows).toHaveLength(6);
		expect(seen.rows.map((row) => row.user_id)).not.toContain(users.outsider);
	});

	it('read their draft event, which outsiders do not see', async () => {
		const own = await asUser(db, users.outsider, (tx) =>
			tx.query(`select id from public.events where id = $1`, [ids.draftEvent])
		);
		expect(own.rows).toHaveLength(1);
		const others = await asUser(db, users.delegateRo, (tx) =>
			tx.query(`select id from public.events where id = $1`, [ids.draftEvent])
		);
		expect(others.rows).toHaveLength(0);
	});
});

describe('votes', () => {
	it('cannot be inserted, updated or deleted directly, not even for oneself', async () => {
		for (const voter of [users.delegateRo, users.delegateMd]) {
			await expect(
				asUser(db, users.delegateRo, (tx) =>
					tx.query(
						`insert into public.votes (round_id, indicator_id, voter_id, country_code, unit, choice)
						 values ($1, $2, $3, 'MD', $4, 'agree')`,
						[ids.openRound, ids.indicatorTwo, voter, `delegate:${voter}`]
					)
				)
			).rejects.toMatchObject({ code: '42501' });
		}
		await castVote(users.delegateMd, ids.openRound, ids.indicatorTwo, 'disagree');
		await expect(
			asUser(db, users.delegateRo, (tx) =>
				tx.query(`update public.votes set choice = 'agree' where voter_id = $1`, [users.delegateMd])
			)
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(db, users.delegateRo, (tx) => tx.query(`delete from public.votes where voter_id = $1`, [users.delegateMd]))
		).rejects.toMatchObject({ code: '42501' });
		const stored = await one<{ choice: string }>(
			db,
			`select choice from public.votes where round_id = $1 and indicator_id = $2 and voter_id = $3`,
			[ids.openRound, ids.indicatorTwo, users.delegateMd]
		);
		expect(stored.choice).toBe('disagree');
	});

	it("are cast in the caller's own name, once per indicator, changeable while open", async () => {
		const first = await castVote(users.delegateRo, ids.openRound, ids.indicatorTwo, 'reservations');
		expect(first.voter_id).toBe(users.delegateRo);
		const changed = await castVote(users.delegateRo, ids.openRound, ids.indicatorTwo, 'agree');
		expect(changed.id).toBe(first.id);
		expect(changed.choice).toBe('agree');
		const mine = await one<{ n: number }>(
			db,
			`select count(*)::int as n from public.votes where round_id = $1 and indicator_id = $2 and voter_id = $3`,
			[ids.openRound, ids.indicatorTwo, users.delegateRo]
		);
		expect(mine.n).toBe(1);
	});

	it('are refused in a closed or draft round, in another event, and from non-delegates', async () => {
		await expect(castVote(users.delegateRo, ids.closedRound, ids.indicatorOne, 'agree')).rejects.toMatchObject({
			code: 'AC001'
		});
		await expect(castVote(users.delegateRo, ids.draftRound, ids.indicatorOne, 'agree')).rejects.toMatchObject({
			code: 'AC001'
		});
		// a round of an event one is not a member of is "not found", like one that does not exist
		await expect(castVote(users.delegateRo, ids.otherEventRound, ids.draftIndicator, 'agree')).rejects.toMatchObject({
			code: 'P0002'
		});
		await expect(castVote(users.outsider, ids.openRound, ids.indicatorOne, 'agree')).rejects.toMatchObject({
			code: 'P0002'
		});
		await expect(castVote(users.observer, ids.openRound, ids.indicatorOne, 'agree')).rejects.toMatchObject({
			code: '42501'
		});
		await expect(castVote(users.organiser, ids.openRound, ids.indicatorOne, 'agree')).rejects.toMatchObject({
			code: '42501'
		});
		await expect(castVote(users.delegateRo, ids.openRound, ids.draftIndicator, 'agree')).rejects.toMatchObject({
			code: 'AC002'
		});
		await expect(castVote(users.delegateRo, ids.openRound, ids.indicatorOne, 'block')).rejects.toMatchObject({
			code: 'AC003'
		});
	});

	it('can be retracted while the round is open, not after', async () => {
		await castVote(users.delegateMd, ids.openRound, ids.indicatorOne, 'abstain');
		const retracted = await asUser(db, users.delegateMd, (tx) =>
			one<{ retract_vote: boolean }>(tx, `select public.retract_vote($1, $2)`, [ids.openRound, ids.indicatorOne])
		);
		expect(retracted.retract_vote).toBe(true);
		const again = await asUser(db, users.delegateMd, (tx) =>
			one<{ retract_vote: boolean }>(tx, `select public.retract_vote($1, $2)`, [ids.openRound, ids.indicatorOne])
		);
		expect(again.retract_vote).toBe(false);
		await expect(
			asUser(db, users.delegateMd, (tx) =>
				tx.query(`select public.retract_vote($1, $2)`, [ids.closedRound, ids.indicatorOne])
			)
		).rejects.toMatchObject({ code: 'AC001' });
	});

	it('of a secret round are readable only by their voter; of an open live round by every participant', async () => {
		await castVote(users.delegateRo, ids.secretRound, ids.indicatorOne, 'agree');
		await castVote(users.delegateMd, ids.secretRound, ids.indicatorOne, 'disagree');
		const votersSeenBy = async (userId: string, roundId: string) =>
			asUser(db, userId, async (tx) =>
				(
					await tx.query<{ voter_id: string }>(
						`select voter_id from public.votes where round_id = $1 order by voter_id`,
						[roundId]
					)
				).rows.map((row) => row.voter_id)
			);
		expect(await votersSeenBy(users.delegateRo, ids.secretRound)).toEqual([users.delegateRo]);
		expect(await votersSeenBy(users.delegateMd, ids.secretRound)).toEqual([users.delegateMd]);
		expect(await votersSeenBy(users.organiser, ids.secretRound)).toEqual([]);
		expect(await votersSeenBy(users.observer, ids.secretRound)).toEqual([]);

		const openRoundVoters = new Set(await votersSeenBy(users.rapporteur, ids.openRound));
		expect(openRoundVoters).toEqual(new Set([users.delegateRo, users.delegateMd]));
		// observers read nothing in progress (DESIGN §4.2)
		expect(await votersSeenBy(users.observer, ids.openRound)).toEqual([]);
		expect(await votersSeenBy(users.outsider, ids.openRound)).toEqual([]);
	});
});

describe('session summaries', () => {
	const upsertSummary = (userId: string, sessionId: string, text: string) =>
		asUser(db, userId, (tx) =>
			tx.query(
				`insert into public.session_summaries (session_id, body, published_at) values ($1, $2, now())
				 on conflict (session_id) do update set body = excluded.body`,
				[sessionId, JSON.stringify({ en: text })]
			)
		);

	it("are written by the session's own rapporteur, who is recorded as publisher", async () => {
		await upsertSummary(users.rapporteur, ids.sessionOne, 'Key points of session one');
		const row = await one<{ body: { en: string }; published_by: string }>(
			db,
			`select body, published_by from public.session_summaries where session_id = $1`,
			[ids.sessionOne]
		);
		expect(row).toEqual({ body: { en: 'Key points of session one' }, published_by: users.rapporteur });
	});

	it('cannot be written by a rapporteur of another session or by a delegate', async () => {
		await expect(upsertSummary(users.rapporteur, ids.sessionTwo, 'Not mine')).rejects.toMatchObject({ code: '42501' });
		await expect(upsertSummary(users.delegateRo, ids.sessionTwo, 'Not mine')).rejects.toMatchObject({ code: '42501' });
		const updated = await asUser(db, users.otherRapporteur, (tx) =>
			tx.query(`update public.session_summaries set body = '{"en":"Overwritten"}' where session_id = $1`, [
				ids.sessionOne
			])
		);
		expect(updated.affectedRows).toBe(0);
		const row = await one<{ body: { en: string } }>(
			db,
			`select body from public.session_summaries where session_id = $1`,
			[ids.sessionOne]
		);
		expect(row.body.en).toBe('Key points of session one');
	});

	it('are public once published, for a public event', async () => {
		const seen = await asUser(db, null, (tx) => tx.query(`select session_id from public.session_summaries`));
		expect(seen.rows).toEqual([{ session_id: ids.sessionOne }]);
		await db.query(`update public.session_summaries set published_at = null where session_id = $1`, [ids.sessionOne]);
		const hidden = await asUser(db, null, (tx) => tx.query(`select session_id from public.session_summaries`));
		expect(hidden.rows).toEqual([]);
		const members = await asUser(db, users.delegateRo, (tx) =>
			tx.query(`select session_id from public.session_summaries`)
		);
		expect(members.rows).toHaveLength(1);
		const observers = await asUser(db, users.observer, (tx) =>
			tx.query(`select session_id from public.session_summaries`)
		);
		expect(observers.rows).toEqual([]);
		await db.query(`update public.session_summaries set published_at = now() where session_id = $1`, [ids.sessionOne]);
	});
});

describe('organiser-only changes', () => {
	it('sessions: delegates and rapporteurs change nothing, organisers do', async () => {
		for (const userId of [users.delegateRo, users.rapporteur, users.outsider]) {
			const result = await asUser(db, userId, (tx) =>
				tx.query(`update public.sessions set room = 'Hall B' where id = $1`, [ids.sessionOne])
			);
			expect(result.affectedRows).toBe(0);
		}
		const byOrganiser = await asUser(db, users.organiser, (tx) =>
			tx.query(`update public.sessions set room = 'Hall A' where id = $1`, [ids.sessionOne])
		);
		expect(byOrganiser.affectedRows).toBe(1);
		await expect(
			asUser(db, users.delegateRo, (tx) =>
				tx.query(
					`insert into public.sessions (event_id, starts_at, ends_at, format, title)
					 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Mine"}')`,
					[ids.publishedEvent]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});

	it('members: only organisers add, change or remove them', async () => {
		const newcomer = await createUser(db);
		await expect(
			asUser(db, users.delegateRo, (tx) =>
				tx.query(
					`insert into public.members (event_id, user_id, role, display_name) values ($1, $2, 'delegate', 'Friend')`,
					[ids.publishedEvent, newcomer]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
		const promoted = await asUser(db, users.delegateRo, (tx) =>
			tx.query(`update public.members set role = 'organiser' where user_id = $1`, [users.delegateRo])
		);
		expect(promoted.affectedRows).toBe(0);
		const added = await asUser(db, users.organiser, (tx) =>
			tx.query(
				`insert into public.members (event_id, user_id, role, display_name) values ($1, $2, 'observer', 'Guest')`,
				[ids.publishedEvent, newcomer]
			)
		);
		expect(added.affectedRows).toBe(1);
		const removed = await asUser(db, users.organiser, (tx) =>
			tx.query(`delete from public.members where user_id = $1`, [newcomer])
		);
		expect(removed.affectedRows).toBe(1);
	});

	it('indicators: only organisers define them', async () => {
		await expect(
			asUser(db, users.delegateRo, (tx) =>
				tx.query(
					`insert into public.indicators (event_id, code, domain, title) values ($1, 'X9', 'planning', '{"en":"x"}')`,
					[ids.publishedEvent]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
		const changed = await asUser(db, users.delegateRo, (tx) =>
			tx.query(`update public.indicators set position = 9 where id = $1`, [ids.indicatorOne])
		);
		expect(changed.affectedRows).toBe(0);
		const inserted = await asUser(db, users.organiser, (tx) =>
			tx.query(
				`insert into public.indicators (event_id, code, domain, title) values ($1, 'S1', 'supporting', '{"en":"Supervision"}')`,
				[ids.publishedEvent]
			)
		);
		expect(inserted.affectedRows).toBe(1);
	});

	it('rounds: only organisers create, open and close them, draft → open → closed only', async () => {
		await expect(
			asUser(db, users.delegateRo, (tx) =>
				tx.query(`insert into public.voting_rounds (event_id, title) values ($1, '{"en":"Mine"}')`, [
					ids.publishedEvent
				])
			)
		).rejects.toMatchObject({ code: '42501' });
		const round = await asUser(db, users.organiser, (tx) =>
			one<{ id: string }>(
				tx,
				`insert into public.voting_rounds (event_id, title) values ($1, '{"en":"Day 3"}') returning id`,
				[ids.publishedEvent]
			)
		);
		await expect(
			asUser(db, users.organiser, (tx) => tx.query(`select public.open_round($1)`, [round.id]))
		).rejects.toMatchObject({
			code: 'AC006'
		});
		await asUser(db, users.organiser, (tx) =>
			tx.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [
				round.id,
				ids.indicatorOne
			])
		);
		await expect(
			asUser(db, users.delegateRo, (tx) => tx.query(`select public.open_round($1)`, [round.id]))
		).rejects.toMatchObject({
			code: '42501'
		});
		await expect(
			asUser(db, users.organiser, (tx) => tx.query(`select public.close_round($1)`, [round.id]))
		).rejects.toMatchObject({
			code: 'AC005'
		});
		const opened = await asUser(db, users.organiser, (tx) =>
			one<{ status: string; opened_at: string | null }>(tx, `select status, opened_at from public.open_round($1)`, [
				round.id
			])
		);
		expect(opened.status).toBe('open');
		expect(opened.opened_at).not.toBeNull();
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`update public.voting_rounds set quorum_percent = 10 where id = $1`, [round.id])
			)
		).rejects.toMatchObject({ code: 'AC008' });
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`delete from public.round_indicators where round_id = $1`, [round.id])
			)
		).rejects.toMatchObject({ code: 'AC008' });
		await expect(
			asUser(db, users.delegateRo, (tx) => tx.query(`select public.close_round($1)`, [round.id]))
		).rejects.toMatchObject({
			code: '42501'
		});
		await asUser(db, users.organiser, (tx) => tx.query(`select public.close_round($1)`, [round.id]));
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`update public.voting_rounds set status = 'open' where id = $1`, [round.id])
			)
		).rejects.toMatchObject({ code: 'AC005' });
		await expect(
			asUser(db, users.organiser, (tx) => tx.query(`select public.open_round($1)`, [round.id]))
		).rejects.toMatchObject({
			code: 'AC005'
		});
	});
});

describe('audit log', () => {
	it('records organiser actions, round changes and votes, readable by organisers only', async () => {
		await asUser(db, users.organiser, (tx) =>
			tx.query(`update public.sessions set status = 'closed' where id = $1`, [ids.sessionTwo])
		);
		const entries = await asUser(db, users.organiser, (tx) =>
			tx.query<{ actor: string; action: string; object_id: string }>(
				`select actor, action, object_id from public.audit_log where event_id = $1 order by id`,
				[ids.publishedEvent]
			)
		);
		const actions = entries.rows.map((row) => row.action);
		expect(entries.rows).toContainEqual({
			actor: users.organiser,
			action: 'sessions.closed',
			object_id: ids.sessionTwo
		});
		expect(actions).toContain('votes.cast');
		expect(actions).toContain('votes.change');
		expect(actions).toContain('votes.retract');
		expect(actions).toContain('voting_rounds.open');
		expect(actions).toContain('voting_rounds.closed');
		expect(actions).toContain('members.insert');

		const delegateView = await asUser(db, users.delegateRo, (tx) => tx.query(`select id from public.audit_log`));
		expect(delegateView.rows).toEqual([]);
	});

	it('does not reveal secret ballot choices', async () => {
		const secretEntries = await one<{ n: number }>(
			db,
			`select count(*)::int as n from public.audit_log where action like 'votes.%' and details->>'round_id' = $1 and details ? 'choice'`,
			[ids.secretRound]
		);
		expect(secretEntries.n).toBe(0);
		const openEntries = await one<{ n: number }>(
			db,
			`select count(*)::int as n from public.audit_log where action = 'votes.cast' and details->>'round_id' = $1 and details ? 'choice'`,
			[ids.openRound]
		);
		expect(openEntries.n).toBeGreaterThan(0);
	});

	it('cannot be changed or deleted by anyone', async () => {
		await expect(asUser(db, users.organiser, (tx) => tx.query(`delete from public.audit_log`))).rejects.toMatchObject({
			code: '42501'
		});
		await expect(
			asUser(db, users.organiser, (tx) => tx.query(`update public.audit_log set action = 'x'`))
		).rejects.toMatchObject({
			code: '42501'
		});
		await expect(db.query(`delete from public.audit_log`)).rejects.toMatchObject({ code: '42501' });
		await expect(db.query(`update public.audit_log set action = 'rewritten'`)).rejects.toMatchObject({ code: '42501' });
		await expect(db.query(`truncate public.audit_log`)).rejects.toMatchObject({ code: '42501' });
		const remaining = await one<{ n: number }>(db, `select count(*)::int as n from public.audit_log`);
		expect(remaining.n).toBeGreaterThan(0);
	});
});

describe('collab_access', () => {
	const access = async (doc: string | null, userId: string | null) =>
		(await one<{ access: string }>(db, `select public.collab_access($1, $2) as access`, [doc, userId])).access;

	it('Call to Action while drafting: participants write, observers and outsiders none', async () => {
		const doc = `cta:${ids.draftingDocument}:en`;
		expect(await access(doc, users.organiser)).toBe('write');
		expect(await access(doc, users.delegateRo)).toBe('write');
		expect(await access(doc, users.rapporteur)).toBe('write');
		expect(await access(doc, users.observer)).toBe('none');
		expect(await access(doc, users.outsider)).toBe('none');
		expect(await access(doc, null)).toBe('none');
	});

	it('Call to Action in amendment mode: every participant reads, organisers included (amendments change it)', async () => {
		const doc = `cta:${ids.amendmentsDocument}:ro`;
		expect(await access(doc, users.organiser)).toBe('read');
		expect(await access(doc, users.delegateRo)).toBe('read');
		expect(await access(doc, users.rapporteur)).toBe('read');
		expect(await access(doc, users.observer)).toBe('none');
		expect(await access(doc, users.outsider)).toBe('none');
	});

	it('frozen Call to Action: read-only for every participant, none for observers and outsiders', async () => {
		const doc = `cta:${ids.frozenDocument}:ru`;
		for (const userId of [users.organiser, users.delegateRo, users.rapporteur]) {
			expect(await access(doc, userId)).toBe('read');
		}
		expect(await access(doc, users.observer)).toBe('none');
		expect(await access(doc, users.outsider)).toBe('none');
		expect(await access(doc, null)).toBe('none');
	});

	it('adopted Call to Action: read for everyone when the event is public, members only otherwise', async () => {
		const doc = `cta:${ids.adoptedDocument}:en`;
		for (const userId of [users.organiser, users.delegateRo, users.observer, users.outsider, null]) {
			expect(await access(doc, userId)).toBe('read');
		}
		const unpublished = `cta:${ids.draftEventAdoptedDocument}:en`;
		expect(await access(unpublished, users.outsider)).toBe('read');
		expect(await access(unpublished, users.delegateRo)).toBe('none');
		expect(await access(unpublished, null)).toBe('none');
	});

	it('session notes: its rapporteurs and organisers write until closed, members read', async () => {
		const live = `notes:${ids.sessionOne}`;
		expect(await access(live, users.rapporteur)).toBe('write');
		expect(await access(live, users.organiser)).toBe('write');
		expect(await access(live, users.otherRapporteur)).toBe('read');
		expect(await access(live, users.delegateRo)).toBe('read');
		expect(await access(live, users.observer)).toBe('read');

		const closed = `notes:${ids.sessionTwo}`;
		expect(await access(closed, users.otherRapporteur)).toBe('read');
		expect(await access(closed, users.organiser)).toBe('read');
	});

	it('session notes for non-members: read only with a published summary of a public event', async () => {
		expect(await access(`notes:${ids.sessionOne}`, users.outsider)).toBe('read');
		expect(await access(`notes:${ids.sessionOne}`, null)).toBe('read');
		expect(await access(`notes:${ids.sessionTwo}`, null)).toBe('none');
		expect(await access(`notes:${ids.draftSession}`, users.delegateRo)).toBe('none');
		expect(await access(`notes:${ids.draftSession}`, users.outsider)).toBe('read');
	});

	it('a language the event does not work in: none', async () => {
		const eventId = await createEvent(db, { slug: 'two-language-event', status: 'published' });
		await db.query(`update public.events set languages = '{en,ro}' where id = $1`, [eventId]);
		await addMember(db, eventId, users.organiser, { role: 'organiser' });
		const documentId = await insertDocument(eventId, 'drafting');
		expect(await access(`cta:${documentId}:ro`, users.organiser)).toBe('write');
		expect(await access(`cta:${documentId}:ru`, users.organiser)).toBe('none');
	});

	it('malformed or unknown names: none', async () => {
		for (const doc of [
			'',
			null,
			'cta',
			`cta:${ids.draftingDocument}`,
			`cta:${ids.draftingDocument}:de`,
			`cta:${ids.draftingDocument}:en:extra`,
			`CTA:${ids.draftingDocument}:en`,
			`cta:${ids.draftingDocument.toUpperCase()}:en`,
			'cta:not-a-uuid:en',
			`notes:${ids.sessionOne} `,
			`notes:${ids.sessionOne}:en`,
			`notes:${ids.draftingDocument}`,
			`cta:${ids.sessionOne}:en`,
			`sheet:${ids.sessionOne}`
		]) {
			expect(await access(doc, users.organiser), String(doc)).toBe('none');
		}
	});

	it('is not callable through the API', async () => {
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`select public.collab_access($1, $2)`, [`notes:${ids.sessionOne}`, users.organiser])
			)
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(db, null, (tx) =>
				tx.query(`select public.collab_access($1, $2)`, [`notes:${ids.sessionOne}`, users.organiser])
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});
