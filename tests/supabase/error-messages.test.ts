// Refusals raised by the real schema read as translated messages ($lib/domain/errors):
// the hint and code Postgres sends are the ones the mapping knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessageKey } from '../../src/lib/domain/errors.ts';
import {
	addMember,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

let testDb: TestDatabase;
let organiser = '';
let delegate = '';
let eventId = '';

/** The error a statement fails with, as the driver reports it. */
async function refusal(userId: string | null, sql: string, params: unknown[] = []) {
	try {
		await asUser(testDb.db, userId, (tx) => tx.query(sql, params));
	} catch (error) {
		return error as { code?: string; hint?: string };
	}
	throw new Error(`expected a refusal from: ${sql}`);
}

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	organiser = await createUser(testDb.db);
	delegate = await createUser(testDb.db);
	eventId = await createEvent(testDb.db, { status: 'published' });
	await addMember(testDb.db, eventId, organiser, { role: 'organiser' });
	await addMember(testDb.db, eventId, delegate, { role: 'delegate', countryCode: 'RO' });
});

afterAll(async () => {
	await testDb?.close();
});

describe('database refusals', () => {
	it('removing the last organiser reads as "make someone else an organiser first"', async () => {
		const error = await refusal(organiser, "update public.members set role = 'delegate' where user_id = $1", [
			organiser
		]);
		expect(errorMessageKey(error)).toBe('error.data.lastOrganiser');
	});

	it('voting in a round that does not exist reads as such', async () => {
		const error = await refusal(delegate, "select public.cast_vote(gen_random_uuid(), gen_random_uuid(), 'agree')");
		expect(errorMessageKey(error)).toBe('error.data.roundNotFound');
	});

	it('a row RLS refuses reads as "not allowed"', async () => {
		const error = await refusal(
			delegate,
			`insert into public.sessions (event_id, starts_at, ends_at, format, title)
			 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'plenary', '{"en":"Mine"}')`,
			[eventId]
		);
		expect(errorMessageKey(error)).toBe('error.data.forbidden');
	});
});
