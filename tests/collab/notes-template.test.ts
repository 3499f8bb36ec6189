// A session's notes start from a template the server writes once, when the note is first
// opened: two rapporteurs opening an empty note at the same moment get one template, in
// the session's language, and a closed session's notes are left as they are.
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { richTextFromState, toPlainText } from '../../src/lib/server/render/rich-text.ts';
import type { EventFixture } from './access-fixtures.ts';
import { createEventFixture, openProjectDb } from './access-fixtures.ts';
import type { RunningServer } from './helpers.ts';
import { eventually, startServer, tokenFor, tokenProtocols, whenSynced } from './helpers.ts';

function open(server: RunningServer, docName: string, token: string): { doc: Y.Doc; provider: WebsocketProvider } {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(server.url, docName, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		protocols: tokenProtocols(token),
		disableBc: true
	});
	return { doc, provider };
}

const textOf = (doc: Y.Doc) => toPlainText(richTextFromState(Y.encodeStateAsUpdate(doc)));

describe('notes template', () => {
	let db: SqlDatabase;
	let server: RunningServer;
	let fixture: EventFixture;

	beforeAll(async () => {
		db = await openProjectDb();
		fixture = await createEventFixture(db, 'template');
		await db.query(`update public.events set default_language = 'ro' where id = $1`, [fixture.eventId]);
		await db.query(`update public.sessions set title = $2::jsonb where id = $1`, [
			fixture.sessionId,
			JSON.stringify({ en: 'Opening plenary', ro: 'Sesiunea plenară de deschidere' })
		]);
		await db.query(
			`insert into public.session_people (session_id, role, member_id, name, position)
			 values ($1, 'chair', $2, null, 0), ($1, 'resource_person', null, 'Elena Radu', 0), ($1, 'resource_person', null, 'Alison Grant', 1)`,
			[fixture.sessionId, fixture.memberIds.organiser]
		);
		server = await startServer({ db, accessRecheckMs: 3_600_000 });
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	it('two writers opening an empty note at once get the template once, in the session’s language', async () => {
		const [rapporteurToken, organiserToken] = await Promise.all([
			tokenFor(fixture.users.rapporteur),
			tokenFor(fixture.users.organiser)
		]);
		const first = open(server, fixture.notesDoc, rapporteurToken);
		const second = open(server, fixture.notesDoc, organiserToken);
		await Promise.all([whenSynced(first.provider), whenSynced(second.provider)]);
		const expected = [
			'Sesiunea plenară de deschidere',
			'Președinte de sesiune: Test organiser',
			'Persoane-resursă: Elena Radu, Alison Grant',
			'Puncte-cheie',
			'-',
			'Recomandări',
			'-'
		].join('\n');
		await eventually(() => textOf(first.doc) === expected && textOf(second.doc) === expected, 'both see the template');
		const { rows } = await db.query<{ n: number }>(
			`select count(*)::int as n from public.collab_updates where doc = $1`,
			[fixture.notesDoc]
		);
		expect(rows[0]!.n).toBe(1);
		first.provider.destroy();
		second.provider.destroy();
	});

	it('a closed session’s empty note stays empty', async () => {
		const closed = await db.query<{ id: string }>(
			`insert into public.sessions (event_id, starts_at, ends_at, format, title, status)
			 values ($1, '2018-11-21 09:00+02', '2018-11-21 10:00+02', 'panel', '{"en":"Closed"}', 'closed') returning id`,
			[fixture.eventId]
		);
		const reader = open(server, `notes:${closed.rows[0]!.id}`, await tokenFor(fixture.users.rapporteur));
		await whenSynced(reader.provider);
		expect(reader.doc.getXmlFragment('default').length).toBe(0);
		reader.provider.destroy();
	});
});
