// Document policies over the real public.collab_access and rows this test inserts: a
// session's notes take only its rapporteurs' (and organisers') edits, a Call to Action in
// amendment, frozen or adopted mode takes no client's edits (whatever collab_access says),
// presence shows the verified name, unknown kinds are refused, and the stored-update hook
// runs. "Refused" is checked after a round trip on the same socket, so the server has
// handled the update before the test looks.
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { AUTH_PERMISSION_DENIED, CLOSE_CODES, MESSAGE_AUTH, MESSAGE_AWARENESS } from '../../src/lib/collab/protocol.ts';
import type { EventFixture } from './access-fixtures.ts';
import { createEventFixture, openProjectDb } from './access-fixtures.ts';
import type { RawClient, RunningServer } from './helpers.ts';
import {
	connectClient,
	eventually,
	nextFrame,
	rawConnect,
	roundTrip,
	startServer,
	stateOf,
	tokenFor,
	updateFrame,
	whenSynced
} from './helpers.ts';

async function storedUpdates(db: SqlDatabase, doc: string): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		'select count(*)::int as n from public.collab_updates where doc = $1',
		[doc]
	);
	return rows[0]!.n;
}

function insertion(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('body').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint8Array(encoder, bytes);
	return encoding.toUint8Array(encoder);
}

const isReadOnlyNotice = (frame: Uint8Array) => frame[0] === MESSAGE_AUTH && frame[1] === AUTH_PERMISSION_DENIED;

describe('document policies', () => {
	let db: SqlDatabase;
	let server: RunningServer;
	let fixture: EventFixture;

	beforeAll(async () => {
		db = await openProjectDb();
		fixture = await createEventFixture(db, 'policies');
		// No backstop poll in this suite's lifetime: mode changes arrive as database notices.
		server = await startServer({ db, accessRecheckMs: 3_600_000 });
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	async function connected(doc: string, user: string): Promise<RawClient> {
		const client = rawConnect(server.url, doc, await tokenFor(user));
		await client.opened;
		await roundTrip(client);
		return client;
	}

	it('notes: refuses a delegate’s update and stores a rapporteur’s', async () => {
		const delegate = await connected(fixture.notesDoc, fixture.users.delegate);
		const rapporteur = await connected(fixture.notesDoc, fixture.users.rapporteur);
		const refusedBefore = server.collab.stats().refusedUpdates;

		delegate.ws.send(updateFrame(insertion('DELEGATE WROTE THIS')));
		await roundTrip(delegate);
		expect(server.collab.stats().refusedUpdates).toBe(refusedBefore + 1);
		// Only the template the server wrote when the note was first opened.
		expect(await storedUpdates(db, fixture.notesDoc)).toBe(1);

		rapporteur.ws.send(updateFrame(insertion('Key point: invest in supervision.')));
		await eventually(async () => (await storedUpdates(db, fixture.notesDoc)) === 2, 'the rapporteur’s note is stored');
		const reader = connectClient(server.url, fixture.notesDoc, await tokenFor(fixture.users.delegate));
		await whenSynced(reader.provider);
		expect(stateOf(reader.doc)).toBe('Key point: invest in supervision.');
		// onStored ran for the stored update.
		expect(server.collab.inspect(fixture.notesDoc)?.record.lastStoredAt).toBeInstanceOf(Date);
		reader.destroy();
		delegate.ws.close();
		rapporteur.ws.close();
	});

	it('cta: refuses every client update in amendment, frozen and adopted mode, organisers included', async () => {
		const organiser = await connected(fixture.ctaDoc, fixture.users.organiser);
		organiser.ws.send(updateFrame(insertion('Drafted. ')));
		await eventually(async () => (await storedUpdates(db, fixture.ctaDoc)) === 1, 'a drafting edit is stored');

		const from = organiser.frames.length;
		for (const mode of ['amendments', 'frozen', 'adopted'] as const) {
			await db.query(`update public.documents set status = $2 where id = $1`, [fixture.documentId, mode]);
			// The database's notice reaches the server, which re-reads the document's mode…
			await eventually(() => server.collab.inspect(fixture.ctaDoc)?.facts.mode === mode, `the server sees ${mode}`);
			await server.collab.accessSettled();
			// …and told the organiser, who may write while drafting, that it may now only read.
			await nextFrame(organiser, isReadOnlyNotice, from);
			const refusedBefore = server.collab.stats().refusedUpdates;
			organiser.ws.send(updateFrame(insertion(`EDIT IN ${mode} `)));
			await roundTrip(organiser);
			expect(server.collab.stats().refusedUpdates).toBe(refusedBefore + 1);
			expect(await storedUpdates(db, fixture.ctaDoc)).toBe(1);
		}
		const reader = connectClient(server.url, fixture.ctaDoc, await tokenFor(fixture.users.delegate));
		await whenSynced(reader.provider);
		expect(stateOf(reader.doc)).toBe('Drafted. ');
		reader.destroy();
		organiser.ws.close();
	});

	it('shows the verified name in presence, whatever name a client claims', async () => {
		const impostor = connectClient(server.url, fixture.notesDoc, await tokenFor(fixture.users.delegate));
		impostor.provider.awareness.setLocalStateField('user', { name: 'Test organiser', color: '#000000' });
		const watcher = connectClient(server.url, fixture.notesDoc, await tokenFor(fixture.users.organiser));
		await Promise.all([whenSynced(impostor.provider), whenSynced(watcher.provider)]);
		const seen = () =>
			watcher.provider.awareness.getStates().get(impostor.doc.clientID) as
				{ user?: { name?: string; color?: string; id?: string } } | undefined;
		await eventually(() => seen()?.user?.name !== undefined, 'the watcher sees the delegate');
		expect(seen()?.user).toMatchObject({ name: 'Test delegate', id: fixture.users.delegate });
		expect(seen()?.user?.color).not.toBe('#000000');

		// A raw socket cannot take over someone else's client id either.
		const hijacker = await connected(fixture.notesDoc, fixture.users.rapporteur);
		const forged = new Awareness(new Y.Doc());
		forged.clientID = impostor.doc.clientID;
		forged.setLocalState({ user: { name: 'Forged' }, cursor: null });
		// Later clock than the impostor's own, so it would win if accepted.
		forged.meta.set(forged.clientID, { clock: 1_000, lastUpdated: 0 });
		const payload = encodeAwarenessUpdate(forged, [forged.clientID]);
		const frame = new Uint8Array([MESSAGE_AWARENESS, ...lengthPrefixed(payload)]);
		hijacker.ws.send(frame);
		await roundTrip(hijacker);
		expect(seen()?.user?.name).toBe('Test delegate');
		hijacker.ws.close();
		impostor.destroy();
		watcher.destroy();
	});

	it('refuses an unknown document kind with its own close code', async () => {
		const client = rawConnect(server.url, 'wiki:front-page', await tokenFor(fixture.users.organiser));
		expect(await client.closed).toEqual({
			code: CLOSE_CODES.UNKNOWN_KIND,
			reason: 'unknown document kind; expected cta: or notes:'
		});
		const noKind = rawConnect(server.url, 'front-page', await tokenFor(fixture.users.organiser));
		expect((await noKind.closed).code).toBe(CLOSE_CODES.UNKNOWN_KIND);
	});
});
