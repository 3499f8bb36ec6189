// A database with the project's full schema (no seed) and a small event of our own:
// users, members, a Call to Action and a session, so access goes through the real
// public.collab_access function.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/sql-client.ts';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { migrate } from '../../supabase/local/migrate.ts';
import { repoRoot } from './schema.ts';

export async function openProjectDb(url?: string): Promise<SqlDatabase> {
	const db = await openDatabase({ url });
	// The real migrations, without seed.sql: tests bring their own rows.
	const dir = await mkdtemp(path.join(tmpdir(), 'accord-collab-project-'));
	try {
		await symlink(path.join(repoRoot, 'supabase/migrations'), path.join(dir, 'migrations'));
		await migrate(db, dir);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	return db;
}

export type MemberRole = 'organiser' | 'rapporteur' | 'delegate' | 'observer';

export interface EventFixture {
	eventId: string;
	documentId: string;
	sessionId: string;
	users: Record<MemberRole | 'outsider', string>;
	memberIds: Record<MemberRole, string>;
	ctaDoc: string;
	notesDoc: string;
}

const text = (value: string) => JSON.stringify({ en: value, ro: value, ru: value });

export async function createEventFixture(db: SqlDatabase, label = 'collab'): Promise<EventFixture> {
	const users = {
		organiser: randomUUID(),
		rapporteur: randomUUID(),
		delegate: randomUUID(),
		observer: randomUUID(),
		outsider: randomUUID()
	};
	for (const [role, id] of Object.entries(users)) {
		await db.query(
			`insert into auth.users (id, aud, role, email, created_at, updated_at) values ($1, 'authenticated', 'authenticated', $2, now(), now())`,
			[id, `${role}.${id.slice(0, 8)}@collab.test`]
		);
	}
	const slug = `${label}-${randomUUID().slice(0, 8)}`;
	const event = await db.query<{ id: string }>(
		`insert into public.events (slug, title, starts_on, ends_on, status) values ($1, $2::jsonb, '2018-11-21', '2018-11-23', 'published') returning id`,
		[slug, text('Collab test event')]
	);
	const eventId = event.rows[0]!.id;
	const memberIds = {} as Record<MemberRole, string>;
	for (const role of ['organiser', 'rapporteur', 'delegate', 'observer'] as const) {
		const member = await db.query<{ id: string }>(
			`insert into public.members (event_id, user_id, role, display_name) values ($1, $2, $3, $4) returning id`,
			[eventId, users[role], role, `Test ${role}`]
		);
		memberIds[role] = member.rows[0]!.id;
	}
	const document = await db.query<{ id: string }>(
		`insert into public.documents (event_id, title, status) values ($1, $2::jsonb, 'drafting') returning id`,
		[eventId, text('Call to Action')]
	);
	const session = await db.query<{ id: string }>(
		`insert into public.sessions (event_id, starts_at, ends_at, format, title, status)
		 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:30+02', 'plenary', $2::jsonb, 'live') returning id`,
		[eventId, text('Opening plenary')]
	);
	const sessionId = session.rows[0]!.id;
	await db.query(`insert into public.session_people (session_id, role, member_id) values ($1, 'rapporteur', $2)`, [
		sessionId,
		memberIds.rapporteur
	]);
	const documentId = document.rows[0]!.id;
	return {
		eventId,
		documentId,
		sessionId,
		users,
		memberIds,
		ctaDoc: `cta:${documentId}:en`,
		notesDoc: `notes:${sessionId}`
	};
}
