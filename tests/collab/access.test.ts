// Who may connect and what they may do, decided by the real public.collab_access over
// rows this test inserts: refusals close with a clear code, read-only clients get the
// document but cannot change it (not even with a hand-crafted frame), and access changes
// reach open connections through the database's change notices (the backstop poll is set
// to an hour here, so only a notice can explain a prompt change).
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
import {
	AUTH_PERMISSION_DENIED,
	AUTH_PERMISSION_GRANTED,
	CLOSE_CODES,
	MESSAGE_AUTH,
	MESSAGE_SYNC,
	READ_ONLY_REASON
} from '../../src/lib/collab/protocol.ts';
import type { EventFixture } from './access-fixtures.ts';
import { createEventFixture, openProjectDb } from './access-fixtures.ts';
import type { RunningServer } from './helpers.ts';
import { connectClient, eventually, rawConnect, startServer, stateOf, tokenFor, whenSynced } from './helpers.ts';

function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

function isWriteNotice(frame: Uint8Array): boolean {
	return frame[0] === MESSAGE_AUTH && frame[1] === AUTH_PERMISSION_GRANTED;
}

function isReadOnlyNotice(frame: Uint8Array): boolean {
	const prefix = [MESSAGE_AUTH, AUTH_PERMISSION_DENIED];
	return prefix.every((byte, i) => frame[i] === byte) && Buffer.from(frame).includes(Buffer.from(READ_ONLY_REASON));
}

async function storedUpdates(db: SqlDatabase, doc: string): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		'select count(*)::int as n from public.collab_updates where doc = $1',
		[doc]
	);
	return rows[0]!.n;
}

describe('authentication and access', () => {
	let db: SqlDatabase;
	let server: RunningServer;
	let fixture: EventFixture;

	beforeAll(async () => {
		db = await openProjectDb();
		fixture = await createEventFixture(db);
		server = await startServer({ db, accessRecheckMs: 3_600_000 });
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
	});

	it('refuses a connection without a token', async () => {
		const client = rawConnect(server.url, fixture.ctaDoc, null);
		expect(await client.closed).toEqual({ code: CLOSE_CODES.UNAUTHENTICATED, reason: 'no access token' });
	});

	it('refuses a token signed with another secret, and one that is not a JWT', async () => {
		const forged = await signJwt(
			{ sub: fixture.users.organiser, role: 'authenticated' },
			'another-secret-another-secret-another-secret',
			3600
		);
		for (const token of [forged, 'not-a-jwt']) {
			const client = rawConnect(server.url, fixture.ctaDoc, token);
			expect(await client.closed).toEqual({ code: CLOSE_CODES.UNAUTHENTICATED, reason: 'invalid access token' });
		}
	});

	it('refuses an expired token', async () => {
		const expired = await tokenFor(fixture.users.organiser, { expiresIn: -60 });
		const client = rawConnect(server.url, fixture.ctaDoc, expired);
		expect(await client.closed).toEqual({ code: CLOSE_CODES.UNAUTHENTICATED, reason: 'token expired' });
	});

	it('refuses a signed-in user who is not a member, and a name that is no document', async () => {
		const outsider = rawConnect(server.url, fixture.ctaDoc, await tokenFor(fixture.users.outsider));
		expect(await outsider.closed).toEqual({ code: CLOSE_CODES.FORBIDDEN, reason: 'no access to this document' });
		const organiserToken = await tokenFor(fixture.users.organiser);
		const unknown = rawConnect(server.url, `cta:${fixture.eventId}:en`, organiserToken);
		expect((await unknown.closed).code).toBe(CLOSE_CODES.FORBIDDEN);
		const invalid = rawConnect(server.url, 'no spaces allowed', organiserToken);
		expect((await invalid.closed).code).toBe(CLOSE_CODES.BAD_DOCUMENT);
	});

	it('lets a stock y-websocket client stop reconnecting on a refusal', async () => {
		const client = connectClient(server.url, fixture.ctaDoc, await tokenFor(fixture.users.outsider));
		const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
			client.provider.once('closed', resolve)
		);
		expect(closed.code).toBe(CLOSE_CODES.FORBIDDEN);
		expect(client.provider.shouldConnect).toBe(false);
		client.destroy();
	});

	it('gives a read-only client the document and awareness, drops its updates and tells it why', async () => {
		// Session notes: the rapporteur writes, a delegate reads.
		const writer = connectClient(server.url, fixture.notesDoc, await tokenFor(fixture.users.rapporteur));
		// The name the client claims is not what others see: the server stamps the member's name.
		writer.provider.awareness.setLocalStateField('user', { name: 'Rapporteur' });
		await whenSynced(writer.provider);
		writer.text.insert(0, 'We call on governments to invest in the workforce.');
		const written = stateOf(writer.doc);
		await eventually(async () => (await storedUpdates(db, fixture.notesDoc)) > 0, 'the rapporteur’s edit is stored');

		const observerToken = await tokenFor(fixture.users.delegate);
		const reader = connectClient(server.url, fixture.notesDoc, observerToken);
		await whenSynced(reader.provider);
		await eventually(() => stateOf(reader.doc) === written, 'the observer receives the document');
		await eventually(
			() =>
				[...reader.provider.awareness.getStates().values()].some(
					(state) => (state as { user?: { name?: string } }).user?.name === 'Test rapporteur'
				),
			'the observer sees who is here, by the verified name'
		);

		// Through the stock provider: the edit stays local.
		const storedBefore = await storedUpdates(db, fixture.notesDoc);
		reader.text.insert(0, 'OBSERVER EDIT ');
		// Hand-crafted: an update frame written byte by byte on a raw socket.
		const raw = rawConnect(server.url, fixture.notesDoc, observerToken);
		await raw.opened;
		await eventually(() => raw.frames.some(isReadOnlyNotice), 'the raw observer is told it is read-only');
		const forged = new Y.Doc();
		forged.getText('body').insert(0, 'FORGED ');
		raw.ws.send(updateFrame(Y.encodeStateAsUpdate(forged)));
		// A writer edit after both: once it reaches the reader, the server has handled the forged frames.
		writer.text.insert(writer.text.length, ' Now.');
		await eventually(() => stateOf(reader.doc).endsWith(' Now.'), 'later writer edits still reach the observer');

		expect(stateOf(writer.doc)).not.toContain('OBSERVER EDIT');
		expect(stateOf(writer.doc)).not.toContain('FORGED');
		expect(await storedUpdates(db, fixture.notesDoc)).toBe(storedBefore + 1);
		// The raw socket stays open: dropping is not punishing.
		expect(raw.ws.readyState).toBe(raw.ws.OPEN);
		raw.ws.close();
		reader.destroy();
		writer.destroy();
	});

	it('downgrades a writer to read-only when the draft is frozen, and lets it write again when reopened', async () => {
		const writer = connectClient(server.url, fixture.ctaDoc, await tokenFor(fixture.users.delegate));
		const raw = rawConnect(server.url, fixture.ctaDoc, await tokenFor(fixture.users.delegate));
		await whenSynced(writer.provider);
		await raw.opened;
		expect(raw.frames.some(isReadOnlyNotice)).toBe(false);

		await db.query(`update public.documents set status = 'frozen' where id = $1`, [fixture.documentId]);
		await eventually(() => raw.frames.some(isReadOnlyNotice), 'the delegate is told the draft is now read-only');
		const storedBefore = await storedUpdates(db, fixture.ctaDoc);
		writer.text.insert(0, 'AFTER FREEZE ');
		// Organisers read a frozen draft (observers read only adopted ones).
		const organiser = connectClient(server.url, fixture.ctaDoc, await tokenFor(fixture.users.organiser));
		await whenSynced(organiser.provider);
		expect(stateOf(organiser.doc)).not.toContain('AFTER FREEZE');
		expect(await storedUpdates(db, fixture.ctaDoc)).toBe(storedBefore);

		await db.query(`update public.documents set status = 'drafting' where id = $1`, [fixture.documentId]);
		await eventually(
			() => raw.frames.findLastIndex(isWriteNotice) > raw.frames.findLastIndex(isReadOnlyNotice),
			'write access is granted back'
		);
		writer.text.insert(writer.text.length, ' Reopened.');
		await eventually(() => stateOf(organiser.doc).endsWith(' Reopened.'), 'edits flow again after reopening');
		raw.ws.close();
		organiser.destroy();
		writer.destroy();
	});

	it('closes an open connection when the membership is removed', async () => {
		const raw = rawConnect(server.url, fixture.notesDoc, await tokenFor(fixture.users.delegate));
		await eventually(() => raw.frames.some(isReadOnlyNotice), 'the delegate reads the notes');
		await db.query('delete from public.members where id = $1', [fixture.memberIds.delegate]);
		expect(await raw.closed).toEqual({ code: CLOSE_CODES.FORBIDDEN, reason: 'access withdrawn' });
	});
});
