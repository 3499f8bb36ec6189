// The live text of a Call to Action language, as the app's server reads and changes it:
// through the collab endpoint, as the service role, like any editor. Going through the
// endpoint (rather than the tables) means an accepted amendment reaches every open editor
// at once, is stored before anyone sees it, and crosses instances through Redis; and the
// page's server-rendered text is exactly what the editors hold.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { createCollabConnection } from '$lib/collab/collab-connection';
import type { PmNode } from '$lib/domain/cta/blocks';
import { supabaseServiceRoleKey } from '../config';

/** The Yjs XmlFragment TipTap's Collaboration extension binds to. */
export const TEXT_FIELD = 'default';

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

/** The text as ProseMirror JSON (attributes as stored: block ids and sources included). */
export function fragmentJson(fragment: Y.XmlFragment): PmNode {
	return yXmlFragmentToProsemirrorJSON(fragment) as PmNode;
}

/** Reads the live text of several languages at once. */
export async function readLiveTexts(documentId: string, languages: readonly Language[]) {
	const entries = await Promise.all(
		languages.map(
			async (language) => [language, await withLiveText(documentId, language, (_doc, fragment) => fragmentJson(fragment))] as const
		)
	);
	return Object.fromEntries(entries) as Partial<Record<Language, PmNode>>;
}

// ProseMirror JSON → Yjs, in y-prosemirror's encoding: an element per node with its
// attributes, text as XmlText with each mark as a formatting attribute (mark name → attrs).
function toYNode(node: PmNode): Y.XmlElement | Y.XmlText {
	if (node.type === 'text') {
		const text = new Y.XmlText();
		const marks = Object.fromEntries((node.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]));
		text.insert(0, node.text ?? '', marks);
		return text;
	}
	const element = new Y.XmlElement(node.type);
	for (const [key, value] of Object.entries(node.attrs ?? {})) {
		if (value !== null && value !== undefined) element.setAttribute(key, value as string);
	}
	// Consecutive text nodes share one XmlText, as y-prosemirror writes them.
	const children: (Y.XmlElement | Y.XmlText)[] = [];
	let pendingText: PmNode[] = [];
	const flush = () => {
		if (pendingText.length === 0) return;
		const text = new Y.XmlText();
		let at = 0;
		for (const part of pendingText) {
			const marks = Object.fromEntries((part.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]));
			text.insert(at, part.text ?? '', marks);
			at += (part.text ?? '').length;
		}
		children.push(text);
		pendingText = [];
	};
	for (const child of node.content ?? []) {
		if (child.type === 'text') pendingText.push(child);
		else {
			flush();
			children.push(toYNode(child));
		}
	}
	flush();
	element.insert(0, children);
	return element;
}

/** Index of the top-level block with this id, or -1. */
export function blockIndex(fragment: Y.XmlFragment, blockId: string): number {
	let index = 0;
	for (const child of fragment.toArray()) {
		if (child instanceof Y.XmlElement && child.getAttribute('id') === blockId) return index;
		index++;
	}
	return -1;
}

/** Replaces the top-level block at `index` with `node`. */
export function replaceBlock(fragment: Y.XmlFragment, index: number, node: PmNode): void {
	fragment.delete(index, 1);
	fragment.insert(index, [toYNode(node) as Y.XmlElement]);
}

/** Inserts `node` as a top-level block at `index` (clamped to the end). */
export function insertBlock(fragment: Y.XmlFragment, index: number, node: PmNode): void {
	fragment.insert(Math.min(Math.max(index, 0), fragment.length), [toYNode(node) as Y.XmlElement]);
}

/** Sets attributes of the top-level block at `index`, keeping its text as it is. */
export function setBlockAttributes(fragment: Y.XmlFragment, index: number, attrs: Record<string, string>): void {
	const element = fragment.get(index);
	if (!(element instanceof Y.XmlElement)) return;
	for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
}
