// The Call to Action's modes and amendments (DESIGN §5) as the database enforces them:
// organisers alone move the document along drafting → amendments → frozen → adopted, by the
// checked function or by REST alike; amendments are proposed, endorsed and decided only in
// amendment mode; every decision and mode change lands in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addMember,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from './helpers/database.ts';

let testDb: TestDatabase;
const users = { organiser: '', delegate: '', other: '', observer: '' };
let eventId = '';

const hintOf = (error: unknown) => (error as { hint?: string }).hint;

async function as<T>(user: string, sql: string, params: unknown[] = []): Promise<T[]> {
	return asUser(testDb.db, user, async (tx) => (await tx.query<T & object>(sql, params)).rows as T[]);
}

async function refusal(user: string, sql: string, params: unknown[] = []): Promise<unknown> {
	try {
		await as(user, sql, params);
	} catch (error) {
		return error;
	}
	throw new Error(`expected a refusal: ${sql}`);
}

async function newDocument(status = 'drafting'): Promise<string> {
	const { rows } = await testDb.db.query<{ id: string }>(
		`insert into public.documents (event_id, title, status) values ($1, '{"en":"Call to Action"}', $2) returning id`,
		[eventId, status]
	);
	return rows[0]!.id;
}

const setStatus = (user: string, documentId: string, status: string) =>
	as(user, 'select public.set_document_status($1, $2)', [documentId, status]);

const propose = (user: string, documentId: string, text = 'Better words.', reason = 'Clearer') =>
	as<{ id: string }>(user, "select public.propose_amendment($1, 'block-1', 'en', $2, $3) as id", [
		documentId,
		text,
		reason
	]).then((rows) => rows[0]!.id);

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	const { db } = testDb;
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(db, { email: `${name}@example.test` });
	}
	eventId = await createEvent(db, { slug: 'cta-modes', status: 'published' });
	await addMember(db, eventId, users.organiser, { role: 'organiser' });
	await addMember(db, eventId, users.delegate, { role: 'delegate', countryCode: 'RO' });
	await addMember(db, eventId, users.other, { role: 'delegate', countryCode: 'MD' });
	await addMember(db, eventId, users.observer, { role: 'observer' });
});

afterAll(async () => {
	await testDb?.close();
});

describe('document modes', () => {
	it('organisers move a document along the drafting process, audited with their name', async () => {
		const id = await newDocument();
		for (const status of ['amendments', 'frozen', 'drafting', 'frozen', 'adopted']) {
			await setStatus(users.organiser, id, status);
		}
		const { rows } = await testDb.db.query<{ action: string; actor: string }>(
			"select action, actor from public.audit_log where object_type = 'documents' and object_id = $1 order by id",
			[id]
		);
		expect(rows.map((row) => row.action)).toEqual([
			'documents.amendments',
			'documents.frozen',
			'documents.drafting',
			'documents.frozen',
			'documents.adopted'
		]);
		expect(new Set(rows.map((row) => row.actor))).toEqual(new Set([users.organiser]));
		expect(hintOf(await refusal(users.organiser, 'select public.set_document_status($1, $2)', [id, 'drafting']))).toBe(
			'document_adopted'
		);
	});

	it('refuses adoption straight from drafting, by the function and by a plain update', async () => {
		const id = await newDocument();
		expect(hintOf(await refusal(users.organiser, 'select public.set_document_status($1, $2)', [id, 'adopted']))).toBe(
			'invalid_document_transition'
		);
		expect(
			hintOf(await refusal(users.organiser, "update public.documents set status = 'adopted' where id = $1", [id]))
		).toBe('invalid_document_transition');
	});

	it('refuses delegates, and tells non-members nothing', async () => {
		const id = await newDocument();
		expect(hintOf(await refusal(users.delegate, 'select public.set_document_status($1, $2)', [id, 'frozen']))).toBe(
			'not_an_organiser'
		);
		const outsider = await createUser(testDb.db, { email: 'outsider@example.test' });
		expect(
			(await refusal(outsider, 'select public.set_document_status($1, $2)', [id, 'frozen'])) as object
		).toMatchObject({ code: 'P0002' });
	});
});

describe('amendments', () => {
	it('are proposed only in amendment mode', async () => {
		const id = await newDocument();
		expect(
			hintOf(await refusal(users.delegate, "select public.propose_amendment($1, 'b', 'en', 'x', 'y')", [id]))
		).toBe('not_in_amendment_mode');
		await setStatus(users.organiser, id, 'amendments');
		const amendmentId = await propose(users.delegate, id);
		expect(amendmentId).toMatch(/^[0-9a-f-]{36}$/);
		expect(
			hintOf(await refusal(users.observer, "select public.propose_amendment($1, 'b', 'en', 'x', 'y')", [id]))
		).toBe('observers_read_only');
	});

	it('are endorsed by others, and accepted by an organiser with the decision in the audit log', async () => {
		const id = await newDocument('amendments');
		const amendmentId = await propose(users.delegate, id);
		await as(
			users.other,
			'insert into public.amendment_endorsements (amendment_id, member_id) select $1, public.my_member_id($2)',
			[amendmentId, eventId]
		);
		expect(hintOf(await refusal(users.delegate, 'select public.decide_amendment($1, true, null)', [amendmentId]))).toBe(
			'not_an_organiser'
		);
		const [decided] = await as<{ status: string; decided_by: string }>(
			users.organiser,
			'select status, decided_by from public.decide_amendment($1, true, $2)',
			[amendmentId, 'Agreed in plenary']
		);
		expect(decided).toEqual({ status: 'accepted', decided_by: users.organiser });
		expect(
			hintOf(await refusal(users.organiser, 'select public.decide_amendment($1, false, $2)', [amendmentId, 'no']))
		).toBe('amendment_decided');
		const { rows } = await testDb.db.query<{ action: string }>(
			"select action from public.audit_log where object_type = 'amendments' and object_id = $1",
			[amendmentId]
		);
		expect(rows.map((row) => row.action)).toEqual(['amendments.accepted']);
	});

	it('are checked before the text changes: the check raises what the decision would, and records nothing', async () => {
		const id = await newDocument('amendments');
		const amendmentId = await propose(users.delegate, id);
		const check = 'select public.check_amendment_decision($1, $2, $3)';
		expect(hintOf(await refusal(users.delegate, check, [amendmentId, true, null]))).toBe('not_an_organiser');
		expect(hintOf(await refusal(users.organiser, check, [amendmentId, false, ' ']))).toBe('rejection_needs_reason');
		await as(users.organiser, check, [amendmentId, true, 'Agreed']);
		const { rows } = await testDb.db.query<{ status: string; audited: number }>(
			`select a.status, (select count(*)::int from public.audit_log where object_id = a.id::text) as audited
			 from public.amendments as a where a.id = $1`,
			[amendmentId]
		);
		expect(rows[0]).toEqual({ status: 'proposed', audited: 0 });
		await as(users.organiser, 'select public.decide_amendment($1, true, null)', [amendmentId]);
		expect(hintOf(await refusal(users.organiser, check, [amendmentId, true, null]))).toBe('amendment_decided');
		await setStatus(users.organiser, id, 'frozen');
		const later = await newDocument('amendments');
		const pending = await propose(users.delegate, later);
		await setStatus(users.organiser, later, 'frozen');
		expect(hintOf(await refusal(users.organiser, check, [pending, true, null]))).toBe('not_in_amendment_mode');
	});

	it('are rejected only with a reason, kept apart from the author’s', async () => {
		const id = await newDocument('amendments');
		const amendmentId = await propose(users.delegate, id, 'Other words', 'The author’s reason');
		expect(
			hintOf(await refusal(users.organiser, 'select public.decide_amendment($1, false, $2)', [amendmentId, ' ']))
		).toBe('rejection_needs_reason');
		const [row] = await as<{ status: string; reason: string; decision_reason: string }>(
			users.organiser,
			'select status, reason, decision_reason from public.decide_amendment($1, false, $2)',
			[amendmentId, 'Out of scope']
		);
		expect(row).toEqual({ status: 'rejected', reason: 'The author’s reason', decision_reason: 'Out of scope' });
	});

	it('can no longer be decided or endorsed once the document left amendment mode', async () => {
		const id = await newDocument('amendments');
		const amendmentId = await propose(users.delegate, id);
		await setStatus(users.organiser, id, 'frozen');
		expect(
			hintOf(await refusal(users.organiser, 'select public.decide_amendment($1, true, null)', [amendmentId]))
		).toBe('not_in_amendment_mode');
		const error = await refusal(
			users.other,
			'insert into public.amendment_endorsements (amendment_id, member_id) select $1, public.my_member_id($2)',
			[amendmentId, eventId]
		);
		expect(error).toMatchObject({ code: '42501' });
	});

	it('keep the decision reason to organisers', async () => {
		const id = await newDocument('amendments');
		const amendmentId = await propose(users.delegate, id);
		expect(
			hintOf(
				await refusal(users.delegate, "update public.amendments set decision_reason = 'mine' where id = $1", [
					amendmentId
				])
			)
		).toBe('not_an_organiser');
	});
});

describe('live topics of a document', () => {
	const canJoin = async (user: string | null, topic: string) =>
		asUser(testDb.db, user, async (tx) => {
			const { rows } = await tx.query<{ allowed: boolean }>(
				'select public.can_join_call_to_action_topic($1) as allowed',
				[topic]
			);
			return rows[0]!.allowed;
		});

	it('are joined by the participants of its event, and nobody else', async () => {
		const id = await newDocument();
		for (const topic of [`cta-presence:${id}`, `cta-text:${id}`]) {
			for (const user of [users.organiser, users.delegate]) {
				expect(await canJoin(user, topic), `${Object.entries(users).find(([, v]) => v === user)?.[0]} ${topic}`).toBe(
					true
				);
			}
			const stranger = await createUser(testDb.db);
			expect(await canJoin(stranger, topic)).toBe(false);
		}
		expect(await canJoin(users.delegate, 'cta-presence:not-a-uuid')).toBe(false);
		expect(await canJoin(users.delegate, `recommendations:${id}`)).toBe(false);
	});

	it('are told, with no text, when the collab server stores a change of any of its languages', async () => {
		const id = await newDocument();
		const topic = `cta-text:${id}`;
		const before = await testDb.db.query<{ n: number }>(
			'select count(*)::int as n from realtime.messages where topic = $1',
			[topic]
		);
		for (const language of ['en', 'ro']) {
			await testDb.db.query('insert into public.collab_updates (doc, update) values ($1, $2)', [
				`cta:${id}:${language}`,
				new Uint8Array([0, 0])
			]);
		}
		await testDb.db.query('insert into public.collab_updates (doc, update) values ($1, $2)', [
			`notes:${id}`,
			new Uint8Array([0, 0])
		]);
		const { rows } = await testDb.db.query<{ payload: unknown; event: string; private: boolean }>(
			'select payload, event, private from realtime.messages where topic = $1 order by id offset $2',
			[topic, before.rows[0]!.n]
		);
		expect(rows).toEqual(Array(2).fill({ payload: {}, event: 'changed', private: true }));
	});
});
