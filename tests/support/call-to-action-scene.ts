// Setting the scene for the Call to Action as the server would: a fresh document of the
// seeded event (REST, service role) and its text written into the live Yjs documents
// through the collab endpoint, in the encoding TipTap reads. Shared by the e2e specs and
// `npm run bench:draft`, so it depends on neither Playwright's runner nor the benchmark.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createCollabConnection } from '../../src/lib/collab/collab-connection.ts';
import { blocksOf, translationOf, type Block, type PmNode } from '../../src/lib/domain/cta/blocks.ts';
import { TEXT_FIELD, fragmentJson, toYNode } from '../../src/lib/server/cta/yjs-blocks.ts';
import { admin, serviceKey } from '../e2e/clients.ts';

export { admin };

export const EVENT_ID = 'e0000000-0000-4000-8000-000000002018';
export const SLUG = 'social-workforce-2018';

/** Resolves once `check` holds, polling; rejects with `what` after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export async function newDocument(baseURL: string, title: string, status = 'drafting'): Promise<string> {
	const db = await admin(baseURL);
	const { data, error } = await db
		.from('documents')
		.insert({ event_id: EVENT_ID, title: { en: title, ro: `${title} (ro)`, ru: `${title} (ru)` }, status })
		.select('id')
		.single();
	if (error) throw error;
	return data.id as string;
}

export async function setDocumentStatus(baseURL: string, id: string, status: string): Promise<void> {
	const { error } = await (await admin(baseURL)).from('documents').update({ status }).eq('id', id);
	if (error) throw error;
}

/** Opens a language as the service role, runs fn inside one transaction, waits until stored. */
export async function withText<T>(
	baseURL: string,
	id: string,
	lang: string,
	fn: (fragment: Y.XmlFragment) => T
): Promise<T> {
	const token = await serviceKey();
	const connection = createCollabConnection({
		url: `${baseURL.replace(/^http/, 'ws')}/collab`,
		docName: `cta:${id}:${lang}`,
		getToken: async () => token,
		localStorageKey: false,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	try {
		await until(() => connection.state.synced, `cta:${id}:${lang} to sync`);
		const result = connection.doc.transact(() => fn(connection.doc.getXmlFragment(TEXT_FIELD)));
		await until(() => !connection.state.pendingChanges, `cta:${id}:${lang} to be stored`);
		return result;
	} finally {
		await connection.destroy();
	}
}

export const paragraph = (id: string, text: string): PmNode => ({
	type: 'paragraph',
	attrs: { id },
	content: [{ type: 'text', text }]
});

export async function writeBlocks(baseURL: string, id: string, lang: string, nodes: PmNode[]): Promise<void> {
	await withText(baseURL, id, lang, (fragment) => {
		fragment.delete(0, fragment.length);
		fragment.insert(
			0,
			nodes.map((node) => toYNode(node) as Y.XmlElement)
		);
	});
}

export async function readBlocks(baseURL: string, id: string, lang: string): Promise<Block[]> {
	return withText(baseURL, id, lang, (fragment) => blocksOf(fragmentJson(fragment)));
}

/** The translation of master nodes: same ids, each remembering the master block it translates. */
export function translated(master: PmNode[], texts: string[]): PmNode[] {
	const blocks = blocksOf({ type: 'doc', content: master });
	return blocks.map((block, index) => translationOf(block, paragraph(block.id!, texts[index]!)));
}
