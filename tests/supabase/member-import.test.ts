// import_members, member_contacts, record_invitations and the badge links: organisers
// only, all-or-nothing, an existing address updated rather than doubled, accounts created
// for people who have none, badge links single-use and bounded in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addMember,
	asServiceRole,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

type Row = [string, string, string | null, string | null, string | null, string, string | null];

let testDb: TestDatabase;
let eventId = '';
const users = { organiser: '', delegate: '', joined: '' };

function importRows(userId: string, rows: Row[] | unknown) {
	return asUser(testDb.db, userId, async (tx) => {
		const { rows: result } = await tx.query<{ created: number; updated: number; unchanged: number }>(
			'select * from public.import_members($1, $2)',
			[eventId, JSON.stringify(rows)]
		);
		return result[0]!;
	});
}

async function memberCount(): Promise<number> {
	const { rows } = await testDb.db.query<{ n: number }>(
		'select count(*)::int as n from public.members where event_id = $1',
		[eventId]
	);
	return rows[0]!.n;
}

beforeAll(async () => {
	testDb = await createTestDatabase();
	const db = testDb.db;
	eventId = await createEvent(db);
	users.organiser = await createUser(db, { email: 'org@example.test' });
	users.delegate = await createUser(db, { email: 'del@example.test' });
	users.joined = await createUser(db, { email: 'Joined@Example.test' });
	await addMember(db, eventId, users.organiser, { role: 'organiser' });
	await addMember(db, eventId, users.delegate, { role: 'delegate' });
	const joinedMember = await addMember(db, eventId, users.joined, { role: 'delegate', displayName: 'Their Own Name' });
	await db.query('update public.members set joined_at = now() where id = $1', [joinedMember]);
	await db.query(`insert into public.countries (code, name) values ('MD', '{"en":"Moldova"}') on conflict do nothing`);
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('import_members', () => {
	it('refuses a delegate and anonymous callers, writing nothing', async () => {
		const before = await memberCount();
		await expect(
			importRows(users.delegate, [['x@example.test', 'X', null, null, null, 'delegate', null]])
		).rejects.toMatchObject({ code: '42501', hint: 'not_an_organiser' });
		await expect(
			asUser(testDb.db, null, (tx) => tx.query('select * from public.import_members($1, $2)', [eventId, '[]']))
		).rejects.toMatchObject({ code: '42501' });
		expect(await memberCount()).toBe(before);
	});

	it('creates members and unconfirmed accounts, matching existing addresses case-insensitively', async () => {
		const before = await memberCount();
		const result = await importRows(users.organiser, [
			['new.person@example.test', 'Ana Popescu', 'MD', 'Ministry', 'child_protection', 'delegate', 'ro'],
			['joined@example.test', 'Renamed By Organiser', 'MD', null, null, 'rapporteur', 'ru'],
			['del@example.test', 'delegate ' + users.delegate.slice(0, 8), null, null, null, 'delegate', null]
		]);
		expect(result).toEqual({ created: 1, updated: 1, unchanged: 1 });
		expect(await memberCount()).toBe(before + 1);

		const { rows: account } = await testDb.db.query<{ confirmed: boolean; meta: Record<string, string> }>(
			`select email_confirmed_at is not null as confirmed, raw_user_meta_data as meta from auth.users where email = 'new.person@example.test'`
		);
		expect(account).toEqual([{ confirmed: false, meta: { display_name: 'Ana Popescu', preferred_language: 'ro' } }]);

		// A joined member keeps their own profile; the organiser's columns change.
		const { rows: joined } = await testDb.db.query(
			'select display_name, role, country_code from public.members where user_id = $1',
			[users.joined]
		);
		expect(joined).toEqual([{ display_name: 'Their Own Name', role: 'rapporteur', country_code: 'MD' }]);
	});

	it('updates rather than doubles on a second import, and reports unchanged rows', async () => {
		const before = await memberCount();
		const result = await importRows(users.organiser, [
			['NEW.PERSON@example.test', 'Ana Popescu', 'MD', 'Ministry of Labour', 'child_protection', 'delegate', 'ro'],
			['joined@example.test', 'Renamed By Organiser', 'MD', null, null, 'rapporteur', 'ru']
		]);
		expect(result).toEqual({ created: 0, updated: 1, unchanged: 1 });
		expect(await memberCount()).toBe(before);
	});

	it('writes nothing when one row is bad (unknown country, duplicate, bad email, empty)', async () => {
		const before = await memberCount();
		const { rows: usersBefore } = await testDb.db.query<{ n: number }>('select count(*)::int as n from auth.users');
		await expect(
			importRows(users.organiser, [
				['fine@example.test', 'Fine', null, null, null, 'delegate', null],
				['bad@example.test', 'Bad', 'ZZ', null, null, 'delegate', null]
			])
		).rejects.toMatchObject({ code: '23503' });
		await expect(
			importRows(users.organiser, [
				['twice@example.test', 'A', null, null, null, 'delegate', null],
				['TWICE@example.test', 'B', null, null, null, 'delegate', null]
			])
		).rejects.toMatchObject({ code: '23505' });
		await expect(
			importRows(users.organiser, [['not-an-email', 'A', null, null, null, 'delegate', null]])
		).rejects.toMatchObject({ code: '22023' });
		await expect(importRows(users.organiser, [])).rejects.toMatchObject({ code: '22023' });
		expect(await memberCount()).toBe(before);
		const { rows: usersAfter } = await testDb.db.query<{ n: number }>('select count(*)::int as n from auth.users');
		expect(usersAfter[0]!.n).toBe(usersBefore[0]!.n);
	});

	it('imports 10,000 rows in one call', async () => {
		const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => [
			`bulk.${i}@example.test`,
			`Bulk Person ${i}`,
			'MD',
			'Organisation',
			null,
			'delegate',
			'en'
		]);
		const result = await importRows(users.organiser, rows);
		expect(result).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
	}, 120_000);
});

describe('member_contacts and record_invitations', () => {
	it('give organisers the addresses and record invitations; refuse delegates', async () => {
		const contacts = await asUser(testDb.db, users.organiser, async (tx) => {
			const { rows } = await tx.query<{ member_id: string; email: string; confirmed: boolean }>(
				'select * from public.member_contacts($1)',
				[eventId]
			);
			return rows;
		});
		const person = contacts.find((row) => row.email === 'new.person@example.test')!;
		expect(person.confirmed).toBe(false);
		const marked = await asUser(testDb.db, users.organiser, async (tx) => {
			const { rows } = await tx.query<{ n: number }>('select public.record_invitations($1, $2) as n', [
				eventId,
				[person.member_id]
			]);
			return rows[0]!.n;
		});
		expect(marked).toBe(1);
		await expect(
			asUser(testDb.db, users.delegate, (tx) => tx.query('select * from public.member_contacts($1)', [eventId]))
		).rejects.toMatchObject({ hint: 'not_an_organiser' });
		await expect(
			asUser(testDb.db, users.delegate, (tx) =>
				tx.query('select public.record_invitations($1, $2)', [eventId, [person.member_id]])
			)
		).rejects.toMatchObject({ hint: 'not_an_organiser' });
	});
});

describe('badge links', () => {
	it('are issued once per member, spent by the first redemption, unreadable through the API', async () => {
		const { rows: members } = await testDb.db.query<{ id: string }>(
			'select id from public.members where user_id = $1',
			[users.delegate]
		);
		const memberId = members[0]!.id;
		const issue = () =>
			asUser(testDb.db, users.organiser, async (tx) => {
				const { rows } = await tx.query<{ token: string; expires_at: Date }>(
					'select * from public.badge_links_for($1, $2)',
					[eventId, [memberId]]
				);
				return rows;
			});
		const first = await issue();
		expect(first).toHaveLength(1);
		expect(await issue()).toEqual(first);
		// The event ended in 2018: the link still lives at least a day from printing.
		expect(first[0]!.expires_at.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

		await expect(
			asUser(testDb.db, users.delegate, (tx) => tx.query('select * from public.badge_links_for($1)', [eventId]))
		).rejects.toMatchObject({ hint: 'not_an_organiser' });
		await expect(
			asUser(testDb.db, users.organiser, (tx) => tx.query('select * from public.badge_links'))
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(testDb.db, users.organiser, (tx) =>
				tx.query('select * from public.redeem_badge_link($1)', [first[0]!.token])
			)
		).rejects.toMatchObject({ code: '42501' });

		const redeem = (token: string) =>
			asServiceRole(testDb.db, async (tx) => {
				const { rows } = await tx.query<{ status: string; email: string | null }>(
					'select status, email from public.redeem_badge_link($1)',
					[token]
				);
				return rows[0]!;
			});
		expect(await redeem(first[0]!.token)).toEqual({ status: 'ok', email: 'del@example.test' });
		expect(await redeem(first[0]!.token)).toEqual({ status: 'spent', email: null });
		expect(await redeem('0'.repeat(64))).toEqual({ status: 'unknown', email: null });

		await testDb.db.query(
			`insert into public.badge_links (token, member_id, expires_at) values ($1, $2, now() - interval '1 minute')`,
			['e'.repeat(64), memberId]
		);
		expect(await redeem('e'.repeat(64))).toEqual({ status: 'expired', email: null });
		// A spent link is replaced by a new one on the next sheet.
		const second = await issue();
		expect(second[0]!.token).not.toBe(first[0]!.token);
	});
});

describe('invitation links', () => {
	it('are new with each invitation, void the earlier ones, outlive Auth and work once', async () => {
		const { rows: members } = await testDb.db.query<{ id: string }>(
			'select id from public.members where user_id = $1',
			[users.delegate]
		);
		const memberId = members[0]!.id;
		const issue = () =>
			asUser(testDb.db, users.organiser, async (tx) => {
				const { rows } = await tx.query<{ member_id: string; token: string; expires_at: Date }>(
					'select * from public.issue_invitation_links($1, $2)',
					[eventId, [memberId]]
				);
				return rows;
			});
		const redeem = (token: string) =>
			asServiceRole(testDb.db, async (tx) => {
				const { rows } = await tx.query<{ status: string; email: string | null }>(
					'select status, email from public.redeem_invitation_link($1)',
					[token]
				);
				return rows[0]!;
			});

		const first = await issue();
		expect(first).toHaveLength(1);
		expect(first[0]!.member_id).toBe(memberId);
		// A week at least (the event ended in 2018), far beyond Auth's hour.
		expect(first[0]!.expires_at.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
		const second = await issue();
		expect(second[0]!.token).not.toBe(first[0]!.token);
		// The resent invitation is the one that works.
		expect(await redeem(first[0]!.token)).toEqual({ status: 'expired', email: null });
		expect(await redeem(second[0]!.token)).toEqual({ status: 'ok', email: 'del@example.test' });
		expect(await redeem(second[0]!.token)).toEqual({ status: 'spent', email: null });
		expect(await redeem('0'.repeat(64))).toEqual({ status: 'unknown', email: null });

		await expect(
			asUser(testDb.db, users.delegate, (tx) =>
				tx.query('select * from public.issue_invitation_links($1, $2)', [eventId, [memberId]])
			)
		).rejects.toMatchObject({ hint: 'not_an_organiser' });
		await expect(
			asUser(testDb.db, users.organiser, (tx) => tx.query('select * from public.invitation_links'))
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(testDb.db, users.organiser, (tx) =>
				tx.query('select * from public.redeem_invitation_link($1)', [second[0]!.token])
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('member triggers per statement', () => {
	it('audit each imported member and notify each person added, once per row', async () => {
		const since = new Date();
		await importRows(users.organiser, [
			['audited.one@example.test', 'Audited One', null, null, null, 'delegate', null],
			['audited.two@example.test', 'Audited Two', null, null, null, 'observer', null]
		]);
		await importRows(users.organiser, [
			['audited.one@example.test', 'Audited One', null, null, null, 'rapporteur', null]
		]);
		const { rows: audit } = await testDb.db.query<{ action: string; actor: string; details: Record<string, unknown> }>(
			`select a.action, a.actor, a.details from public.audit_log as a
			  join public.members as m on m.id::text = a.object_id
			  join auth.users as u on u.id = m.user_id
			 where u.email like 'audited.%' and a.at >= $1 order by a.id`,
			[since]
		);
		expect(audit.map((row) => row.action)).toEqual(['members.insert', 'members.insert', 'members.update']);
		expect(new Set(audit.map((row) => row.actor))).toEqual(new Set([users.organiser]));
		expect(audit[2]!.details).toEqual({ changes: { role: { old: 'delegate', new: 'rapporteur' } } });
		const { rows: notices } = await testDb.db.query<{ n: number }>(
			`select count(*)::int as n from public.notifications as n join auth.users as u on u.id = n.user_id
			  where u.email like 'audited.%' and n.kind = 'member_added'`
		);
		expect(notices[0]!.n).toBe(2);
	});
});
