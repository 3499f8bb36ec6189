// Issue 11, publishing: who publishes a session summary, what a version keeps, who reads
// it, and who reads the stored notes the summary is rendered from.
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
const users = { organiser: '', rapporteur: '', otherRapporteur: '', delegate: '', observer: '', outsider: '' };
const ids = { event: '', draftEvent: '', session: '', otherSession: '', draftSession: '', accepted: '', proposed: '' };

const sessionSql = `insert into public.sessions (event_id, starts_at, ends_at, format, title)
	values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Session"}') returning id`;

async function insertId(sql: string, params: unknown[]): Promise<string> {
	const { rows } = await db.query<{ id: string }>(sql, params);
	return rows[0]!.id;
}

const publish = (tx: Queryable, sessionId: string, text = 'Key points') =>
	tx.query<{ version: number }>(`select public.publish_session_summary($1, 'en', $2, $3) as version`, [
		sessionId,
		`<h2>${text}</h2>`,
		text
	]);

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	db = testDb.db;
	for (const name of Object.keys(users) as (keyof typeof users)[]) {
		users[name] = await createUser(db, { email: `${name}@example.test` });
	}
	ids.event = await createEvent(db, { status: 'published' });
	ids.draftEvent = await createEvent(db, { status: 'draft' });
	await addMember(db, ids.event, users.organiser, { role: 'organiser' });
	const rapporteur = await addMember(db, ids.event, users.rapporteur, {
		role: 'rapporteur',
		displayName: 'Mihaela Stan'
	});
	const other = await addMember(db, ids.event, users.otherRapporteur, { role: 'rapporteur' });
	const delegate = await addMember(db, ids.event, users.delegate, { role: 'delegate' });
	await addMember(db, ids.event, users.observer, { role: 'observer' });
	ids.session = await insertId(sessionSql, [ids.event]);
	ids.otherSession = await insertId(sessionSql, [ids.event]);
	ids.draftSession = await insertId(sessionSql, [ids.draftEvent]);
	await db.query(
		`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2), ($3, 'rapporteur', $4)`,
		[ids.session, rapporteur, ids.otherSession, other]
	);
	ids.accepted = await insertId(
		`insert into public.recommendations (session_id, author_id, text, language, status) values ($1, $2, 'Fund supervision', 'en', 'accepted') returning id`,
		[ids.session, delegate]
	);
	ids.proposed = await insertId(
		`insert into public.recommendations (session_id, author_id, text, language) values ($1, $2, 'Not yet agreed', 'en') returning id`,
		[ids.session, delegate]
	);
	await db.query(
		`insert into public.recommendation_endorsements (recommendation_id, member_id) values ($1, $2), ($1, $3)`,
		[ids.accepted, delegate, rapporteur]
	);
	await db.query(`insert into public.collab_updates (doc, update) values ($1, '\\x0102'), ($1, '\\x0304')`, [
		`notes:${ids.session}`
	]);
});

afterAll(async () => {
	await testDb?.close();
});

describe('publishing a session summary', () => {
	it('a delegate, an observer or a visitor cannot publish', async () => {
		for (const user of [users.delegate, users.observer, users.outsider]) {
			await expect(asUser(db, user, (tx) => publish(tx, ids.session))).rejects.toMatchObject({ code: '42501' });
		}
		await expect(asUser(db, null, (tx) => publish(tx, ids.session))).rejects.toMatchObject({ code: '42501' });
	});

	it('a rapporteur of another session cannot publish this one', async () => {
		await expect(asUser(db, users.otherRapporteur, (tx) => publish(tx, ids.session))).rejects.toMatchObject({
			code: '42501'
		});
	});

	it('nobody writes versions or summaries around the function', async () => {
		await expect(
			asUser(db, users.rapporteur, (tx) =>
				tx.query(
					`insert into public.session_summary_versions (session_id, version, language, body_html, body_text) values ($1, 9, 'en', 'x', 'x')`,
					[ids.session]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			asUser(db, users.delegate, (tx) =>
				tx.query(
					`insert into public.session_summaries (session_id, body, published_at) values ($1, '{"en":"x"}', now())`,
					[ids.session]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});

	it('refuses empty notes', async () => {
		await expect(asUser(db, users.rapporteur, (tx) => publish(tx, ids.session, '  '))).rejects.toMatchObject({
			code: '22023'
		});
	});

	it('the rapporteur publishes; republishing keeps the earlier version with who and when', async () => {
		const first = await asUser(db, users.rapporteur, (tx) => publish(tx, ids.session, 'First'));
		expect(first.rows[0]!.version).toBe(1);
		const second = await asUser(db, users.organiser, (tx) => publish(tx, ids.session, 'Second'));
		expect(second.rows[0]!.version).toBe(2);
		const { rows } = await db.query<{
			version: number;
			body_text: string;
			published_by: string;
			published_by_name: string;
			recommendations: { text: string; endorsements: number }[];
		}>(`select * from public.session_summary_versions where session_id = $1 order by version`, [ids.session]);
		expect(rows.map((row) => [row.version, row.body_text, row.published_by])).toEqual([
			[1, 'First', users.rapporteur],
			[2, 'Second', users.organiser]
		]);
		expect(rows[0]!.published_by_name).toBe('Mihaela Stan');
		// Only accepted recommendations, with their endorsement count taken by the database.
		expect(rows[0]!.recommendations).toEqual([
			{ id: ids.accepted, text: 'Fund supervision', language: 'en', endorsements: 2 }
		]);
		const summary = await db.query<{ body: Record<string, string> }>(
			`select body from public.session_summaries where session_id = $1 and published_at is not null`,
			[ids.session]
		);
		expect(summary.rows[0]!.body).toEqual({ en: 'Second' });
	});

	it('versions cannot be edited or deleted, even by the publisher', async () => {
		// Without a policy, RLS makes the rows invisible to update and delete (no error, no change).
		await asUser(db, users.rapporteur, (tx) =>
			tx.query(`update public.session_summary_versions set body_text = 'rewritten' where session_id = $1`, [
				ids.session
			])
		).catch(() => undefined);
		await asUser(db, users.organiser, (tx) =>
			tx.query(`delete from public.session_summary_versions where session_id = $1`, [ids.session])
		).catch(() => undefined);
		const { rows } = await db.query<{ body_text: string }>(
			`select body_text from public.session_summary_versions where session_id = $1 order by version`,
			[ids.session]
		);
		expect(rows.map((row) => row.body_text)).toEqual(['First', 'Second']);
	});

	it('anyone reads the versions of a public event; only members those of a draft event', async () => {
		for (const user of [null, users.outsider, users.observer, users.delegate]) {
			const { rows } = await asUser(db, user, (tx) =>
				tx.query(`select version from public.session_summary_versions where session_id = $1`, [ids.session])
			);
			expect(rows).toHaveLength(2);
		}
	});
});

describe('reading the stored notes', () => {
	it('says who writes, reads or does not see a session’s notes', async () => {
		const access = async (user: string | null, session: string) =>
			(
				await asUser(db, user, (tx) =>
					tx.query<{ access: string }>(`select public.session_notes_access($1) as access`, [session])
				)
			).rows[0]!.access;
		expect(await access(users.rapporteur, ids.session)).toBe('write');
		expect(await access(users.organiser, ids.session)).toBe('write');
		expect(await access(users.otherRapporteur, ids.session)).toBe('read');
		expect(await access(users.delegate, ids.session)).toBe('read');
		expect(await access(users.rapporteur, ids.otherSession)).toBe('read');
		// The summary of ids.session is published: observers and visitors read its notes.
		expect(await access(users.observer, ids.session)).toBe('read');
		expect(await access(null, ids.session)).toBe('read');
		expect(await access(users.observer, ids.otherSession)).toBe('none');
		expect(await access(null, ids.draftSession)).toBe('none');
	});

	it('returns the stored updates to readers and refuses everyone else', async () => {
		const { rows } = await asUser(db, users.delegate, (tx) =>
			tx.query<{ parts: Uint8Array[] }>(`select public.session_notes_state($1) as parts`, [ids.session])
		);
		expect(rows[0]!.parts.map((part) => [...part])).toEqual([
			[1, 2],
			[3, 4]
		]);
		await expect(
			asUser(db, users.observer, (tx) => tx.query(`select public.session_notes_state($1)`, [ids.otherSession]))
		).rejects.toMatchObject({ code: '42501' });
	});
});
