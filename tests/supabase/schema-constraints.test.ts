// What the schema itself guarantees, whoever writes: translated text shape, slugs, time
// zones, dates, cross-event references, document adoption, updated_at, and the tables
// published to Realtime.
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

function insertEvent(fields: Record<string, unknown>) {
	const values = {
		slug: `e-${Math.random().toString(36).slice(2, 10)}`,
		title: { en: 'Conference' },
		timezone: 'Europe/Bucharest',
		starts_on: '2018-11-21',
		ends_on: '2018-11-23',
		...fields
	};
	const columns = Object.keys(values);
	const params = Object.values(values).map((value) =>
		typeof value === 'object' && value !== null ? JSON.stringify(value) : value
	);
	return db.query<{ id: string }>(
		`insert into public.events (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
		params
	);
}

describe('events', () => {
	it('accept a well-formed event', async () => {
		const { rows } = await insertEvent({
			title: { en: 'Regional conference', ro: 'Conferință regională', ru: 'Региональная конференция' },
			languages: '{en,ro,ru}',
			default_language: 'ro'
		});
		expect(rows).toHaveLength(1);
	});

	it.each([
		['a slug with capitals or spaces', { slug: 'Bad Slug' }],
		['a slug with a trailing hyphen', { slug: 'conference-' }],
		['ends before it starts', { starts_on: '2018-11-23', ends_on: '2018-11-21' }],
		['an unknown time zone', { timezone: 'Europe/Atlantis' }],
		['a title in an unsupported language', { title: { en: 'x', de: 'y' } }],
		['a title without the default language', { title: { ro: 'Conferință' }, default_language: 'en' }],
		['a blank title', { title: { en: '   ' } }],
		['a title that is not text', { title: { en: 3 } }],
		['a title that is an array', { title: ['en'] }],
		['a default language the event does not use', { languages: '{en,ru}', default_language: 'ro' }],
		['no languages', { languages: '{}' }]
	])('reject %s', async (_label, fields) => {
		await expect(insertEvent(fields)).rejects.toMatchObject({ code: '23514' });
	});

	it('reject a duplicate slug', async () => {
		await insertEvent({ slug: 'taken-slug' });
		await expect(insertEvent({ slug: 'taken-slug' })).rejects.toMatchObject({ code: '23505' });
	});

	it('maintain updated_at on every update', async () => {
		const { rows } = await insertEvent({});
		const id = rows[0]!.id;
		await db.query(
			`update public.events set updated_at = '2000-01-01', venue = '{"en":"Palace of the Parliament"}' where id = $1`,
			[id]
		);
		const after = await db.query<{ stale: boolean }>(
			`select updated_at < now() - interval '1 day' as stale from public.events where id = $1`,
			[id]
		);
		expect(after.rows[0]!.stale).toBe(false);
	});

	it('created through the API make their creator the organiser', async () => {
		const creator = await createUser(db, { email: 'creator@example.test', metadata: { display_name: 'Ioana' } });
		const created = await asUser(db, creator, async (tx) => {
			const { rows } = await tx.query<{ id: string }>(
				`insert into public.events (slug, title, starts_on, ends_on, created_by) values ('my-event', '{"en":"Mine"}', '2024-01-01', '2024-01-02', $1) returning id`,
				[creator]
			);
			return rows[0]!.id;
		});
		const member = await db.query(
			`select role, display_name from public.members where event_id = $1 and user_id = $2`,
			[created, creator]
		);
		expect(member.rows).toEqual([{ role: 'organiser', display_name: 'Ioana' }]);
		await expect(
			asUser(db, creator, (tx) =>
				tx.query(
					`insert into public.events (slug, title, starts_on, ends_on, created_by, status) values ('live-event', '{"en":"x"}', '2024-01-01', '2024-01-02', $1, 'published')`,
					[creator]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('members', () => {
	it('an event keeps at least one organiser, though the event itself can be deleted', async () => {
		const eventId = await createEvent(db, { status: 'draft' });
		const first = await createUser(db);
		const second = await createUser(db);
		await addMember(db, eventId, first, { role: 'organiser' });
		await addMember(db, eventId, second, { role: 'organiser' });

		await expect(
			db.query(`delete from public.members where event_id = $1 and role = 'organiser'`, [eventId])
		).rejects.toMatchObject({
			code: 'AC010'
		});
		await expect(
			db.query(`update public.members set role = 'delegate' where event_id = $1`, [eventId])
		).rejects.toMatchObject({
			code: 'AC010'
		});
		const stepDown = await asUser(db, first, (tx) =>
			tx.query(`update public.members set role = 'observer' where event_id = $1 and user_id = $2`, [eventId, first])
		);
		expect(stepDown.affectedRows).toBe(1);
		await expect(
			asUser(db, second, (tx) =>
				tx.query(`delete from public.members where event_id = $1 and user_id = $2`, [eventId, second])
			)
		).rejects.toMatchObject({ code: 'AC010' });

		const deleted = await asUser(db, second, (tx) => tx.query(`delete from public.events where id = $1`, [eventId]));
		expect(deleted.affectedRows).toBe(1);
		const left = await db.query(`select id from public.members where event_id = $1`, [eventId]);
		expect(left.rows).toEqual([]);
	});
});

describe('cross-event references', () => {
	it("a session person must be a member of the session's event, or a named guest, not both", async () => {
		const eventA = await createEvent(db);
		const eventB = await createEvent(db);
		const user = await createUser(db);
		const memberOfB = await addMember(db, eventB, user, { role: 'rapporteur' });
		const session = await db.query<{ id: string }>(
			`insert into public.sessions (event_id, starts_at, ends_at, format, title) values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Panel"}') returning id`,
			[eventA]
		);
		const sessionId = session.rows[0]!.id;
		await expect(
			db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
				sessionId,
				memberOfB
			])
		).rejects.toMatchObject({ code: '23514' });
		await expect(
			db.query(
				`insert into public.session_people (session_id, role, member_id, name) values ($1, 'chair', $2, 'Both')`,
				[sessionId, memberOfB]
			)
		).rejects.toMatchObject({ code: '23514' });
		await expect(
			db.query(`insert into public.session_people (session_id, role) values ($1, 'chair')`, [sessionId])
		).rejects.toMatchObject({
			code: '23514'
		});
	});

	it("a session's day belongs to the session's event", async () => {
		const eventA = await createEvent(db);
		const eventB = await createEvent(db);
		const day = await db.query<{ id: string }>(
			`insert into public.event_days (event_id, day_index, date) values ($1, 1, '2018-11-21') returning id`,
			[eventB]
		);
		await expect(
			db.query(
				`insert into public.sessions (event_id, day_id, starts_at, ends_at, format, title) values ($1, $2, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"x"}')`,
				[eventA, day.rows[0]!.id]
			)
		).rejects.toMatchObject({ code: '23503' });
	});

	it("a round's indicators belong to the round's event", async () => {
		const eventA = await createEvent(db);
		const eventB = await createEvent(db);
		const indicator = await db.query<{ id: string }>(
			`insert into public.indicators (event_id, code, domain, title) values ($1, 'X1', 'developing', '{"en":"x"}') returning id`,
			[eventB]
		);
		const round = await db.query<{ id: string }>(
			`insert into public.voting_rounds (event_id, title) values ($1, '{"en":"R"}') returning id`,
			[eventA]
		);
		await expect(
			db.query(`insert into public.round_indicators (round_id, indicator_id) values ($1, $2)`, [
				round.rows[0]!.id,
				indicator.rows[0]!.id
			])
		).rejects.toMatchObject({ code: '23514' });
	});

	it('a voting round starts as a draft and its thresholds stay within 0–100', async () => {
		const eventId = await createEvent(db);
		await expect(
			db.query(`insert into public.voting_rounds (event_id, title, status) values ($1, '{"en":"R"}', 'open')`, [
				eventId
			])
		).rejects.toMatchObject({ code: 'AC005' });
		await expect(
			db.query(`insert into public.voting_rounds (event_id, title, threshold_percent) values ($1, '{"en":"R"}', 0)`, [
				eventId
			])
		).rejects.toMatchObject({ code: '23514' });
		await expect(
			db.query(`insert into public.voting_rounds (event_id, title, quorum_percent) values ($1, '{"en":"R"}', 100.5)`, [
				eventId
			])
		).rejects.toMatchObject({ code: '23514' });
	});
});

describe('documents', () => {
	it('record adoption once, audit it, and cannot be un-adopted', async () => {
		const eventId = await createEvent(db);
		const organiser = await createUser(db);
		await addMember(db, eventId, organiser, { role: 'organiser' });
		const document = await db.query<{ id: string; adopted_at: string | null }>(
			`insert into public.documents (event_id, title) values ($1, '{"en":"Call to Action"}') returning id, adopted_at`,
			[eventId]
		);
		const documentId = document.rows[0]!.id;
		expect(document.rows[0]!.adopted_at).toBeNull();

		await asUser(db, organiser, (tx) =>
			tx.query(`update public.documents set status = 'frozen' where id = $1`, [documentId])
		);
		await asUser(db, organiser, (tx) =>
			tx.query(`update public.documents set status = 'adopted' where id = $1`, [documentId])
		);
		const adopted = await db.query<{ adopted: boolean }>(
			`select adopted_at is not null as adopted from public.documents where id = $1`,
			[documentId]
		);
		expect(adopted.rows[0]!.adopted).toBe(true);

		const audit = await asUser(db, organiser, (tx) =>
			tx.query<{ action: string; actor: string }>(
				`select action, actor from public.audit_log where object_id = $1 order by id`,
				[documentId]
			)
		);
		expect(audit.rows).toEqual([
			{ action: 'documents.frozen', actor: organiser },
			{ action: 'documents.adopted', actor: organiser }
		]);

		await expect(
			asUser(db, organiser, (tx) =>
				tx.query(`update public.documents set status = 'drafting' where id = $1`, [documentId])
			)
		).rejects.toMatchObject({ code: 'AC009' });
	});
});

describe('Realtime', () => {
	it('publishes the tables the app follows live', async () => {
		const { rows } = await db.query<{ tablename: string }>(
			`select tablename from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' order by tablename`
		);
		expect(rows.map((row) => row.tablename)).toEqual(
			expect.arrayContaining([
				'amendments',
				'documents',
				'recommendation_endorsements',
				'recommendations',
				'session_summaries',
				'sessions',
				'votes',
				'voting_rounds'
			])
		);
	});
});

describe('indexes and functions', () => {
	it('every foreign key has an index on its columns', async () => {
		const { rows } = await db.query<{ table_name: string; conname: string }>(
			`select c.conrelid::regclass::text as table_name, c.conname
			 from pg_catalog.pg_constraint as c
			 where c.contype = 'f' and c.connamespace = 'public'::regnamespace
			   and not exists (
			     select 1 from pg_catalog.pg_index as i
			     where i.indrelid = c.conrelid
			       and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
			       and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey
			   )`
		);
		expect(rows).toEqual([]);
	});

	it('every function in public pins its search_path', async () => {
		const { rows } = await db.query<{ proname: string }>(
			`select p.proname from pg_catalog.pg_proc as p
			 where p.pronamespace = 'public'::regnamespace
			   and not exists (select 1 from unnest(p.proconfig) as setting where setting like 'search_path=%')`
		);
		expect(rows).toEqual([]);
	});

	it('trigger functions and collab_access are not callable through the API', async () => {
		const { rows } = await db.query<{ proname: string }>(
			`select p.proname from pg_catalog.pg_proc as p
			 where p.pronamespace = 'public'::regnamespace
			   and (p.prorettype = 'trigger'::regtype or p.proname = 'collab_access')
			   and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))`
		);
		expect(rows).toEqual([]);
	});
});

describe('row level security', () => {
	it('is enabled on every table in public', async () => {
		const { rows } = await db.query<{ relname: string }>(
			`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`
		);
		expect(rows).toEqual([]);
	});

	it("has policies on every table but the collab server's own", async () => {
		// deliberately policy-less: collab_updates/collab_snapshots (only the collab
		// server's own connection uses them), round_electorate (read through round_tally
		// only), instance_settings, event_creator_allow_list, badge_links and invitation_links
		// (the service role's)
		const { rows } = await db.query<{ relname: string }>(
			`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r'
			   and c.relname not in ('collab_updates', 'collab_snapshots', 'round_electorate', 'instance_settings', 'event_creator_allow_list', 'badge_links', 'invitation_links')
			   and not exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname)`
		);
		expect(rows).toEqual([]);
	});
});
