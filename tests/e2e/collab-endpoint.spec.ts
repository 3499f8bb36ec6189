// The collaboration endpoint as the app's own process serves it (`npm start`): tokens
// from the app's Auth, access from the seeded event, edits fanned out between people.
import { createClient } from '@supabase/supabase-js';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createCollabConnection, type CollabConnection } from '../../src/lib/collab/collab-connection.ts';
import { connectionView } from '../../src/lib/collab/connection-state.ts';
import { MESSAGE_SYNC } from '../../src/lib/collab/protocol.ts';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';
import { expect, test } from './fixtures';

const DOCUMENT_ID = 'c0000000-0000-4000-8000-000000002018';
const CALL_TO_ACTION = `cta:${DOCUMENT_ID}:en`;
const DEMO_PASSWORD = 'accord-demo';

/** The e2e server runs the local stack with the Supabase CLI's demo secret, hence its keys. */
async function anonKey(): Promise<string> {
	return (await apiKeys(process.env.SUPABASE_JWT_SECRET || DEFAULT_JWT_SECRET)).anonKey;
}

async function signIn(baseURL: string, email: string) {
	const supabase = createClient(baseURL, await anonKey(), { auth: { persistSession: false } });
	const { data, error } = await supabase.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error || !data.session) throw new Error(`sign-in failed for ${email}: ${error?.message}`);
	return { supabase, token: data.session.access_token };
}

async function tokenFor(baseURL: string, email: string): Promise<string> {
	return (await signIn(baseURL, email)).token;
}

function connect(baseURL: string, token: string | null): CollabConnection {
	return createCollabConnection({
		url: `${baseURL.replace(/^http/, 'ws')}/collab`,
		docName: CALL_TO_ACTION,
		getToken: async () => token,
		localStorageKey: false,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
}

/**
 * The server's copy of the document, asked for over `connection`'s own socket: the server
 * handles one socket's frames in order, so the answer reflects every frame sent before it.
 */
async function serverCopyVia(connection: CollabConnection): Promise<Y.Doc> {
	const socket = connection.provider.ws as unknown as WebSocket;
	const request = encoding.createEncoder();
	encoding.writeVarUint(request, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(request, new Y.Doc());
	const reply = new Promise<Uint8Array>((resolve) => {
		const onMessage = (data: WebSocket.RawData) => {
			const frame = new Uint8Array(data as ArrayBuffer);
			if (frame[0] !== MESSAGE_SYNC || frame[1] !== syncProtocol.messageYjsSyncStep2) return;
			socket.off('message', onMessage);
			resolve(frame);
		};
		socket.on('message', onMessage);
	});
	socket.send(encoding.toUint8Array(request));
	const decoder = decoding.createDecoder(await reply);
	decoding.readVarUint(decoder);
	decoding.readVarUint(decoder);
	const copy = new Y.Doc();
	Y.applyUpdate(copy, decoding.readVarUint8Array(decoder));
	return copy;
}

async function until(connection: CollabConnection, view: string): Promise<void> {
	await expect.poll(() => connectionView(connection.state), { timeout: 15_000 }).toBe(view);
}

test('delegates co-edit the Call to Action through the app server; once frozen, it is read-only', async ({
	baseURL
}) => {
	const [organiserSession, delegateToken, observerToken] = await Promise.all([
		signIn(baseURL!, 'organiser@accord.test'),
		tokenFor(baseURL!, 'delegate.md.1@accord.test'),
		tokenFor(baseURL!, 'observer@accord.test')
	]);
	const organiserToken = organiserSession.token;
	const setStatus = async (status: 'drafting' | 'frozen') => {
		const { error } = await organiserSession.supabase.from('documents').update({ status }).eq('id', DOCUMENT_ID);
		if (error) throw new Error(`could not set the draft to ${status}: ${error.message}`);
	};
	const organiser = connect(baseURL!, organiserToken);
	const delegate = connect(baseURL!, delegateToken);
	const observer = connect(baseURL!, observerToken);
	try {
		await until(organiser, 'online');
		await until(delegate, 'online');
		// Observers read only the adopted text, not the draft.
		await until(observer, 'refused');

		const romanian = 'Investim în forța de muncă. ';
		const russian = 'Мы инвестируем. ';
		organiser.doc.getText('probe').insert(0, romanian);
		delegate.doc.getText('probe').insert(0, russian);
		for (const connection of [organiser, delegate]) {
			await expect
				.poll(() => connection.doc.getText('probe').length, { timeout: 15_000 })
				.toBe(romanian.length + russian.length);
		}
		const agreed = organiser.doc.getText('probe').toString();
		expect(delegate.doc.getText('probe').toString()).toBe(agreed);

		// The organiser freezes the draft: the database tells the collab server, which tells
		// the delegate; the delegate's own edit then stays with the delegate.
		await setStatus('frozen');
		await until(delegate, 'read-only');
		delegate.doc.getText('probe').insert(0, 'X');
		expect(delegate.doc.getText('probe').toString()).toBe(`X${agreed}`);
		expect((await serverCopyVia(delegate)).getText('probe').toString()).toBe(agreed);
		expect(organiser.doc.getText('probe').toString()).toBe(agreed);
	} finally {
		await setStatus('drafting');
		await Promise.all([organiser, delegate, observer].map((connection) => connection.destroy()));
	}
});

test('a visitor without a session is refused', async ({ baseURL }) => {
	const visitor = connect(baseURL!, null);
	try {
		await until(visitor, 'refused');
	} finally {
		await visitor.destroy();
	}
});
