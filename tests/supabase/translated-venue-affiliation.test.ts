// An event's venue and a guest's affiliation are translated text {en, ro, ru}: what the
// schema accepts, what programme_people and event_context return, and what the migration
// made of the plain text a database held before it.
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { migrate } from '../../supabase/local/migrate.ts';
import {
	addMember,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

const MIGRATION = '20261128040000';
const migrationsDir = fileURLToPath(new URL('../../supabase/migrations/', import.meta.url));

let testDb: TestDatabase;
let db: SqlDatabase;

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
});

afterAll(async () => {
	await testDb?.close();
});

async function insertSession(eventId: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.sessions (event_id, starts_at, ends_at, format, title)
		 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Panel"}') returning id`,
		[eventId]
	);
	return rows[0]!.id;
}

describe('events.venue', () => {
	it.each([
		['in the default language only', { en: 'Bucharest, Romania' }],
		['in three languages', { en: 'Bucharest, Romania', ro: 'București, România', ru: 'Бухарест, Румыния' }]
	])('accepts a venue %s', async (_label, venue) => {
		const eventId = await createEvent(db);
		const { rows } = await db.query<{ venue: unknown }>(
			`update public.events set venue = $2 where id = $1 returning venue`,
			[eventId, JSON.stringify(venue)]
		);
		expect(rows[0]!.venue).toEqual(venue);
	});

	it.each([
		['without the default language', { ro: 'București, România' }],
		['in an unsupported language', { en: 'Bucharest', de: 'Bukarest' }],
		['as plain JSON text', 'Bucharest, Romania'],
		['blank', { en: '  ' }],
		['longer than 300 characters in one language', { en: 'Bucharest', ro: 'ă'.repeat(301) }]
	])('refuses a venue %s', async (_label, venue) => {
		const eventId = await createEvent(db);
		await expect(
			db.query(`update public.events set venue = $2 where id = $1`, [eventId, JSON.stringify(venue)])
		).rejects.toMatchObject({ code: '23514' });
	});

	it('comes translated out of event_context', async () => {
		const slug = `venue-${Math.random().toString(36).slice(2, 10)}`;
		const eventId = await createEvent(db, { slug });
		const venue = { en: 'Bucharest, Romania', ru: 'Бухарест, Румыния' };
		await db.query(`update public.events set venue = $2 where id = $1`, [eventId, JSON.stringify(venue)]);
		const { rows } = await asUser(db, null, (tx) =>
			tx.query<{ venue: unknown }>(`select venue from public.event_context($1)`, [slug])
		);
		expect(rows).toEqual([{ venue }]);
	});
});

describe('session_people.affiliation', () => {
	it('accepts any one language, as a child row cannot see its event default', async () => {
		const sessionId = await insertSession(await createEvent(db));
		await db.query(
			`insert into public.session_people (session_id, role, name, affiliation) values ($1, 'speaker', 'Ana', $2)`,
			[sessionId, JSON.stringify({ ro: 'Ministerul Muncii și Justiției Sociale' })]
		);
	});

	it.each([
		['empty', {}],
		['in an unsupported language', { uk: 'Міністерство соціальної політики' }],
		['longer than 300 characters', { en: 'x'.repeat(301) }]
	])('refuses an affiliation %s', async (_label, affiliation) => {
		const sessionId = await insertSession(await createEvent(db));
		await expect(
			db.query(
				`insert into public.session_people (session_id, role, name, affiliation) values ($1, 'speaker', 'Ana', $2)`,
				[sessionId, JSON.stringify(affiliation)]
			)
		).rejects.toMatchObject({ code: '23514' });
	});

	it("reaches visitors through programme_people beside members' own organisations", async () => {
		const eventId = await createEvent(db, { status: 'published' });
		const sessionId = await insertSession(eventId);
		const member = await addMember(db, eventId, await createUser(db), { role: 'delegate', displayName: 'Ion' });
		await db.query(`update public.members set organisation = 'Primăria Iași' where id = $1`, [member]);
		const unicef = { en: 'UNICEF Europe and Central Asia Regional Office', ru: 'Региональный офис ЮНИСЕФ' };
		await db.query(
			`insert into public.session_people (session_id, role, name, affiliation, position) values
			 ($1, 'speaker', 'Alison Grant', $2, 0), ($1, 'speaker', 'Guest', null, 1)`,
			[sessionId, JSON.stringify(unicef)]
		);
		await db.query(
			`insert into public.session_people (session_id, role, member_id, position) values ($1, 'chair', $2, 0)`,
			[sessionId, member]
		);
		const { rows } = await asUser(db, null, (tx) =>
			tx.query(`select name, affiliation, organisation from public.programme_people($1) order by role, position`, [
				eventId
			])
		);
		expect(rows).toEqual([
			{ name: 'Ion', affiliation: null, organisation: 'Primăria Iași' },
			{ name: 'Alison Grant', affiliation: unicef, organisation: null },
			{ name: 'Guest', affiliation: null, organisation: null }
		]);
	});
});

describe('the migration', () => {
	let folder: string;
	let old: SqlDatabase;

	beforeAll(async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'accord-venue-'));
		await symlinkMigrations((name) => name < MIGRATION);
		old = await openDatabase();
		await migrate(old, folder);
	});

	afterAll(async () => {
		await old?.close();
		if (folder) await rm(folder, { recursive: true, force: true });
	});

	// The database first sees the migrations before this one, then the rest, as a deployed
	// project would.
	async function symlinkMigrations(wanted: (name: string) => boolean) {
		const target = path.join(folder, 'migrations');
		await mkdir(target, { recursive: true });
		for (const name of (await readdir(migrationsDir)).filter(wanted)) {
			await symlink(path.join(migrationsDir, name), path.join(target, name));
		}
	}

	it("moves plain venues and affiliations into the event's default language", async () => {
		const insertEvent = (slug: string, language: string, venue: string | null) =>
			old
				.query<{ id: string }>(
					`insert into public.events (slug, title, venue, starts_on, ends_on, default_language, status)
					 values ($1, $2, $3, '2018-11-21', '2018-11-23', $4, 'published') returning id`,
					[slug, JSON.stringify({ [language]: slug }), venue, language]
				)
				.then((result) => result.rows[0]!.id);
		const romanian = await insertEvent('in-romanian', 'ro', 'Palatul Parlamentului');
		const english = await insertEvent('in-english', 'en', '  ');
		const online = await insertEvent('online', 'en', null);
		const sessions: string[] = [];
		for (const eventId of [romanian, english]) {
			const { rows } = await old.query<{ id: string }>(
				`insert into public.sessions (event_id, starts_at, ends_at, format, title)
				 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Panel"}') returning id`,
				[eventId]
			);
			sessions.push(rows[0]!.id);
		}
		await old.query(
			`insert into public.session_people (session_id, role, name, affiliation, position) values
			 ($1, 'speaker', 'Elena', 'Ministerul Muncii', 0), ($2, 'speaker', 'Alison', 'UNICEF', 0),
			 ($2, 'speaker', 'Blank', '', 1), ($2, 'speaker', 'Nobody', null, 2)`,
			sessions
		);

		await symlinkMigrations((name) => name >= MIGRATION);
		const { applied } = await migrate(old, folder);
		expect(applied[0]).toMatch(new RegExp(`^${MIGRATION}_`));

		const venues = await old.query<{ id: string; venue: unknown }>(`select id, venue from public.events`);
		expect(new Map(venues.rows.map((row) => [row.id, row.venue]))).toEqual(
			new Map<string, unknown>([
				[romanian, { ro: 'Palatul Parlamentului' }],
				[english, null],
				[online, null]
			])
		);
		const people = await old.query<{ name: string; affiliation: unknown }>(
			`select name, affiliation from public.session_people order by name`
		);
		expect(people.rows).toEqual([
			{ name: 'Alison', affiliation: { en: 'UNICEF' } },
			{ name: 'Blank', affiliation: null },
			{ name: 'Elena', affiliation: { ro: 'Ministerul Muncii' } },
			{ name: 'Nobody', affiliation: null }
		]);
	});
});
