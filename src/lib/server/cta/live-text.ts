// The live text of a Call to Action language, as the app's server reads and changes it:
// through the collab endpoint, as the service role, like any editor. Going through the
// endpoint (rather than the tables) means an accepted amendment reaches every open editor
// at once, is stored before anyone sees it, and crosses instances through Redis; and the
// page's server-rendered text is exactly what the editors hold.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createCollabConnection } from '$lib/collab/collab-connection';
import { supabaseServiceRoleKey } from '../config';

import type { PmNode } from '$lib/domain/cta/blocks';
import { TEXT_FIELD, fragmentJson } from './yjs-blocks';

const TIMEOUT_MS = 10_000;

export type Language = 'en' | 'ro' | 'ru';
export const LANGUAGES: readonly Language[] = ['en', 'ro', 'ru'];

export const docName = (documentId: string, language: Language) => `cta:${documentId}:${language}`;

function collabUrl(): string {
	const url = process.env.ACCORD_COLLAB_URL;
	if (!url) throw new Error('ACCORD_COLLAB_URL is not set: start the app with npm start.');
	return url;
}

export class LiveTextUnavailable extends Error {}

/**
 * Opens `cta:<id>:<lang>` as the service role, waits for the server's state, runs `fn` on
 * the document (changes made inside it are sent), waits until the server has stored them,
 * and closes. Throws LiveTextUnavailable when the endpoint does not answer in time.
 */
export async function withLiveText<T>(
	documentId: string,
	language: Language,
	fn: (doc: Y.Doc, fragment: Y.XmlFragment) => T
): Promise<T> {
	const doc = new Y.Doc();
	const connection = createCollabConnection({
		url: collabUrl(),
		docName: docName(documentId, language),
		getToken: async () => supabaseServiceRoleKey(),
		doc,
		localStorageKey: false,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		maxBackoffMs: 1000
	});
	try {
		await until(connection, (state) => state.synced);
		const result = doc.transact(() => fn(doc, doc.getXmlFragment(TEXT_FIELD)), 'accord-server');
		await until(connection, (state) => state.synced && !state.pendingChanges);
		return result;
	} finally {
		await connection.destroy();
		doc.destroy();
	}
}

function until(
	connection: ReturnType<typeof createCollabConnection>,
	ready: (state: ReturnType<typeof createCollabConnection>['state']) => boolean
): Promise<void> {
	return new Promise((resolve, reject) => {
		let stop = () => {};
		const timer = setTimeout(() => {
			stop();
			reject(new LiveTextUnavailable('The collab endpoint did not answer in time'));
		}, TIMEOUT_MS);
		stop = connection.subscribe((state) => {
			if (state.status === 'refused') {
				clearTimeout(timer);
				queueMicrotask(() => stop());
				reject(new LiveTextUnavailable(`The collab endpoint refused the server: ${state.closeReason ?? ''}`));
			} else if (ready(state)) {
				clearTimeout(timer);
				queueMicrotask(() => stop());
				resolve();
			}
		});
	});
}

/** Reads the live text of several languages at once. */
export async function readLiveTexts(documentId: string, languages: readonly Language[]) {
	const entries = await Promise.all(
		languages.map(
			async (language) =>
				[language, await withLiveText(documentId, language, (_doc, fragment) => fragmentJson(fragment))] as const
		)
	);
	return Object.fromEntries(entries) as Partial<Record<Language, PmNode>>;
}
