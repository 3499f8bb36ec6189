// Starting and running an event as people do it through the API: a signed-in person
// creates a draft and becomes its organiser; the draft stays among its members until it
// is published; slugs, days and translations are checked with reasons the app translates;
// delegates cannot change any of it; a person's profile applies to all their memberships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/sql-client.ts';
import { addMember, asUser, createTestDatabase, createUser, type TestDatabase } from './helpers/database.ts';

let testDb: TestDatabase;
const users = { creator: '', delegate: '', outsider: '', other: '' };
let eventId = '';

function as<T>(userId: string | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return asUser(testDb.db, userId, fn);
}

async function createDraft(userId: string, slug: string, title: Record<string, string>) {
	return as(userId, async (tx) => {
		const { rows } = await tx.query<{ id: string }>(
			`insert into public.events (slug, title, timezone, starts_on, ends_on, languages, default_language, created_by)
			 values ($1, $2, 'Europe/Bucharest', '2026-05-11', '2026-05-13', '{en,ro,ru}', 'ro', $3) returning id`,
			[slug, JSON.stringify(title), userId]
		);
		return rows[0]!.id;
	});
}

async function visibleSlugs(userId: string | null): Promise<string[]> {
	return as(userId, async (tx) =>
		(await tx.query<{ slug: string }>('select slug from public.events')).rows.map((r) => r.slug)
	);
}

async function days(userId: string) {
	return as(userId, async (tx) => {
		const { rows } = await tx.query<{ day_index: number; date: string }>(
			`select day_index, date::text as date from public.event_days where event_id = $1 order by day_index`,
			[eventId]
		);
		return rows;
	});
}

function addDay(userId: string, date: string) {
	return as(userId, (tx) =>
		tx.query(`insert into public.event_days (event_id, day_index, date, theme) values ($1, 1, $2, '{"ro": "Temă"}')`, [
			eventId,
			date
		])
	);
}

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(testDb.db, { email: `${name}@example.test`, metadata: { display_name: name } });
	}
	eventId = await createDraft(users.creator, 'forum-2026', { ro: 'Forumul 2026' });
	await addMember(testDb.db, eventId, users.delegate, { role: 'delegate', countryCode: 'MD' });
});

afterAll(async () => {
	await testDb?.close();
});

describe('creating an event', () => {
	it('makes its creator its only organiser', async () => {
		const members = await as(users.creator, async (tx) => {
			const { rows } = await tx.query<{ user_id: string; role: string; joined_at: string | null }>(
				`select user_id, role, joined_at from public.members where event_id = $1 and role = 'organiser'`,
				[eventId]
			);
			return rows;
		});
		expect(members).toEqual([expect.objectContaining({ user_id: users.creator, role: 'organiser' })]);
		expect(members[0]!.joined_at).not.toBeNull();
	});

	it('keeps a draft among its members until it is published', async () => {
		expect(await visibleSlugs(users.creator)).toContain('forum-2026');
		expect(await visibleSlugs(users.delegate)).toContain('forum-2026');
		expect(await visibleSlugs(users.outsider)).not.toContain('forum-2026');
		expect(await visibleSlugs(null)).not.toContain('forum-2026');
	});

	it('refuses a slug another event holds, even a draft the person cannot see', async () => {
		await expect(createDraft(users.other, 'forum-2026', { ro: 'Altul' })).rejects.toMatchObject({
			code: '23505',
			hint: 'slug_taken'
		});
	});

	it('refuses a title missing in the default language', async () => {
		await expect(createDraft(users.other, 'other-forum', { en: 'Only English' })).rejects.toMatchObject({
			code: '23514'
		});
	});

	it('cannot be published by the creator as a published event straight away', async () => {
		await expect(
			as(users.other, (tx) =>
				tx.query(
					`insert into public.events (slug, title, starts_on, ends_on, created_by, status, default_language)
					 values ('sneaky', '{"en":"x"}', '2026-01-01', '2026-01-01', $1, 'published', 'en')`,
					[users.other]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('days', () => {
	it('are numbered in date order whatever order they are added in', async () => {
		await addDay(users.creator, '2026-05-13');
		await addDay(users.creator, '2026-05-11');
		expect(await days(users.creator)).toEqual([
			{ day_index: 1, date: '2026-05-11' },
			{ day_index: 2, date: '2026-05-13' }
		]);
		await addDay(users.creator, '2026-05-12');
		expect((await days(users.creator)).map((d) => d.date)).toEqual(['2026-05-11', '2026-05-12', '2026-05-13']);
		await as(users.creator, (tx) =>
			tx.query(`delete from public.event_days where event_id = $1 and date = '2026-05-11'`, [eventId])
		);
		expect(await days(users.creator)).toEqual([
			{ day_index: 1, date: '2026-05-12' },
			{ day_index: 2, date: '2026-05-13' }
		]);
	});

	it('lie within the event, one per date', async () => {
		await expect(addDay(users.creator, '2026-05-14')).rejects.toMatchObject({ hint: 'day_outside_event' });
		await expect(addDay(users.creator, '2026-05-12')).rejects.toMatchObject({ hint: 'day_date_taken' });
	});

	it('hold the event dates: a change that would leave a day outside is refused', async () => {
		await expect(
			as(users.creator, (tx) => tx.query(`update public.events set ends_on = '2026-05-12' where id = $1`, [eventId]))
		).rejects.toMatchObject({ hint: 'days_outside_event' });
	});

	it('are the organisers’ alone', async () => {
		await expect(addDay(users.delegate, '2026-05-11')).rejects.toMatchObject({ code: '42501' });
		// Even on a date that is taken: the refusal says whose days they are, not what is there.
		await expect(addDay(users.delegate, '2026-05-12')).rejects.toMatchObject({ hint: 'not_an_organiser' });
		await expect(addDay(users.outsider, '2026-05-11')).rejects.toMatchObject({ code: '42501' });
	});
});

describe('publishing', () => {
	function setStatus(userId: string, status: string) {
		return as(userId, async (tx) => {
			const { rows } = await tx.query(`update public.events set status = $2 where id = $1 returning id`, [
				eventId,
				status
			]);
			return rows.length;
		});
	}

	it('is refused to a delegate: the row is not theirs to change', async () => {
		expect(await setStatus(users.delegate, 'published')).toBe(0);
	});

	it('needs the title in every working language', async () => {
		await expect(setStatus(users.creator, 'published')).rejects.toMatchObject({ hint: 'event_untranslated' });
		await as(users.creator, (tx) =>
			tx.query(`update public.events set title = $2 where id = $1`, [
				eventId,
				JSON.stringify({ ro: 'Forumul 2026', en: 'Forum 2026', ru: 'Форум 2026' })
			])
		);
		expect(await setStatus(users.creator, 'published')).toBe(1);
		expect(await visibleSlugs(null)).toContain('forum-2026');
		expect(await visibleSlugs(users.outsider)).toContain('forum-2026');
	});

	it('keeps a published title complete', async () => {
		await expect(
			as(users.creator, (tx) =>
				tx.query(`update public.events set title = '{"ro": "Doar română"}' where id = $1`, [eventId])
			)
		).rejects.toMatchObject({ hint: 'event_untranslated' });
	});

	it('closes the event, which stays public', async () => {
		expect(await setStatus(users.creator, 'closed')).toBe(1);
		expect(await visibleSlugs(null)).toContain('forum-2026');
	});
});

describe('members', () => {
	it('an event keeps its last organiser', async () => {
		await expect(
			as(users.creator, (tx) =>
				tx.query(`update public.members set role = 'delegate' where event_id = $1 and user_id = $2`, [
					eventId,
					users.creator
				])
			)
		).rejects.toMatchObject({ hint: 'last_organiser' });
		await expect(
			as(users.creator, (tx) =>
				tx.query(`delete from public.members where event_id = $1 and user_id = $2`, [eventId, users.creator])
			)
		).rejects.toMatchObject({ hint: 'last_organiser' });
	});

	it('a delegate changes nobody’s role', async () => {
		const changed = await as(users.delegate, async (tx) => {
			const { rows } = await tx.query(`update public.members set role = 'organiser' where event_id = $1 returning id`, [
				eventId
			]);
			return rows.length;
		});
		expect(changed).toBe(0);
	});
});

describe('a profile', () => {
	it('applies to every membership of the person, and to nobody else', async () => {
		const second = await createDraft(users.other, 'second-forum', { ro: 'Al doilea forum' });
		await addMember(testDb.db, second, users.delegate, { role: 'delegate', countryCode: 'MD' });
		const updated = await as(users.delegate, async (tx) => {
			const { rows } = await tx.query<{ event_id: string; display_name: string; preferred_language: string }>(
				`select event_id, display_name, preferred_language from public.update_my_profile($1, 'ru', $2, 'health')`,
				['  Natalia Cojocaru ', 'Ministry of Health']
			);
			return rows;
		});
		expect(updated.map((r) => r.event_id).sort()).toEqual([eventId, second].sort());
		const { rows } = await testDb.db.query<{
			user_id: string;
			display_name: string;
			organisation: string | null;
			country_code: string;
		}>(`select user_id, display_name, organisation, country_code from public.members where event_id = any($1)`, [
			[eventId, second]
		]);
		const mine = rows.filter((r) => r.user_id === users.delegate);
		expect(mine).toHaveLength(2);
		for (const row of mine) {
			expect(row).toMatchObject({
				display_name: 'Natalia Cojocaru',
				organisation: 'Ministry of Health',
				country_code: 'MD'
			});
		}
		expect(rows.filter((r) => r.user_id !== users.delegate).every((r) => r.display_name !== 'Natalia Cojocaru')).toBe(
			true
		);
	});

	it('is refused to a visitor', async () => {
		await expect(as(null, (tx) => tx.query(`select * from public.update_my_profile('x', 'en')`))).rejects.toMatchObject(
			{ code: '42501' }
		);
	});
});
