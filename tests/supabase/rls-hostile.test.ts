// Issue 7, "ballot secrecy and who sees what", beyond voting (tally.test.ts has those):
// each case is an attack that worked on the first schema and is refused now — curators
// rewriting people's words, observers reading work in progress, security definer
// helpers answering about rows the caller cannot read, event creation outside the
// instance's allow-list, organisers overwriting a member's profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase, Queryable } from '../../src/lib/server/db/sql-client.ts';
import {
	addMember,
	asServiceRole,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

let testDb: TestDatabase;
let db: SqlDatabase;
const users = { organiser: '', delegate: '', otherDelegate: '', rapporteur: '', observer: '', draftMember: '' };
const members = { delegate: '', otherDelegate: '', rapporteur: '' };
const ids = {
	event: '',
	draftEvent: '',
	session: '',
	otherSession: '',
	draftSession: '',
	draftDocument: '',
	adoptedDocument: '',
	amendmentsDocument: '',
	openRound: '',
	closedRound: '',
	indicator: ''
};

async function one<T>(tx: Queryable, sql: string, params: unknown[] = []): Promise<T> {
	const { rows } = await tx.query<T>(sql, params);
	if (rows.length !== 1) throw new Error(`expected one row from: ${sql}`);
	return rows[0]!;
}

const insertId = async (sql: string, params: unknown[]) => (await one<{ id: string }>(db, sql, params)).id;

const sessionSql = `insert into public.sessions (event_id, starts_at, ends_at, format, title)
	values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Session"}') returning id`;

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(db, { email: `${name}@example.test` });
	}
	ids.event = await createEvent(db, { status: 'published' });
	ids.draftEvent = await createEvent(db, { status: 'draft' });
	await addMember(db, ids.event, users.organiser, { role: 'organiser' });
	members.delegate = await addMember(db, ids.event, users.delegate, { role: 'delegate', countryCode: 'RO' });
	members.otherDelegate = await addMember(db, ids.event, users.otherDelegate, { role: 'delegate', countryCode: 'MD' });
	members.rapporteur = await addMember(db, ids.event, users.rapporteur, { role: 'rapporteur' });
	await addMember(db, ids.event, users.observer, { role: 'observer' });
	await addMember(db, ids.draftEvent, users.draftMember, { role: 'organiser' });
	await addMember(db, ids.draftEvent, users.observer, { role: 'observer' });

	ids.session = await insertId(sessionSql, [ids.event]);
	ids.otherSession = await insertId(sessionSql, [ids.event]);
	ids.draftSession = await insertId(sessionSql, [ids.draftEvent]);
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		ids.session,
		members.rapporteur
	]);
	const documentSql = `insert into public.documents (event_id, title, status) values ($1, '{"en":"Call to Action"}', $2) returning id`;
	ids.draftDocument = await insertId(documentSql, [ids.event, 'drafting']);
	ids.adoptedDocument = await insertId(documentSql, [ids.event, 'adopted']);
	ids.amendmentsDocument = await insertId(documentSql, [ids.event, 'amendments']);
	await db.query(
		`insert into public.session_summaries (session_id, body) values ($1, '{"en":"Draft summary"}'), ($2, '{"en":"Published"}')`,
		[ids.session, ids.otherSession]
	);
	await db.query(`update public.session_summaries set published_at = now() where session_id = $1`, [ids.otherSession]);

	ids.indicator = await insertId(
		`insert into public.indicators (event_id, code, domain, title) values ($1, 'P1', 'planning', '{"en":"P1"}') returning id`,
		[ids.event]
	);
	for (const key of ['openRound', 'closedRound'] as const) {
		ids[key] = await insertId(
			`insert into public.voting_rounds (event_id, title, results_visibility) values ($1, '{"en":"Round"}', 'live') returning id`,
			[ids.event]
		);
		await db.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [
			ids[key],
			ids.indicator
		]);
		await db.query(`update public.voting_rounds set status = 'open' where id = $1`, [ids[key]]);
	}
	await asUser(db, users.delegate, (tx) =>
		tx.query(`select public.cast_vote($1, $2, 'agree')`, [ids.openRound, ids.indicator])
	);
	await asUser(db, users.delegate, (tx) =>
		tx.query(`select public.cast_vote($1, $2, 'disagree')`, [ids.closedRound, ids.indicator])
	);
	await db.query(`update public.voting_rounds set status = 'closed' where id = $1`, [ids.closedRound]);
});

afterAll(async () => {
	await testDb?.close();
});

async function propose(text: string): Promise<string> {
	return asUser(
		db,
		users.delegate,
		async (tx) =>
			(
				await one<{ id: string }>(
					tx,
					`insert into public.recommendations (session_id, author_id, text, language) values ($1, $2, $3, 'en') returning id`,
					[ids.session, members.delegate, text]
				)
			).id
	);
}

describe('curating recommendations', () => {
	it("a rapporteur or organiser cannot rewrite a delegate's recommendation or its author", async () => {
		const id = await propose('Fund supervision for front-line workers');
		for (const curator of [users.rapporteur, users.organiser]) {
			await expect(
				asUser(db, curator, (tx) =>
					tx.query(`update public.recommendations set text = 'Cut supervision' where id = $1`, [id])
				)
			).rejects.toMatchObject({ code: '42501', hint: 'recommendation_text_authors_only' });
		}
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`update public.recommendations set author_id = $2 where id = $1`, [id, members.otherDelegate])
			)
		).rejects.toMatchObject({ code: '42501', hint: 'recommendation_fixed' });
		const accepted = await asUser(db, users.rapporteur, (tx) =>
			tx.query(`update public.recommendations set status = 'accepted' where id = $1`, [id])
		);
		expect(accepted.affectedRows).toBe(1);
		const stored = await one<{ text: string; author_id: string; status: string }>(
			db,
			`select text, author_id, status from public.recommendations where id = $1`,
			[id]
		);
		expect(stored).toEqual({
			text: 'Fund supervision for front-line workers',
			author_id: members.delegate,
			status: 'accepted'
		});
	});

	it('a proposed recommendation stays in its session, even for its author', async () => {
		const id = await propose('Map the workforce');
		await expect(
			asUser(db, users.delegate, (tx) =>
				tx.query(`update public.recommendations set session_id = $2 where id = $1`, [id, ids.otherSession])
			)
		).rejects.toMatchObject({ code: '42501', hint: 'recommendation_fixed' });
		const reworded = await asUser(db, users.delegate, (tx) =>
			tx.query(`update public.recommendations set text = 'Map the whole workforce' where id = $1`, [id])
		);
		expect(reworded.affectedRows).toBe(1);
	});
});

describe('amendments', () => {
	it("nobody but its author rewrites an amendment's proposed text", async () => {
		const id = await asUser(
			db,
			users.delegate,
			async (tx) =>
				(
					await one<{ id: string }>(
						tx,
						`insert into public.amendments (document_id, block_id, language, proposed_text, author_id)
					 values ($1, 'b1', 'en', 'Invest in supervision', $2) returning id`,
						[ids.amendmentsDocument, members.delegate]
					)
				).id
		);
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`update public.amendments set proposed_text = 'Invest in nothing' where id = $1`, [id])
			)
		).rejects.toMatchObject({ code: '42501', hint: 'amendment_text_authors_only' });
		const revised = await asUser(db, users.delegate, (tx) =>
			tx.query(`update public.amendments set proposed_text = 'Invest in supervision and mentoring' where id = $1`, [id])
		);
		expect(revised.affectedRows).toBe(1);
		const byOther = await asUser(db, users.otherDelegate, (tx) =>
			tx.query(`update public.amendments set proposed_text = 'Mine now' where id = $1`, [id])
		);
		expect(byOther.affectedRows).toBe(0);
		await expect(
			asUser(db, users.delegate, (tx) =>
				tx.query(`update public.amendments set status = 'accepted' where id = $1`, [id])
			)
		).rejects.toMatchObject({ code: '42501' });
		const decided = await asUser(db, users.organiser, (tx) =>
			tx.query(`update public.amendments set status = 'accepted', reason = 'Agreed in plenary' where id = $1`, [id])
		);
		expect(decided.affectedRows).toBe(1);
		const stored = await one<{ proposed_text: string }>(
			db,
			`select proposed_text from public.amendments where id = $1`,
			[id]
		);
		expect(stored.proposed_text).toBe('Invest in supervision and mentoring');
	});
});

describe('observers', () => {
	const countAs = (userId: string, sql: string, params: unknown[] = []) =>
		asUser(db, userId, async (tx) => (await one<{ n: number }>(tx, `select count(*)::int as n from ${sql}`, params)).n);

	it('read no member details but their own, no boards, amendments or endorsements', async () => {
		await propose('Observers should not read this yet');
		expect(await countAs(users.observer, `public.members where event_id = $1`, [ids.event])).toBe(1);
		expect(await countAs(users.observer, `public.recommendations`)).toBe(0);
		expect(await countAs(users.observer, `public.amendments`)).toBe(0);
		expect(await countAs(users.delegate, `public.members where event_id = $1`, [ids.event])).toBe(5);
	});

	it('read the adopted outcome and published summaries, not drafts', async () => {
		const documents = await asUser(db, users.observer, (tx) =>
			tx.query<{ id: string }>(`select id from public.documents`)
		);
		expect(documents.rows).toEqual([{ id: ids.adoptedDocument }]);
		const summaries = await asUser(db, users.observer, (tx) =>
			tx.query<{ session_id: string }>(`select session_id from public.session_summaries`)
		);
		expect(summaries.rows).toEqual([{ session_id: ids.otherSession }]);
	});

	it('read closed rounds and their open-ballot votes, nothing of an open round', async () => {
		const rounds = await asUser(db, users.observer, (tx) =>
			tx.query<{ id: string }>(`select id from public.voting_rounds`)
		);
		expect(rounds.rows).toEqual([{ id: ids.closedRound }]);
		expect(await countAs(users.observer, `public.round_indicators where round_id = $1`, [ids.openRound])).toBe(0);
		const votes = await asUser(db, users.observer, (tx) =>
			tx.query<{ round_id: string; choice: string }>(`select round_id, choice from public.votes`)
		);
		expect(votes.rows).toEqual([{ round_id: ids.closedRound, choice: 'disagree' }]);
		expect(await countAs(users.otherDelegate, `public.votes where round_id = $1`, [ids.openRound])).toBe(1);
	});

	it("do not read a draft event's programme", async () => {
		expect(await countAs(users.observer, `public.sessions where event_id = $1`, [ids.draftEvent])).toBe(0);
		const people = await asUser(db, users.observer, (tx) =>
			tx.query(`select * from public.programme_people($1)`, [ids.draftEvent])
		);
		expect(people.rows).toEqual([]);
		expect(await countAs(users.draftMember, `public.sessions where event_id = $1`, [ids.draftEvent])).toBe(1);
	});
});

describe('security definer helpers', () => {
	it('name no event of a session, document, recommendation, amendment or round the caller cannot read', async () => {
		const recommendation = await propose('Hidden from strangers');
		const stranger = await createUser(db);
		for (const caller of [null, stranger]) {
			const answers = await asUser(db, caller, (tx) =>
				one<Record<string, unknown>>(
					tx,
					`select public.session_event_id($1) as draft_session,
					        public.document_event_id($2) as draft_document,
					        public.document_in_amendment_mode($3) as amendment_mode,
					        public.recommendation_event_id($4) as recommendation,
					        public.amendment_event_id(gen_random_uuid()) as amendment`,
					[ids.draftSession, ids.draftDocument, ids.amendmentsDocument, recommendation]
				)
			);
			expect(answers).toEqual({
				draft_session: null,
				draft_document: null,
				amendment_mode: false,
				recommendation: null,
				amendment: null
			});
		}
		const roundAnswers = await asUser(db, stranger, (tx) =>
			one<Record<string, unknown>>(
				tx,
				`select public.round_event_id($1) as event, public.round_results_visible($1) as visible`,
				[ids.closedRound]
			)
		);
		expect(roundAnswers).toEqual({ event: null, visible: false });
		// a participant still gets the answers the policies rely on
		const participant = await asUser(db, users.delegate, (tx) =>
			one<Record<string, unknown>>(tx, `select public.session_event_id($1) as event`, [ids.session])
		);
		expect(participant.event).toBe(ids.event);
	});

	it('a stranger cannot tell an existing round from a missing one', async () => {
		const stranger = await createUser(db);
		for (const sql of [
			`select * from public.round_tally($1)`,
			`select * from public.round_turnout($1)`,
			`select public.cast_vote($1, gen_random_uuid(), 'agree')`,
			`select public.close_round($1)`
		]) {
			for (const roundId of [ids.openRound, '00000000-0000-4000-8000-000000000000']) {
				await expect(
					asUser(db, stranger, (tx) => tx.query(sql, [roundId])),
					sql
				).rejects.toMatchObject({
					code: 'P0002'
				});
			}
		}
	});

	it('every security definer function anonymous callers can execute has been audited', async () => {
		// Adding one? Make it answer only about rows the caller may read, then list it here.
		const { rows } = await db.query<{ name: string }>(
			`select p.proname as name
			 from pg_proc as p join pg_namespace as n on n.oid = p.pronamespace
			 where n.nspname = 'public' and p.prosecdef and p.prorettype <> 'trigger'::regtype
			   and has_function_privilege('anon', p.oid, 'execute')
			 order by 1`
		);
		expect(rows.map((row) => row.name)).toEqual(
			expect.arrayContaining([
				'amendment_event_id',
				'can_read_event',
				'document_event_id',
				'document_in_amendment_mode',
				'event_delegate_counts',
				'is_member',
				'is_organiser',
				'is_participant',
				'is_public_event',
				'is_session_rapporteur',
				'member_role',
				'my_member_id',
				'programme_people',
				'recommendation_event_id',
				'round_event_id',
				'session_event_id'
			])
		);
		const audited = new Set([
			'amendment_event_id',
			'can_read_event',
			'document_event_id',
			'document_in_amendment_mode',
			'event_context',
			'event_delegate_counts',
			'is_member',
			'is_organiser',
			'is_participant',
			'is_public_event',
			'is_session_rapporteur',
			'member_role',
			'my_member_id',
			'programme_people',
			'recommendation_event_id',
			'round_event_id',
			'session_event_id',
			// 'write', 'read' or 'none' as collab_access answers: 'none' for a session the caller
			// cannot read and for one that does not exist alike.
			'session_notes_access',
			// raises insufficient_privilege unless collab_access grants read or write
			'session_notes_state'
		]);
		expect(rows.map((row) => row.name).filter((name) => !audited.has(name))).toEqual([]);
	});
});

describe('creating events', () => {
	const createAs = (userId: string, slug: string) =>
		asUser(db, userId, (tx) =>
			tx.query(
				`insert into public.events (slug, title, starts_on, ends_on, created_by) values ($1, '{"en":"Mine"}', '2026-01-01', '2026-01-02', $2)`,
				[slug, userId]
			)
		);

	it('follows the instance setting: an allow-list of addresses and domains, written by the service role only', async () => {
		const ministry = await createUser(db, { email: 'Director@Gov.Example' });
		const colleague = await createUser(db, { email: 'ana@gov.example' });
		const named = await createUser(db, { email: 'ion@ngo.example' });
		const unconfirmed = await createUser(db, { email: 'mallory@gov.example' });
		await db.query(`update auth.users set email_confirmed_at = null where id = $1`, [unconfirmed]);

		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`update public.instance_settings set event_creators = 'anyone_signed_in'`)
			)
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`insert into public.event_creator_allow_list (entry) values ('evil.example')`)
			)
		).rejects.toMatchObject({ code: '42501' });

		await asServiceRole(db, async (tx) => {
			await tx.query(`update public.instance_settings set event_creators = 'allow_list'`);
			await tx.query(`insert into public.event_creator_allow_list (entry) values ('gov.example'), ('ion@ngo.example')`);
		});
		try {
			await expect(createAs(users.delegate, 'not-allowed')).rejects.toMatchObject({ code: '42501' });
			await expect(createAs(unconfirmed, 'unconfirmed-address')).rejects.toMatchObject({ code: '42501' });
			for (const [userId, slug] of [
				[ministry, 'ministry-event'],
				[colleague, 'colleague-event'],
				[named, 'named-event']
			] as const) {
				expect((await createAs(userId, slug)).affectedRows).toBe(1);
			}
			const can = await asUser(db, users.delegate, (tx) =>
				one<{ ok: boolean }>(tx, `select public.can_create_events() as ok`)
			);
			expect(can.ok).toBe(false);
		} finally {
			await asServiceRole(db, (tx) =>
				tx.query(`update public.instance_settings set event_creators = 'anyone_signed_in'`)
			);
		}
		expect((await createAs(users.delegate, 'open-again')).affectedRows).toBe(1);
	});
});

describe('membership', () => {
	it('adding someone notifies them, and only they read it', async () => {
		const newcomer = await createUser(db);
		await asUser(db, users.organiser, (tx) =>
			tx.query(
				`insert into public.members (event_id, user_id, role, display_name) values ($1, $2, 'delegate', 'Ana')`,
				[ids.event, newcomer]
			)
		);
		const mine = await asUser(db, newcomer, (tx) =>
			tx.query<{ kind: string; event_id: string; details: Record<string, unknown> }>(
				`select kind, event_id, details from public.notifications`
			)
		);
		expect(mine.rows).toEqual([
			{ kind: 'member_added', event_id: ids.event, details: { role: 'delegate', added_by: users.organiser } }
		]);
		expect(
			await asUser(db, users.organiser, (tx) =>
				tx.query(`select id from public.notifications where user_id = $1`, [newcomer])
			)
		).toMatchObject({ rows: [] });
		const read = await asUser(db, newcomer, (tx) => tx.query(`update public.notifications set read_at = now()`));
		expect(read.affectedRows).toBe(1);
		await expect(
			asUser(db, newcomer, (tx) => tx.query(`update public.notifications set kind = 'other'`))
		).rejects.toMatchObject({ code: '42501' });
	});

	it("an organiser cannot overwrite a joined member's profile, nor hand the membership to someone else", async () => {
		await asUser(db, users.otherDelegate, (tx) => tx.query(`select public.join_event($1)`, [ids.event]));
		for (const change of [
			`display_name = 'Renamed'`,
			`organisation = 'Other ministry'`,
			`sector = 'justice'`,
			`preferred_language = 'ru'`
		]) {
			await expect(
				asUser(db, users.organiser, (tx) =>
					tx.query(`update public.members set ${change} where id = $1`, [members.otherDelegate])
				),
				change
			).rejects.toMatchObject({ code: '42501', hint: 'profile_is_the_members' });
		}
		await expect(
			asUser(db, users.organiser, (tx) =>
				tx.query(`update public.members set user_id = $2 where id = $1`, [members.otherDelegate, users.observer])
			)
		).rejects.toMatchObject({ code: '42501', hint: 'membership_fixed' });
		// the role and the delegation are the organisers' to assign
		const promoted = await asUser(db, users.organiser, (tx) =>
			tx.query(`update public.members set role = 'rapporteur', country_code = 'RO' where id = $1`, [
				members.otherDelegate
			])
		);
		expect(promoted.affectedRows).toBe(1);
		const own = await asUser(db, users.otherDelegate, (tx) =>
			one<{ display_name: string }>(
				tx,
				`select display_name from public.update_my_membership($1, display_name => 'Ion')`,
				[ids.event]
			)
		);
		expect(own.display_name).toBe('Ion');
	});

	it('an organiser corrects an invited profile until the person joins', async () => {
		const invited = await createUser(db);
		const memberId = await addMember(db, ids.event, invited, { role: 'delegate', displayName: 'Ana Popscu' });
		const fixed = await asUser(db, users.organiser, (tx) =>
			tx.query(`update public.members set display_name = 'Ana Popescu' where id = $1`, [memberId])
		);
		expect(fixed.affectedRows).toBe(1);
	});
});
