// The recommendation board's rules (issue #11), in the database: who raises, endorses,
// rewords, curates, merges and hides recommendations, the limits on their text, the
// board read, the audit of curation, and who may listen to a board's Realtime topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
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

const users = { organiser: '', delegate: '', otherDelegate: '', rapporteur: '', otherRapporteur: '', observer: '' };
const members = { ...users };
const ids = { event: '', session: '', otherSession: '' };

interface BoardRow {
	id: string;
	text: string;
	status: string;
	author_name: string;
	is_mine: boolean;
	merged_into_id: string | null;
	hidden_reason: string | null;
	hidden_by_name: string | null;
	endorsement_count: number;
	endorsed_by_me: boolean;
	merged_count: number;
}

async function insertSession(title: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.sessions (event_id, starts_at, ends_at, format, title, status)
		 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:30+02', 'panel', $2, 'live') returning id`,
		[ids.event, JSON.stringify({ en: title })]
	);
	return rows[0]!.id;
}

function as<T>(user: keyof typeof users, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return asUser(db, users[user], fn);
}

async function raise(user: keyof typeof users, text: string, sessionId = ids.session): Promise<string> {
	return as(user, async (tx) => {
		const { rows } = await tx.query<{ id: string }>(
			`insert into public.recommendations (session_id, author_id, text, language)
			 values ($1, public.my_member_id(public.session_event_id($1)), $2, 'en') returning id`,
			[sessionId, text]
		);
		return rows[0]!.id;
	});
}

/** Runs an update as the user and says how many rows it changed (RLS hides the others). */
async function update(user: keyof typeof users, id: string, set: string, params: unknown[] = []): Promise<number> {
	return as(user, async (tx) => {
		const { rows } = await tx.query(`update public.recommendations set ${set} where id = $1 returning id`, [
			id,
			...params
		]);
		return rows.length;
	});
}

function endorse(user: keyof typeof users, id: string) {
	return as(user, (tx) =>
		tx.query(
			`insert into public.recommendation_endorsements (recommendation_id, member_id)
			 values ($1, public.my_member_id(public.recommendation_event_id($1)))`,
			[id]
		)
	);
}

function board(user: keyof typeof users, sessionId = ids.session): Promise<BoardRow[]> {
	return as(
		user,
		async (tx) => (await tx.query<BoardRow>(`select * from public.recommendation_board($1)`, [sessionId])).rows
	);
}

async function row(id: string): Promise<{ status: string; text: string; merged_into_id: string | null }> {
	const { rows } = await db.query<{ status: string; text: string; merged_into_id: string | null }>(
		`select status, text, merged_into_id from public.recommendations where id = $1`,
		[id]
	);
	return rows[0]!;
}

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
	ids.event = await createEvent(db, { status: 'published' });
	const roles = {
		organiser: 'organiser',
		delegate: 'delegate',
		otherDelegate: 'delegate',
		rapporteur: 'rapporteur',
		otherRapporteur: 'rapporteur',
		observer: 'observer'
	} as const;
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(db, { email: `${name}@example.test` });
		members[name] = await addMember(db, ids.event, users[name], {
			role: roles[name],
			countryCode: roles[name] === 'delegate' ? 'MD' : null,
			displayName: name
		});
	}
	ids.session = await insertSession('Financing the workforce');
	ids.otherSession = await insertSession('Supervision');
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		ids.session,
		members.rapporteur
	]);
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		ids.otherSession,
		members.otherRapporteur
	]);
});

afterAll(async () => {
	await testDb?.close();
});

describe('raising a recommendation', () => {
	it('keeps the text without the white space around it', async () => {
		const id = await raise('delegate', '  Fund supervision for front-line workers.\n');
		expect((await row(id)).text).toBe('Fund supervision for front-line workers.');
	});

	it.each([
		['empty', '', 'recommendation_text_empty'],
		['white space only', ' \n\t ', 'recommendation_text_empty'],
		['20,000 characters', 'a'.repeat(20_000), 'recommendation_text_too_long']
	])('refuses %s text with a hint', async (_name, text, hint) => {
		await expect(raise('delegate', text)).rejects.toMatchObject({ hint });
	});

	it('is refused to observers and in someone else’s name', async () => {
		await expect(raise('observer', 'Observers only follow')).rejects.toMatchObject({ code: '42501' });
		await expect(
			as('delegate', (tx) =>
				tx.query(
					`insert into public.recommendations (session_id, author_id, text, language) values ($1, $2, 'Not mine', 'en')`,
					[ids.session, members.otherDelegate]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});

	it('stores HTML as the text it is', async () => {
		const id = await raise('delegate', '<script>alert(1)</script><a href="javascript:alert(2)">x</a>');
		expect((await row(id)).text).toBe('<script>alert(1)</script><a href="javascript:alert(2)">x</a>');
	});
});

describe('endorsing', () => {
	it('counts once per member: a second endorsement is refused', async () => {
		const id = await raise('otherDelegate', 'Publish the costing of the strategy.');
		await endorse('delegate', id);
		await expect(endorse('delegate', id)).rejects.toMatchObject({ code: '23505' });
		const mine = (await board('delegate')).find((item) => item.id === id)!;
		expect(mine).toMatchObject({ endorsement_count: 1, endorsed_by_me: true, is_mine: false });
		expect((await board('otherDelegate')).find((item) => item.id === id)).toMatchObject({
			endorsed_by_me: false,
			is_mine: true
		});
	});

	it('is not open to observers, nor in another member’s name', async () => {
		const id = await raise('delegate', 'Observers cannot endorse this.');
		await expect(endorse('observer', id)).rejects.toMatchObject({ code: '42501' });
		await expect(
			as('delegate', (tx) =>
				tx.query(`insert into public.recommendation_endorsements (recommendation_id, member_id) values ($1, $2)`, [
					id,
					members.otherDelegate
				])
			)
		).rejects.toMatchObject({ code: '42501' });
	});

	it('is withdrawn by the member, and only theirs', async () => {
		const id = await raise('delegate', 'Withdraw me later.');
		await endorse('otherDelegate', id);
		const removedByOther = await as('delegate', async (tx) => {
			const { rows } = await tx.query(
				`delete from public.recommendation_endorsements where recommendation_id = $1 returning member_id`,
				[id]
			);
			return rows.length;
		});
		expect(removedByOther).toBe(0);
		const removed = await as('otherDelegate', async (tx) => {
			const { rows } = await tx.query(
				`delete from public.recommendation_endorsements where recommendation_id = $1 returning member_id`,
				[id]
			);
			return rows.length;
		});
		expect(removed).toBe(1);
	});
});

describe('rewording', () => {
	it('lets authors reword their own while proposed, nobody else', async () => {
		const id = await raise('delegate', 'First wording.');
		expect(await update('delegate', id, `text = 'Second wording.'`)).toBe(1);
		expect(await update('otherDelegate', id, `text = 'Hijacked.'`)).toBe(0);
		await expect(update('rapporteur', id, `text = 'Curator words.'`)).rejects.toMatchObject({
			hint: 'recommendation_text_authors_only'
		});
		expect((await row(id)).text).toBe('Second wording.');
		await expect(update('delegate', id, `text = '   '`)).rejects.toMatchObject({ hint: 'recommendation_text_empty' });
		expect(await update('rapporteur', id, `status = 'accepted'`)).toBe(1);
		expect(await update('delegate', id, `text = 'Too late.'`)).toBe(0);
	});
});

describe('curating', () => {
	it('is refused to delegates, even on their own recommendation', async () => {
		const id = await raise('delegate', 'Accept me, please.');
		await expect(update('delegate', id, `status = 'accepted'`)).rejects.toMatchObject({
			hint: 'recommendation_curators_only'
		});
		expect(await update('otherDelegate', id, `status = 'accepted'`)).toBe(0);
		expect((await row(id)).status).toBe('proposed');
	});

	it('is refused to the rapporteur of another session', async () => {
		const id = await raise('delegate', 'Another session’s rapporteur cannot accept this.');
		expect(await update('otherRapporteur', id, `status = 'accepted'`)).toBe(0);
		expect((await row(id)).status).toBe('proposed');
	});

	it('is the session rapporteur’s and the organisers’, and is in the audit log', async () => {
		const id = await raise('delegate', 'Accept and then reject me.');
		expect(await update('rapporteur', id, `status = 'accepted'`)).toBe(1);
		expect(await update('organiser', id, `status = 'rejected'`)).toBe(1);
		const { rows } = await db.query<{ action: string; actor: string }>(
			`select action, actor from public.audit_log where object_id = $1 order by id`,
			[id]
		);
		expect(rows).toEqual([
			{ action: 'recommendations.accepted', actor: users.rapporteur },
			{ action: 'recommendations.rejected', actor: users.organiser }
		]);
	});
});

describe('merging duplicates', () => {
	it('points the duplicate at its target and counts each endorser once', async () => {
		const target = await raise('delegate', 'Train supervisors.');
		const duplicate = await raise('otherDelegate', 'Supervisors need training.');
		await endorse('delegate', duplicate);
		await endorse('otherDelegate', duplicate);
		await endorse('delegate', target);
		expect(await update('rapporteur', duplicate, `status = 'merged', merged_into_id = $2`, [target])).toBe(1);
		const items = await board('delegate');
		expect(items.find((item) => item.id === target)).toMatchObject({ endorsement_count: 2, merged_count: 1 });
		expect(items.find((item) => item.id === duplicate)).toMatchObject({ status: 'merged', merged_into_id: target });
		// Merged items take no new endorsements.
		await expect(endorse('rapporteur', duplicate)).rejects.toMatchObject({ hint: 'recommendation_not_endorsable' });
		// Reopening undoes the merge and gives each its own endorsements back.
		expect(await update('rapporteur', duplicate, `status = 'proposed'`)).toBe(1);
		expect((await row(duplicate)).merged_into_id).toBeNull();
		expect((await board('delegate')).find((item) => item.id === target)).toMatchObject({ endorsement_count: 1 });
	});

	it('moves what was merged into a recommendation along when that one is merged', async () => {
		const first = await raise('delegate', 'Mentoring for new social workers.');
		const second = await raise('delegate', 'Mentor new social workers.');
		const third = await raise('delegate', 'New social workers get a mentor.');
		await update('rapporteur', first, `status = 'merged', merged_into_id = $2`, [second]);
		await update('rapporteur', second, `status = 'merged', merged_into_id = $2`, [third]);
		expect((await row(first)).merged_into_id).toBe(third);
	});

	it('refuses a target in another session, a merged target or itself', async () => {
		const here = await raise('delegate', 'Here.');
		const there = await raise('delegate', 'There.', ids.otherSession);
		const merged = await raise('delegate', 'Merged.');
		await update('rapporteur', merged, `status = 'merged', merged_into_id = $2`, [here]);
		for (const target of [there, merged]) {
			await expect(
				update('rapporteur', here, `status = 'merged', merged_into_id = $2`, [target])
			).rejects.toMatchObject({ hint: 'recommendation_merge_target_invalid' });
		}
		await expect(update('rapporteur', here, `status = 'merged', merged_into_id = id`)).rejects.toMatchObject({
			hint: 'recommendation_merge_target_invalid'
		});
	});

	it('is refused to delegates and other sessions’ rapporteurs', async () => {
		const target = await raise('delegate', 'Target.');
		const duplicate = await raise('delegate', 'Duplicate.');
		await expect(
			update('delegate', duplicate, `status = 'merged', merged_into_id = $2`, [target])
		).rejects.toMatchObject({ hint: 'recommendation_curators_only' });
		expect(await update('otherRapporteur', duplicate, `status = 'merged', merged_into_id = $2`, [target])).toBe(0);
	});
});

describe('hiding', () => {
	it('is refused to delegates and rapporteurs', async () => {
		const id = await raise('delegate', 'Hide me if you can.');
		await expect(update('delegate', id, `hidden_reason = 'I regret it'`)).rejects.toMatchObject({
			hint: 'not_an_organiser'
		});
		expect(await update('otherDelegate', id, `hidden_reason = 'Offensive'`)).toBe(0);
		await expect(update('rapporteur', id, `hidden_reason = 'Offensive'`)).rejects.toMatchObject({
			hint: 'not_an_organiser'
		});
		expect((await board('otherDelegate')).some((item) => item.id === id)).toBe(true);
	});

	it('needs a reason', async () => {
		const id = await raise('delegate', 'No reason given.');
		await expect(update('organiser', id, `hidden_reason = '  '`)).rejects.toMatchObject({
			hint: 'recommendation_hide_reason_invalid'
		});
	});

	it('takes the item off everyone’s board but the organisers’, keeps it and logs who and why', async () => {
		const id = await raise('delegate', 'Something abusive.');
		await endorse('otherDelegate', id);
		expect(await update('organiser', id, `hidden_reason = 'Personal attack'`)).toBe(1);
		for (const user of ['delegate', 'otherDelegate', 'rapporteur'] as const) {
			expect((await board(user)).some((item) => item.id === id)).toBe(false);
		}
		expect((await board('organiser')).find((item) => item.id === id)).toMatchObject({
			hidden_reason: 'Personal attack',
			hidden_by_name: 'organiser'
		});
		// The author can neither reword nor withdraw it, nor can the rapporteur curate it.
		expect(await update('delegate', id, `text = 'Nothing to see'`)).toBe(0);
		expect(await update('rapporteur', id, `status = 'rejected'`)).toBe(0);
		await expect(endorse('delegate', id)).rejects.toMatchObject({ hint: 'recommendation_not_endorsable' });
		const { rows } = await db.query<{ action: string; actor: string; details: { reason: string; text: string } }>(
			`select action, actor, details from public.audit_log where object_id = $1 order by id`,
			[id]
		);
		expect(rows).toEqual([
			{
				action: 'recommendations.hidden',
				actor: users.organiser,
				details: expect.objectContaining({ reason: 'Personal attack', text: 'Something abusive.' })
			}
		]);
		expect(await update('organiser', id, `hidden_reason = null`)).toBe(1);
		expect((await board('delegate')).find((item) => item.id === id)).toMatchObject({ endorsement_count: 1 });
		const actions = await db.query<{ action: string }>(
			`select action from public.audit_log where object_id = $1 order by id`,
			[id]
		);
		expect(actions.rows.map((entry) => entry.action)).toEqual(['recommendations.hidden', 'recommendations.unhidden']);
	});

	it('cannot be faked by writing when or by whom', async () => {
		const id = await raise('delegate', 'Plain item.');
		await update('organiser', id, `hidden_at = now(), hidden_by = $2`, [members.delegate]);
		const { rows } = await db.query(`select hidden_at, hidden_by from public.recommendations where id = $1`, [id]);
		expect(rows[0]).toEqual({ hidden_at: null, hidden_by: null });
	});
});

describe('the live board', () => {
	function canHear(user: keyof typeof users, sessionId: string) {
		return as(user, async (tx) => {
			const { rows } = await tx.query<{ allowed: boolean }>(
				`select public.can_hear_recommendation_board($1) as allowed`,
				[`recommendations:${sessionId}`]
			);
			return rows[0]!.allowed;
		});
	}

	it('is heard by the event’s participants, not its observers or strangers', async () => {
		expect(await canHear('delegate', ids.session)).toBe(true);
		expect(await canHear('organiser', ids.session)).toBe(true);
		expect(await canHear('observer', ids.session)).toBe(false);
		const stranger = await createUser(db, { email: 'stranger@example.test' });
		const heard = await asUser(db, stranger, async (tx) => {
			const { rows } = await tx.query<{ allowed: boolean }>(
				`select public.can_hear_recommendation_board($1) as allowed`,
				[`recommendations:${ids.session}`]
			);
			return rows[0]!.allowed;
		});
		expect(heard).toBe(false);
		expect(
			await as('delegate', async (tx) => {
				const { rows } = await tx.query<{ allowed: boolean }>(
					`select public.can_hear_recommendation_board('recommendations:not-a-uuid') as allowed`
				);
				return rows[0]!.allowed;
			})
		).toBe(false);
	});

	it('is told of every change by a message that carries nothing but the news', async () => {
		const before = await db.query<{ n: number }>(`select count(*)::int as n from realtime.messages where topic = $1`, [
			`recommendations:${ids.session}`
		]);
		const id = await raise('delegate', 'Live one.');
		await endorse('otherDelegate', id);
		await update('rapporteur', id, `status = 'accepted'`);
		const { rows } = await db.query<{ payload: unknown; event: string; private: boolean }>(
			`select payload, event, private from realtime.messages where topic = $1 order by id offset $2`,
			[`recommendations:${ids.session}`, before.rows[0]!.n]
		);
		expect(rows).toEqual(Array(3).fill({ payload: {}, event: 'changed', private: true }));
	});
});

describe('the published summary', () => {
	it('leaves out hidden recommendations and counts merged duplicates’ endorsers once', async () => {
		const kept = await raise('delegate', 'Kept in the summary.');
		const duplicate = await raise('otherDelegate', 'A duplicate of what is kept.');
		const abusive = await raise('delegate', 'Accepted, then found abusive.');
		await endorse('otherDelegate', kept);
		await endorse('otherDelegate', duplicate);
		await endorse('delegate', duplicate);
		for (const id of [kept, abusive]) await update('rapporteur', id, `status = 'accepted'`);
		await update('rapporteur', duplicate, `status = 'merged', merged_into_id = $2`, [kept]);
		await update('organiser', abusive, `hidden_reason = 'Abusive'`);
		const { rows } = await as('rapporteur', async (tx) => {
			const { rows: published } = await tx.query<{ version: number }>(
				`select public.publish_session_summary($1, 'en', '<p>Notes</p>', 'Notes') as version`,
				[ids.session]
			);
			return tx.query<{ recommendations: { id: string; endorsements: number }[] }>(
				`select recommendations from public.session_summary_versions where session_id = $1 and version = $2`,
				[ids.session, published[0]!.version]
			);
		});
		const listed = rows[0]!.recommendations;
		expect(listed.some((item) => item.id === abusive)).toBe(false);
		expect(listed.find((item) => item.id === kept)).toMatchObject({ endorsements: 2 });
	});
});
