// The demo seed (supabase/seed.sql) on a fresh database: the 2018 Bucharest conference of
// DESIGN §1 and the 2023 Ukraine consultation, complete and really translated.
// Runs on PGlite, or on the Postgres server in DATABASE_URL (see helpers/database.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/sql-client.ts';
import { asUser, createTestDatabase, type TestDatabase } from './helpers/database.ts';

const EVENT_2018 = 'e0000000-0000-4000-8000-000000002018';
const EVENT_2023 = 'e0000000-0000-4000-8000-000000002023';
const CALL_FOR_ACTION = 'c0000000-0000-4000-8000-000000002018';
const DRAFT_ROUND = 'f0000000-0000-4000-8000-000000002018';
const ORGANISER = 'a0000000-0000-4000-8000-000000000001';
const DEMO_PASSWORD = 'accord-demo';

const COUNTRY_CODES = [
	'AL',
	'AM',
	'AZ',
	'BA',
	'BG',
	'BY',
	'GE',
	'HR',
	'KG',
	'KZ',
	'MD',
	'ME',
	'MK',
	'RO',
	'RS',
	'TJ',
	'TM',
	'TR',
	'UA',
	'UZ',
	'XK'
];

// Every translated column the seed fills: [table, column, key column, which rows have it].
const TRANSLATED_COLUMNS: [string, string, string, string?][] = [
	['countries', 'name', 'code'],
	['events', 'title', 'slug'],
	['events', 'summary', 'slug'],
	// The online 2023 consultation has no venue; members are shown with their own organisation.
	['events', 'venue', 'slug', 'venue is not null'],
	['session_people', 'affiliation', 'id', 'member_id is null'],
	['event_days', 'theme', 'id'],
	['sessions', 'title', 'id'],
	['sessions', 'description', 'id'],
	['session_summaries', 'body', 'session_id'],
	['indicators', 'title', 'code'],
	['indicators', 'description', 'code'],
	['indicators', 'means_of_verification', 'code'],
	['voting_rounds', 'title', 'id'],
	['documents', 'title', 'id']
];

interface Translated {
	table: string;
	column: string;
	key: string;
	text: { en?: string; ro?: string; ru?: string };
}

let testDb: TestDatabase;
let db: Queryable;

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: true });
	db = testDb.db;
});

afterAll(async () => {
	await testDb?.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
	const { rows } = await db.query<{ n: number }>(sql, params);
	return Number(rows[0]?.n);
}

async function translatedTexts(): Promise<Translated[]> {
	const all: Translated[] = [];
	for (const [table, column, key, having = 'true'] of TRANSLATED_COLUMNS) {
		const { rows } = await db.query<{ key: string; text: Translated['text'] | null }>(
			`select ${key}::text as key, ${column} as text from public.${table} where ${having}`
		);
		for (const row of rows) {
			expect(row.text, `${table}.${column} of ${row.key} is empty`).not.toBeNull();
			all.push({ table, column, key: row.key, text: row.text ?? {} });
		}
	}
	return all;
}

const where = (t: Translated) => `${t.table}.${t.column} of ${t.key}`;

describe('the 2018 conference', () => {
	it('is the published Bucharest event of DESIGN §1 in three languages', async () => {
		const { rows } = await db.query<Record<string, unknown>>(
			`select slug, venue, timezone, starts_on::text, ends_on::text, languages::text[] as languages,
				default_language::text, status::text, title ->> 'en' as title
			from public.events where id = $1`,
			[EVENT_2018]
		);
		expect(rows[0]).toEqual({
			slug: 'social-workforce-2018',
			venue: { en: 'Bucharest, Romania', ro: 'București, România', ru: 'Бухарест, Румыния' },
			timezone: 'Europe/Bucharest',
			starts_on: '2018-11-21',
			ends_on: '2018-11-23',
			languages: ['en', 'ro', 'ru'],
			default_language: 'en',
			status: 'published',
			title: 'Regional conference on social work and the social service workforce, Europe and Central Asia'
		});
	});

	it('has the 21 delegations, Kosovo under UNSCR 1244', async () => {
		const { rows } = await db.query<{ code: string }>('select code from public.countries order by code');
		expect(rows.map((row) => row.code)).toEqual(expect.arrayContaining(COUNTRY_CODES));
		const kosovo = await db.query<{ name: Translated['text'] }>(`select name from public.countries where code = 'XK'`);
		expect(kosovo.rows[0]?.name.en).toBe('Kosovo (UNSCR 1244)');
	});

	it('runs over three days themed planning, developing, supporting', async () => {
		const { rows } = await db.query<{ day_index: number; date: string; theme: string }>(
			`select day_index, date::text, theme ->> 'en' as theme from public.event_days where event_id = $1 order by day_index`,
			[EVENT_2018]
		);
		expect(rows).toEqual([
			{ day_index: 1, date: '2018-11-21', theme: expect.stringMatching(/^Planning/) },
			{ day_index: 2, date: '2018-11-22', theme: expect.stringMatching(/^Developing/) },
			{ day_index: 3, date: '2018-11-23', theme: expect.stringMatching(/^Supporting/) }
		]);
	});

	it('has at least 15 sessions in plenary, panel and parallel formats, within each day in Bucharest time', async () => {
		expect(
			await count('select count(*) as n from public.sessions where event_id = $1', [EVENT_2018])
		).toBeGreaterThanOrEqual(15);
		const formats = await db.query<{ format: string }>(
			'select distinct format::text from public.sessions where event_id = $1 order by 1',
			[EVENT_2018]
		);
		expect(formats.rows.map((row) => row.format)).toEqual(['panel', 'parallel', 'plenary']);
		const outsideTheirDay = await count(
			`select count(*) as n from public.sessions s join public.event_days d on d.id = s.day_id
			where s.event_id = $1 and ((s.starts_at at time zone 'Europe/Bucharest')::date <> d.date
				or (s.starts_at at time zone 'Europe/Bucharest')::time not between '08:00' and '18:00')`,
			[EVENT_2018]
		);
		expect(outsideTheirDay).toBe(0);
		const closing = await db.query<{ title: string }>(
			`select title ->> 'en' as title from public.sessions where event_id = $1 order by starts_at desc limit 1`,
			[EVENT_2018]
		);
		expect(closing.rows[0]?.title).toMatch(/adoption of the Call to Action/);
	});

	it('gives every session a chair and a rapporteur, and has free-text guests among resource persons', async () => {
		const missing = await db.query<{ id: string }>(
			`select s.id from public.sessions s
			where not exists (select 1 from public.session_people p where p.session_id = s.id and p.role = 'chair')
				or not exists (select 1 from public.session_people p where p.session_id = s.id and p.role = 'rapporteur')`
		);
		expect(missing.rows).toEqual([]);
		const guests = await count(
			`select count(*) as n from public.session_people p join public.sessions s on s.id = p.session_id
			where s.event_id = $1 and p.role = 'resource_person' and p.member_id is null and p.affiliation is not null`,
			[EVENT_2018]
		);
		expect(guests).toBeGreaterThanOrEqual(3);
		const demoRapporteurSessions = await count(
			`select count(distinct p.session_id) as n from public.session_people p
			join public.members m on m.id = p.member_id join auth.users u on u.id = m.user_id
			where m.event_id = $1 and p.role = 'rapporteur' and u.email in ('rapporteur@accord.test', 'rapporteur2@accord.test')`,
			[EVENT_2018]
		);
		expect(demoRapporteurSessions).toBeGreaterThanOrEqual(6);
	});

	it('has at least 40 delegates covering all 21 countries, with organisations, sectors and profiles', async () => {
		const { rows } = await db.query<{ delegates: number; countries: number; incomplete: number }>(
			`select count(*)::int as delegates, count(distinct country_code)::int as countries,
				count(*) filter (where organisation is null or sector is null or profile_type is null)::int as incomplete
			from public.members where event_id = $1 and role = 'delegate'`,
			[EVENT_2018]
		);
		expect(rows[0]!.delegates).toBeGreaterThanOrEqual(40);
		expect(rows[0]!.countries).toBe(21);
		expect(rows[0]!.incomplete).toBe(0);
	});

	it('publishes summaries of day 1 sessions only', async () => {
		const { rows } = await db.query<{ day_index: number; published: number }>(
			`select d.day_index, count(*) filter (where ss.published_at is not null)::int as published
			from public.session_summaries ss
			join public.sessions s on s.id = ss.session_id join public.event_days d on d.id = s.day_id
			where s.event_id = $1 group by d.day_index order by d.day_index`,
			[EVENT_2018]
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.day_index).toBe(1);
		expect(rows[0]!.published).toBeGreaterThanOrEqual(3);
	});

	it('has at least 12 illustrative indicators in all four domains, coded by domain', async () => {
		const { rows } = await db.query<{ code: string; domain: string; is_illustrative: boolean }>(
			'select code, domain::text, is_illustrative from public.indicators where event_id = $1',
			[EVENT_2018]
		);
		expect(rows.length).toBeGreaterThanOrEqual(12);
		expect(new Set(rows.map((row) => row.domain))).toEqual(
			new Set(['planning', 'developing', 'supporting', 'cross_cutting'])
		);
		const prefix = { planning: 'P', developing: 'D', supporting: 'S', cross_cutting: 'X' } as Record<string, string>;
		for (const row of rows) {
			expect(row.is_illustrative, row.code).toBe(true);
			expect(row.code, row.domain).toMatch(new RegExp(`^${prefix[row.domain]}\\d+$`));
		}
	});

	it('has one draft voting round holding every indicator, and the Call to Action in drafting', async () => {
		const round = await db.query<{ status: string; indicators: number }>(
			`select r.status::text, (select count(*)::int from public.round_indicators ri where ri.round_id = r.id) as indicators
			from public.voting_rounds r where r.event_id = $1`,
			[EVENT_2018]
		);
		expect(round.rows).toEqual([
			{
				status: 'draft',
				indicators: await count('select count(*) as n from public.indicators where event_id = $1', [EVENT_2018])
			}
		]);
		expect(await count('select count(*) as n from public.voting_rounds where id = $1', [DRAFT_ROUND])).toBe(1);
		const documents = await db.query<{ id: string; status: string }>(
			'select id, status::text from public.documents where event_id = $1',
			[EVENT_2018]
		);
		expect(documents.rows).toEqual([{ id: CALL_FOR_ACTION, status: 'drafting' }]);
	});

	it('has endorsed recommendations on day 1 and 2 sessions', async () => {
		const { rows } = await db.query<{ day_index: number; endorsed: number }>(
			`select d.day_index, count(distinct r.id)::int as endorsed
			from public.recommendations r
			join public.recommendation_endorsements e on e.recommendation_id = r.id
			join public.sessions s on s.id = r.session_id join public.event_days d on d.id = s.day_id
			where s.event_id = $1 group by d.day_index order by d.day_index`,
			[EVENT_2018]
		);
		expect(rows.map((row) => row.day_index)).toEqual([1, 2]);
		for (const row of rows) expect(row.endorsed).toBeGreaterThanOrEqual(1);
	});

	it('shows its programme to anonymous visitors and its round to the organiser through RLS', async () => {
		const programme = await asUser(testDb.db, null, (tx) =>
			tx.query<{ n: number }>('select count(*)::int as n from public.sessions where event_id = $1', [EVENT_2018])
		);
		expect(programme.rows[0]!.n).toBeGreaterThanOrEqual(15);
		const rounds = await asUser(testDb.db, ORGANISER, (tx) =>
			tx.query<{ id: string }>('select id from public.voting_rounds where event_id = $1', [EVENT_2018])
		);
		expect(rounds.rows).toEqual([{ id: DRAFT_ROUND }]);
	});
});

describe('the 2023 Ukraine consultation', () => {
	it('is a published online event in en/ro/ru with sessions 1, 2a, 2b and 3', async () => {
		const event = await db.query<{ status: string; starts_on: string; languages: string[]; venue: unknown }>(
			`select status::text, starts_on::text, languages::text[] as languages, venue from public.events where id = $1`,
			[EVENT_2023]
		);
		expect(event.rows[0]).toEqual({
			status: 'published',
			venue: null,
			starts_on: expect.stringMatching(/^2023-04-/),
			languages: ['en', 'ro', 'ru']
		});
		const { rows } = await db.query<{ title: string; format: string }>(
			`select title ->> 'en' as title, format::text from public.sessions where event_id = $1 order by starts_at, position`,
			[EVENT_2023]
		);
		expect(rows.map((row) => row.title.match(/^Session (\w+):/)?.[1])).toEqual(['1', '2a', '2b', '3']);
		expect(new Set(rows.map((row) => row.format))).toEqual(new Set(['webinar', 'working_group']));
	});

	it('ends every session with key recommendations', async () => {
		const { rows } = await db.query<{ accepted: number }>(
			`select (select count(*)::int from public.recommendations r where r.session_id = s.id and r.status = 'accepted') as accepted
			from public.sessions s where s.event_id = $1`,
			[EVENT_2023]
		);
		expect(rows).toHaveLength(4);
		for (const row of rows) expect(row.accepted).toBeGreaterThanOrEqual(2);
	});
});

describe('translations', () => {
	it('fill en, ro and ru everywhere, Romanian and Russian differing from English', async () => {
		const texts = await translatedTexts();
		expect(texts.length).toBeGreaterThan(100);
		for (const t of texts) {
			for (const language of ['en', 'ro', 'ru'] as const) {
				expect(t.text[language]?.trim(), `${where(t)} lacks ${language}`).toBeTruthy();
			}
			expect(t.text.ru, `${where(t)}: ru is the English text`).not.toBe(t.text.en);
			// Country names are proper nouns: Romanian writes Albania, Serbia, Georgia as English does.
			if (t.table !== 'countries') expect(t.text.ro, `${where(t)}: ro is the English text`).not.toBe(t.text.en);
		}
	});

	it('write Romanian with comma-below ș and ț, never the cedilla forms', async () => {
		const texts = await translatedTexts();
		for (const t of texts) {
			expect(t.text.ro, `${where(t)} uses a cedilla`).not.toMatch(/[şţŞŢ]/);
			// "si" and "in" without diacritics are the usual trace of a keyboard without them.
			expect(t.text.ro, `${where(t)} lacks diacritics`).not.toMatch(/(^|\s)(si|Si|in|In)\s/);
		}
		const romanian = texts.map((t) => t.text.ro).join(' ');
		for (const letter of ['ș', 'ț', 'ă', 'â', 'î']) expect(romanian).toContain(letter);
	});

	it('write Russian in Cyrillic', async () => {
		for (const t of await translatedTexts()) {
			const letters = (t.text.ru ?? '').match(/\p{L}/gu) ?? [];
			const cyrillic = letters.filter((letter) => /\p{Script=Cyrillic}/u.test(letter));
			expect(cyrillic.length / letters.length, `${where(t)} is not Cyrillic: ${t.text.ru}`).toBeGreaterThan(0.9);
		}
	});
});

describe('determinism', () => {
	const tables = [
		'auth.users',
		'auth.identities',
		'public.events',
		'public.event_days',
		'public.members',
		'public.sessions',
		'public.session_people',
		'public.indicators',
		'public.voting_rounds',
		'public.documents',
		'public.recommendations'
	];

	async function ids(on: Queryable): Promise<Record<string, string[]>> {
		const result: Record<string, string[]> = {};
		for (const table of tables) {
			const { rows } = await on.query<{ id: string }>(`select id::text from ${table} order by id`);
			result[table] = rows.map((row) => row.id);
		}
		return result;
	}

	it('gives every row the same id on every new database', async () => {
		const other = await createTestDatabase({ seed: true });
		try {
			expect(await ids(other.db)).toEqual(await ids(db));
		} finally {
			await other.close();
		}
	});
});

describe('demo accounts', () => {
	const staff = ['organiser@accord.test', 'rapporteur@accord.test', 'rapporteur2@accord.test', 'observer@accord.test'];

	it('exist confirmed, with the demo password and an email identity', async () => {
		const { rows } = await db.query<{
			email: string;
			aud: string;
			role: string;
			confirmed: boolean;
			password_ok: boolean;
			providers: string[];
			display_name: string | null;
			identities: number;
		}>(
			`select u.email, u.aud, u.role, u.email_confirmed_at is not null as confirmed,
				u.encrypted_password = extensions.crypt($1, u.encrypted_password) as password_ok,
				array(select jsonb_array_elements_text(u.raw_app_meta_data -> 'providers')) as providers,
				u.raw_user_meta_data ->> 'display_name' as display_name,
				(select count(*)::int from auth.identities i where i.user_id = u.id and i.provider = 'email') as identities
			from auth.users u where u.email like '%@accord.test'`,
			[DEMO_PASSWORD]
		);
		expect(rows.map((row) => row.email)).toEqual(expect.arrayContaining(staff));
		expect(rows.filter((row) => row.email.startsWith('delegate.')).length).toBeGreaterThanOrEqual(40);
		for (const row of rows) {
			expect(row, row.email).toMatchObject({
				aud: 'authenticated',
				role: 'authenticated',
				confirmed: true,
				password_ok: true,
				providers: ['email'],
				identities: 1
			});
			expect(row.display_name, row.email).toBeTruthy();
		}
	});

	it('hold the role their address says at the 2018 conference', async () => {
		const { rows } = await db.query<{ email: string; role: string }>(
			`select u.email, m.role::text from public.members m join auth.users u on u.id = m.user_id where m.event_id = $1`,
			[EVENT_2018]
		);
		const roleOf = new Map(rows.map((row) => [row.email, row.role]));
		expect(roleOf.get('organiser@accord.test')).toBe('organiser');
		expect(roleOf.get('rapporteur@accord.test')).toBe('rapporteur');
		expect(roleOf.get('rapporteur2@accord.test')).toBe('rapporteur');
		expect(roleOf.get('observer@accord.test')).toBe('observer');
		expect(roleOf.get('delegate.md.1@accord.test')).toBe('delegate');
	});
});
