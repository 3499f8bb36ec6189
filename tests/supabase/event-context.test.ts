// event_context(slug): the event as the caller may read it, their role and what it lets
// them do, in one call; nothing at all about events hidden from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addMember,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

interface ContextRow {
	id: string;
	slug: string;
	title: Record<string, string>;
	status: string;
	role: string | null;
	can_edit_programme: boolean;
	can_manage_members: boolean;
	can_run_votes: boolean;
	can_vote: boolean;
	can_take_notes: boolean;
	can_recommend: boolean;
	can_edit_call_to_action: boolean;
}

let testDb: TestDatabase;
const users = { organiser: '', rapporteur: '', delegate: '', observer: '', outsider: '', creator: '' };
const events = { published: '', draft: '', creatorsDraft: '' };

async function contextOf(userId: string | null, slug: string): Promise<ContextRow[]> {
	return asUser(testDb.db, userId, async (tx) => {
		const { rows } = await tx.query<ContextRow>('select * from public.event_context($1)', [slug]);
		return rows;
	});
}

function capabilities(row: ContextRow) {
	return {
		can_edit_programme: row.can_edit_programme,
		can_manage_members: row.can_manage_members,
		can_run_votes: row.can_run_votes,
		can_vote: row.can_vote,
		can_take_notes: row.can_take_notes,
		can_recommend: row.can_recommend,
		can_edit_call_to_action: row.can_edit_call_to_action
	};
}

const NOTHING = {
	can_edit_programme: false,
	can_manage_members: false,
	can_run_votes: false,
	can_vote: false,
	can_take_notes: false,
	can_recommend: false,
	can_edit_call_to_action: false
};

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	const { db } = testDb;
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(db, { email: `${name}@example.test` });
	}
	events.published = await createEvent(db, { slug: 'context-published', status: 'published', title: { en: 'Open' } });
	events.draft = await createEvent(db, { slug: 'context-draft', status: 'draft' });
	events.creatorsDraft = await createEvent(db, { slug: 'context-creators-draft', status: 'draft' });
	await db.query('update public.events set created_by = $1 where id = $2', [users.creator, events.creatorsDraft]);
	for (const event of [events.published, events.draft]) {
		await addMember(db, event, users.organiser, { role: 'organiser' });
		await addMember(db, event, users.rapporteur, { role: 'rapporteur' });
		await addMember(db, event, users.delegate, { role: 'delegate', countryCode: 'RO' });
		await addMember(db, event, users.observer, { role: 'observer' });
	}
});

afterAll(async () => {
	await testDb?.close();
});

describe('event_context', () => {
	it('gives a visitor the published event, no role and nothing to do', async () => {
		const rows = await contextOf(null, 'context-published');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: events.published, slug: 'context-published', title: { en: 'Open' } });
		expect(rows[0]!.role).toBeNull();
		expect(capabilities(rows[0]!)).toEqual(NOTHING);
	});

	it('answers a signed-in non-member exactly as a visitor', async () => {
		const [visitor, outsider] = [
			await contextOf(null, 'context-published'),
			await contextOf(users.outsider, 'context-published')
		];
		expect(outsider).toEqual(visitor);
	});

	it('lets a delegate vote, recommend and co-edit, not run the event', async () => {
		const [row] = await contextOf(users.delegate, 'context-published');
		expect(row!.role).toBe('delegate');
		expect(capabilities(row!)).toEqual({
			...NOTHING,
			can_vote: true,
			can_recommend: true,
			can_edit_call_to_action: true
		});
	});

	it('lets a rapporteur take notes but not vote', async () => {
		const [row] = await contextOf(users.rapporteur, 'context-published');
		expect(row!.role).toBe('rapporteur');
		expect(capabilities(row!)).toEqual({
			...NOTHING,
			can_take_notes: true,
			can_recommend: true,
			can_edit_call_to_action: true
		});
	});

	it('gives an observer a role and nothing to do', async () => {
		const [row] = await contextOf(users.observer, 'context-published');
		expect(row!.role).toBe('observer');
		expect(capabilities(row!)).toEqual(NOTHING);
	});

	it('lets an organiser run the event but not vote', async () => {
		const [row] = await contextOf(users.organiser, 'context-published');
		expect(row!.role).toBe('organiser');
		expect(capabilities(row!)).toEqual({
			can_edit_programme: true,
			can_manage_members: true,
			can_run_votes: true,
			can_vote: false,
			can_take_notes: true,
			can_recommend: true,
			can_edit_call_to_action: true
		});
	});

	it('hides a draft from visitors and non-members as if it did not exist', async () => {
		expect(await contextOf(null, 'context-draft')).toEqual([]);
		expect(await contextOf(users.outsider, 'context-draft')).toEqual([]);
		expect(await contextOf(users.outsider, 'no-such-event')).toEqual([]);
	});

	it('shows a draft to its members and to its creator, as the events policy does', async () => {
		const [member] = await contextOf(users.observer, 'context-draft');
		expect(member).toMatchObject({ id: events.draft, status: 'draft', role: 'observer' });
		const [creator] = await contextOf(users.creator, 'context-creators-draft');
		expect(creator).toMatchObject({ id: events.creatorsDraft, role: null });
	});

	it('agrees with the events policy for every caller and event', async () => {
		for (const userId of [null, ...Object.values(users)]) {
			for (const slug of ['context-published', 'context-draft', 'context-creators-draft']) {
				const viaPolicy = await asUser(testDb.db, userId, async (tx) => {
					const { rows } = await tx.query('select id from public.events where slug = $1', [slug]);
					return rows.length;
				});
				expect((await contextOf(userId, slug)).length, `${userId ?? 'anon'} on ${slug}`).toBe(viaPolicy);
			}
		}
	});
});
