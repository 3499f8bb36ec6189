// What delegates do besides voting: recommendations and their endorsements, amendments
// to the Call to Action, and their own membership details — each only in their own name.
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
let eventId: string;
let sessionId: string;
let documentId: string;
const users = { organiser: '', delegate: '', otherDelegate: '', rapporteur: '', observer: '', outsider: '' };
const memberIds = { organiser: '', delegate: '', otherDelegate: '', rapporteur: '', observer: '' };

async function firstRow<T>(tx: Queryable, sql: string, params: unknown[] = []): Promise<T> {
	const { rows } = await tx.query<T>(sql, params);
	if (!rows[0]) throw new Error(`no row from: ${sql}`);
	return rows[0];
}

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
	eventId = await createEvent(db, { status: 'published' });
	for (const name of Object.keys(users) as (keyof typeof users)[]) users[name] = await createUser(db);
	memberIds.organiser = await addMember(db, eventId, users.organiser, { role: 'organiser' });
	memberIds.delegate = await addMember(db, eventId, users.delegate, { role: 'delegate', countryCode: 'UA' });
	memberIds.otherDelegate = await addMember(db, eventId, users.otherDelegate, { role: 'delegate', countryCode: 'MD' });
	memberIds.rapporteur = await addMember(db, eventId, users.rapporteur, { role: 'rapporteur' });
	memberIds.observer = await addMember(db, eventId, users.observer, { role: 'observer' });
	await addMember(db, await createEvent(db), users.outsider, { role: 'delegate' });
	sessionId = (
		await firstRow<{ id: string }>(
			db,
			`insert into public.sessions (event_id, starts_at, ends_at, format, title) values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'webinar', '{"en":"Session 2a"}') returning id`,
			[eventId]
		)
	).id;
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		sessionId,
		memberIds.rapporteur
	]);
	documentId = (
		await firstRow<{ id: string }>(
			db,
			`insert into public.documents (event_id, title) values ($1, '{"en":"Call to Action"}') returning id`,
			[eventId]
		)
	).id;
});

afterAll(async () => {
	await testDb?.close();
});

const propose = (userId: string, authorId: string, text = 'Fund supervision for front-line workers') =>
	asUser(db, userId, (tx) =>
		firstRow<{ id: string; status: string }>(
			tx,
			`insert into public.recommendations (session_id, author_id, text, language) values ($1, $2, $3, 'en') returning id, status`,
			[sessionId, authorId, text]
		)
	);

describe('recommendations', () => {
	it('are raised by participants in their own name only', async () => {
		const own = await propose(users.delegate, memberIds.delegate);
		expect(own.status).toBe('proposed');
		await expect(propose(users.delegate, memberIds.otherDelegate)).rejects.toMatchObject({ code: '42501' });
		await expect(propose(users.observer, memberIds.observer)).rejects.toMatchObject({ code: '42501' });
		await expect(propose(users.outsider, memberIds.delegate)).rejects.toMatchObject({ code: '42501' });
	});

	it("are curated by the session's rapporteur, not by other delegates", async () => {
		const { id } = await propose(users.otherDelegate, memberIds.otherDelegate, 'Joint multi-disciplinary training');
		const byDelegate = await asUser(db, users.delegate, (tx) =>
			tx.query(`update public.recommendations set status = 'accepted' where id = $1`, [id])
		);
		expect(byDelegate.affectedRows).toBe(0);
		await expect(
			asUser(db, users.otherDelegate, (tx) =>
				tx.query(`update public.recommendations set status = 'accepted' where id = $1`, [id])
			)
		).rejects.toMatchObject({ code: '42501' });
		const byRapporteur = await asUser(db, users.rapporteur, (tx) =>
			tx.query(`update public.recommendations set status = 'accepted' where id = $1`, [id])
		);
		expect(byRapporteur.affectedRows).toBe(1);
		await expect(
			asUser(db, users.rapporteur, (tx) =>
				tx.query(`update public.recommendations set status = 'merged' where id = $1`, [id])
			)
		).rejects.toMatchObject({ code: '23514' });
	});

	it('are endorsed once per member, by themselves', async () => {
		const { id } = await propose(users.delegate, memberIds.delegate, 'Workforce mapping');
		const endorse = (userId: string, memberId: string) =>
			asUser(db, userId, (tx) =>
				tx.query(`insert into public.recommendation_endorsements (recommendation_id, member_id) values ($1, $2)`, [
					id,
					memberId
				])
			);
		await endorse(users.otherDelegate, memberIds.otherDelegate);
		await expect(endorse(users.otherDelegate, memberIds.otherDelegate)).rejects.toMatchObject({ code: '23505' });
		await expect(endorse(users.delegate, memberIds.otherDelegate)).rejects.toMatchObject({ code: '42501' });
		await expect(endorse(users.observer, memberIds.observer)).rejects.toMatchObject({ code: '42501' });
		const count = await asUser(db, users.delegate, (tx) =>
			firstRow<{ n: number }>(
				tx,
				`select count(*)::int as n from public.recommendation_endorsements where recommendation_id = $1`,
				[id]
			)
		);
		expect(count.n).toBe(1);
	});

	it('are hidden from non-members and anonymous visitors', async () => {
		for (const userId of [users.outsider, null]) {
			const seen = await asUser(db, userId, (tx) => tx.query(`select id from public.recommendations`));
			expect(seen.rows).toEqual([]);
		}
	});
});

describe('amendments', () => {
	const proposeAmendment = (userId: string, authorId: string) =>
		asUser(db, userId, (tx) =>
			firstRow<{ id: string }>(
				tx,
				`insert into public.amendments (document_id, block_id, language, proposed_text, author_id)
				 values ($1, 'b-7', 'en', 'Governments commit funding to supervision.', $2) returning id`,
				[documentId, authorId]
			)
		);

	it('are proposed only while the document is in amendment mode', async () => {
		await expect(proposeAmendment(users.delegate, memberIds.delegate)).rejects.toMatchObject({ code: '42501' });
		await db.query(`update public.documents set status = 'amendments' where id = $1`, [documentId]);
		const amendment = await proposeAmendment(users.delegate, memberIds.delegate);
		expect(amendment.id).toBeTruthy();
		await expect(proposeAmendment(users.delegate, memberIds.otherDelegate)).rejects.toMatchObject({ code: '42501' });
		await expect(proposeAmendment(users.observer, memberIds.observer)).rejects.toMatchObject({ code: '42501' });
	});

	it('are decided by organisers only, who are recorded with the time', async () => {
		const { id } = await proposeAmendment(users.otherDelegate, memberIds.otherDelegate);
		const byDelegate = await asUser(db, users.delegate, (tx) =>
			tx.query(`update public.amendments set status = 'accepted' where id = $1`, [id])
		);
		expect(byDelegate.affectedRows).toBe(0);
		const decided = await asUser(db, users.organiser, (tx) =>
			firstRow<{ status: string; decided_by: string; decided: boolean }>(
				tx,
				`update public.amendments set status = 'rejected', reason = 'Covered by block 3' where id = $1
				 returning status, decided_by, decided_at is not null as decided`,
				[id]
			)
		);
		expect(decided).toEqual({ status: 'rejected', decided_by: users.organiser, decided: true });
	});
});

describe('own membership', () => {
	it('a member records joining once and updates only their personal details', async () => {
		const joined = await asUser(db, users.delegate, (tx) =>
			firstRow<{ joined_at: string }>(tx, `select joined_at from public.join_event($1)`, [eventId])
		);
		const again = await asUser(db, users.delegate, (tx) =>
			firstRow<{ joined_at: string }>(tx, `select joined_at from public.join_event($1)`, [eventId])
		);
		expect(again.joined_at).toEqual(joined.joined_at);

		const updated = await asUser(db, users.delegate, (tx) =>
			firstRow<{ display_name: string; preferred_language: string; role: string; organisation: string | null }>(
				tx,
				`select display_name, preferred_language, role, organisation
				 from public.update_my_membership($1, display_name => 'Olena K.', preferred_language => 'ru', organisation => 'Ministry of Social Policy')`,
				[eventId]
			)
		);
		expect(updated).toEqual({
			display_name: 'Olena K.',
			preferred_language: 'ru',
			role: 'delegate',
			organisation: 'Ministry of Social Policy'
		});
	});

	it('cannot be changed directly or for another event', async () => {
		const promoted = await asUser(db, users.delegate, (tx) =>
			tx.query(`update public.members set role = 'organiser' where user_id = $1`, [users.delegate])
		);
		expect(promoted.affectedRows).toBe(0);
		await expect(
			asUser(db, users.outsider, (tx) => tx.query(`select public.join_event($1)`, [eventId]))
		).rejects.toMatchObject({
			code: '42501'
		});
	});
});
