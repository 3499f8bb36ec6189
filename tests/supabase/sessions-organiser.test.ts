// Issue 10, the organisers' side of the programme: a session's times stay inside its event
// and day whoever writes them, organisers save a session with its people in one call, a day
// is reordered all or none, only organisers write sessions and their people (a delegate is
// refused on every path), and what organisers change is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessageKey } from '../../src/lib/domain/errors.ts';
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
const users = { organiser: '', delegate: '', other: '' };
const ids = { event: '', otherEvent: '', day1: '', day2: '', session: '', delegateMember: '', otherMember: '' };

/** The error a statement fails with, as the driver reports it (code, hint). */
async function refusal(userId: string | null, sql: string, params: unknown[] = []) {
	try {
		await asUser(db, userId, (tx) => tx.query(sql, params));
	} catch (error) {
		return error as { code?: string; hint?: string };
	}
	throw new Error(`expected a refusal from: ${sql}`);
}

const insertSession = `insert into public.sessions (event_id, day_id, starts_at, ends_at, format, title)
	values ($1, $2, $3, $4, 'panel', '{"en":"Panel"}') returning id`;

function save(
	tx: Queryable,
	sessionId: string | null,
	people: unknown[],
	times = ['2018-11-21 11:00+02', '2018-11-21 12:30+02']
) {
	return tx.query<{ save_session: string }>(
		`select public.save_session($1, $2, $3, $4, $5, 'B', 'panel', $6, null, $7)`,
		[ids.event, sessionId, ids.day1, times[0], times[1], JSON.stringify({ en: 'Financing' }), JSON.stringify(people)]
	);
}

async function peopleOf(sessionId: string) {
	const { rows } = await db.query<{
		id: string;
		role: string;
		member_id: string | null;
		name: string | null;
		position: number;
	}>(
		'select id, role, member_id, name, position from public.session_people where session_id = $1 order by role, position',
		[sessionId]
	);
	return rows;
}

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
	for (const name of Object.keys(users) as (keyof typeof users)[]) users[name] = await createUser(db);
	ids.event = await createEvent(db, { status: 'published' });
	ids.otherEvent = await createEvent(db, { status: 'published' });
	await addMember(db, ids.event, users.organiser, { role: 'organiser' });
	ids.delegateMember = await addMember(db, ids.event, users.delegate, { role: 'delegate', countryCode: 'RO' });
	ids.otherMember = await addMember(db, ids.otherEvent, users.other, { role: 'delegate' });
	const day = async (date: string, index: number) =>
		(
			await db.query<{ id: string }>(
				'insert into public.event_days (event_id, day_index, date) values ($1, $2, $3) returning id',
				[ids.event, index, date]
			)
		).rows[0]!.id;
	ids.day1 = await day('2018-11-21', 1);
	ids.day2 = await day('2018-11-22', 2);
	ids.session = (
		await db.query<{ id: string }>(insertSession, [ids.event, ids.day1, '2018-11-21 09:00+02', '2018-11-21 10:30+02'])
	).rows[0]!.id;
});

afterAll(async () => {
	await testDb?.close();
});

describe('a session’s times', () => {
	it('must end after they start, with a reason the UI translates', async () => {
		const error = await refusal(users.organiser, insertSession, [
			ids.event,
			ids.day1,
			'2018-11-21 10:00+02',
			'2018-11-21 09:00+02'
		]);
		expect(errorMessageKey(error)).toBe('error.data.sessionEndsBeforeStart');
		const equal = await refusal(users.organiser, 'update public.sessions set ends_at = starts_at where id = $1', [
			ids.session
		]);
		expect(errorMessageKey(equal)).toBe('error.data.sessionEndsBeforeStart');
	});

	it('lie within the event’s dates in its time zone, whoever writes them', async () => {
		// 23:30 in Bucharest on the day before is 21:30 UTC: outside, though the UTC date would not say so.
		for (const [from, to] of [
			['2018-11-20 23:30+02', '2018-11-21 00:30+02'],
			['2018-11-23 23:00+02', '2018-11-24 00:30+02']
		]) {
			const error = await refusal(users.organiser, insertSession, [ids.event, null, from, to]);
			expect(errorMessageKey(error)).toBe('error.data.sessionOutsideEvent');
		}
		await expect(
			db.query(insertSession, [ids.event, null, '2018-11-24 09:00+02', '2018-11-24 10:00+02'])
		).rejects.toMatchObject({
			hint: 'session_outside_event'
		});
		// Until midnight after the last day is fine.
		await asUser(db, users.organiser, (tx) =>
			tx.query(insertSession, [ids.event, null, '2018-11-23 22:00+02', '2018-11-24 00:00+02'])
		);
	});

	it('lie on the session’s day when it has one', async () => {
		const error = await refusal(users.organiser, insertSession, [
			ids.event,
			ids.day2,
			'2018-11-21 09:00+02',
			'2018-11-21 10:00+02'
		]);
		expect(errorMessageKey(error)).toBe('error.data.sessionOutsideDay');
		const moved = await refusal(users.organiser, 'update public.sessions set day_id = $2 where id = $1', [
			ids.session,
			ids.day2
		]);
		expect(errorMessageKey(moved)).toBe('error.data.sessionOutsideDay');
	});

	it('a delegate’s write reads as "not allowed", not as a scheduling problem', async () => {
		const error = await refusal(users.delegate, insertSession, [
			ids.event,
			ids.day1,
			'2018-11-25 09:00+02',
			'2018-11-25 10:00+02'
		]);
		expect(errorMessageKey(error)).toBe('error.data.forbidden');
	});
});

describe('only organisers write sessions and their people', () => {
	it('a delegate cannot insert, update or delete a session, or set it live', async () => {
		const insert = await refusal(users.delegate, insertSession, [
			ids.event,
			ids.day1,
			'2018-11-21 09:00+02',
			'2018-11-21 10:00+02'
		]);
		expect(errorMessageKey(insert)).toBe('error.data.forbidden');
		for (const sql of [
			"update public.sessions set status = 'live' where id = $1 returning id",
			'update public.sessions set title = \'{"en":"Mine"}\' where id = $1 returning id',
			'delete from public.sessions where id = $1 returning id'
		]) {
			const { rows } = await asUser(db, users.delegate, (tx) => tx.query(sql, [ids.session]));
			expect(rows, sql).toEqual([]);
		}
		const { rows } = await db.query<{ status: string }>('select status from public.sessions where id = $1', [
			ids.session
		]);
		expect(rows[0]!.status).toBe('scheduled');
	});

	it('a delegate cannot add, change or remove the people on a session', async () => {
		const insert = await refusal(
			users.delegate,
			"insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)",
			[ids.session, ids.delegateMember]
		);
		expect(errorMessageKey(insert)).toBe('error.data.forbidden');
		const person = (
			await db.query<{ id: string }>(
				"insert into public.session_people (session_id, role, name) values ($1, 'speaker', 'Olena Kovalenko') returning id",
				[ids.session]
			)
		).rows[0]!.id;
		for (const sql of [
			"update public.session_people set name = 'Someone else' where id = $1 returning id",
			'delete from public.session_people where id = $1 returning id'
		]) {
			const { rows } = await asUser(db, users.delegate, (tx) => tx.query(sql, [person]));
			expect(rows, sql).toEqual([]);
		}
		await db.query('delete from public.session_people where id = $1', [person]);
	});

	it('a delegate calling the organisers’ functions is told only organisers can', async () => {
		const saveError = await refusal(
			users.delegate,
			`select public.save_session($1, null, $2, '2018-11-21 11:00+02', '2018-11-21 12:00+02', '', 'panel', '{"en":"x"}', null, '[]')`,
			[ids.event, ids.day1]
		);
		expect(errorMessageKey(saveError)).toBe('error.data.notAnOrganiser');
		const moveError = await refusal(users.delegate, `select public.reschedule_sessions($1, '[]')`, [ids.event]);
		expect(errorMessageKey(moveError)).toBe('error.data.notAnOrganiser');
		const anonError = await refusal(null, `select public.reschedule_sessions($1, '[]')`, [ids.event]);
		expect(anonError.code).toBe('42501');
	});
});

describe('save_session', () => {
	let saved = '';

	it('creates a session with a member and a named guest, positions counted per role', async () => {
		const { rows } = await asUser(db, users.organiser, (tx) =>
			save(tx, null, [
				{ role: 'chair', member_id: ids.delegateMember },
				{
					role: 'speaker',
					name: ' Olena Kovalenko ',
					affiliation: { en: 'Ministry of Social Policy', ru: 'Министерство социальной политики' }
				},
				{ role: 'speaker', name: 'Taras Shevchuk' }
			])
		);
		saved = rows[0]!.save_session;
		expect((await peopleOf(saved)).map(({ role, name, position }) => [role, name, position])).toEqual([
			['chair', null, 0],
			['speaker', 'Olena Kovalenko', 0],
			['speaker', 'Taras Shevchuk', 1]
		]);
	});

	it('keeps a person who stays (same row), removes who left, adds who is new', async () => {
		const before = await peopleOf(saved);
		const chair = before.find((p) => p.role === 'chair')!;
		await asUser(db, users.organiser, (tx) =>
			save(tx, saved, [
				{ id: chair.id, role: 'chair', member_id: ids.delegateMember },
				{ role: 'rapporteur', name: 'Iryna Bondar' }
			])
		);
		const after = await peopleOf(saved);
		expect(after.map((p) => [p.role, p.name])).toEqual([
			['chair', null],
			['rapporteur', 'Iryna Bondar']
		]);
		expect(after[0]!.id).toBe(chair.id);
	});

	it('changes nothing when one person is refused (a member of another event)', async () => {
		const before = await peopleOf(saved);
		await expect(
			asUser(db, users.organiser, (tx) =>
				save(
					tx,
					saved,
					[{ role: 'speaker', member_id: ids.otherMember }],
					['2018-11-21 13:00+02', '2018-11-21 14:00+02']
				)
			)
		).rejects.toMatchObject({ code: '23514' });
		expect(await peopleOf(saved)).toEqual(before);
		const { rows } = await db.query<{ starts_at: Date }>('select starts_at from public.sessions where id = $1', [
			saved
		]);
		expect(new Date(rows[0]!.starts_at).toISOString()).toBe('2018-11-21T09:00:00.000Z');
	});

	it('a session of another event cannot be changed through this one', async () => {
		const error = await refusal(
			users.organiser,
			`select public.save_session($1, $2, null, '2018-11-21 11:00+02', '2018-11-21 12:00+02', '', 'panel', '{"en":"x"}', null, '[]')`,
			[ids.event, '00000000-0000-4000-8000-000000000000']
		);
		expect(errorMessageKey(error)).toBe('error.data.sessionNotFound');
	});
});

describe('reschedule_sessions', () => {
	it('moves sessions all together, and refuses a move computed from an old programme', async () => {
		const { rows } = await db.query<{ starts_at: Date; ends_at: Date; position: number }>(
			'select starts_at, ends_at, position from public.sessions where id = $1',
			[ids.session]
		);
		const was = rows[0]!;
		const change = {
			id: ids.session,
			starts_at: '2018-11-21T12:00:00Z',
			ends_at: '2018-11-21T13:30:00Z',
			position: 0,
			was_starts_at: new Date(was.starts_at).toISOString(),
			was_ends_at: new Date(was.ends_at).toISOString(),
			was_position: was.position
		};
		await asUser(db, users.organiser, (tx) =>
			tx.query('select public.reschedule_sessions($1, $2)', [ids.event, JSON.stringify([change])])
		);
		const stale = await refusal(users.organiser, 'select public.reschedule_sessions($1, $2)', [
			ids.event,
			JSON.stringify([change])
		]);
		expect(errorMessageKey(stale)).toBe('error.data.programmeChanged');
		const outside = await refusal(users.organiser, 'select public.reschedule_sessions($1, $2)', [
			ids.event,
			JSON.stringify([
				{
					...change,
					starts_at: '2018-11-22T07:00:00Z',
					ends_at: '2018-11-22T08:00:00Z',
					was_starts_at: change.starts_at,
					was_ends_at: change.ends_at
				}
			])
		]);
		expect(errorMessageKey(outside)).toBe('error.data.sessionOutsideDay');
	});
});

describe('the audit log', () => {
	it('records an organiser’s changes to sessions and their people, status changes by name', async () => {
		await asUser(db, users.organiser, (tx) =>
			tx.query("update public.sessions set status = 'live' where id = $1", [ids.session])
		);
		const { rows } = await asUser(db, users.organiser, (tx) =>
			tx.query<{ action: string; actor: string }>(
				"select action, actor from public.audit_log where event_id = $1 and object_type in ('sessions', 'session_people') order by id",
				[ids.event]
			)
		);
		const actions = rows.map((r) => r.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'sessions.insert',
				'sessions.update',
				'sessions.live',
				'session_people.insert',
				'session_people.delete'
			])
		);
		expect(rows.every((r) => r.actor === users.organiser)).toBe(true);
	});
});
