// Accepting an amendment is all or nothing: the decision is recorded only once the live
// text holds the replacement, and a decision refused after the apply puts the text back.
// The live text here is a real Yjs document; the database is a stand-in that answers the
// two functions the server calls (their SQL is tested in tests/supabase).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SupabaseClient } from '@supabase/supabase-js';
import { blocksOf, type PmNode } from '$lib/domain/cta/blocks';
import { decideAmendment, type LiveTextEdit } from './call-to-action';
import { LiveTextUnavailable } from './live-text';
import { TEXT_FIELD, fragmentJson, toYNode } from './yjs-blocks';

const paragraph = (id: string, text: string): PmNode => ({
	type: 'paragraph',
	attrs: { id },
	content: [{ type: 'text', text }]
});

function liveText(nodes: PmNode[]) {
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment(TEXT_FIELD);
	fragment.insert(
		0,
		nodes.map((node) => toYNode(node) as Y.XmlElement)
	);
	const texts = () => blocksOf(fragmentJson(fragment)).map((block) => block.text);
	const edit: LiveTextEdit = async (_id, _language, fn) => doc.transact(() => fn(doc, fragment));
	return { doc, texts, edit };
}

/** The database's side: the amendment row, and what each function answers, in call order. */
function database(proposedText: string, decideError: { message: string; hint: string } | null = null) {
	const calls: string[] = [];
	const amendment = { id: 'a-1', block_id: 'b-2', language: 'en', proposed_text: proposedText, status: 'proposed' };
	const query = {
		select: () => query,
		eq: () => query,
		maybeSingle: async () => ({ data: amendment, error: null })
	};
	const client = {
		from: () => query,
		rpc: async (name: string) => {
			calls.push(name);
			if (name === 'decide_amendment' && decideError) {
				return { data: null, error: { code: '55000', details: '', ...decideError }, status: 409 };
			}
			return { data: name === 'decide_amendment' ? amendment : null, error: null, status: 200 };
		}
	};
	return { calls, client: client as unknown as SupabaseClient<never> as never };
}

const TEXT = [paragraph('b-1', 'First.'), paragraph('b-2', 'Second.'), paragraph('b-3', 'Third.')];
const accept = { documentId: 'd-1', amendmentId: 'a-1', accept: true, reason: '' };

describe('accepting an amendment', () => {
	it('applies the replacement, then records the decision', async () => {
		const text = liveText(TEXT);
		const db = database('A better second.');
		await decideAmendment(db.client, accept, text.edit);
		expect(text.texts()).toEqual(['First.', 'A better second.', 'Third.']);
		expect(db.calls).toEqual(['check_amendment_decision', 'decide_amendment']);
	});

	it('records nothing when the live text cannot be reached: the amendment stays proposed', async () => {
		const text = liveText(TEXT);
		const db = database('A better second.');
		const unreachable: LiveTextEdit = async () => {
			throw new LiveTextUnavailable('The collab endpoint did not answer in time');
		};
		await expect(decideAmendment(db.client, accept, unreachable)).rejects.toBeInstanceOf(LiveTextUnavailable);
		expect(db.calls).toEqual(['check_amendment_decision']);
		expect(text.texts()).toEqual(['First.', 'Second.', 'Third.']);
	});

	it('records nothing when the block is gone, refusing with a message', async () => {
		const text = liveText([paragraph('b-1', 'First.')]);
		const db = database('A better second.');
		await expect(decideAmendment(db.client, accept, text.edit)).rejects.toMatchObject({
			messageKey: 'cta.errors.notApplied'
		});
		expect(db.calls).toEqual(['check_amendment_decision']);
		expect(text.texts()).toEqual(['First.']);
	});

	it('puts the block back when the decision is refused after the apply', async () => {
		for (const proposed of ['A better second.', '']) {
			const text = liveText(TEXT);
			const db = database(proposed, { message: 'The amendment has been decided', hint: 'amendment_decided' });
			await expect(decideAmendment(db.client, accept, text.edit)).rejects.toMatchObject({ hint: 'amendment_decided' });
			expect(text.texts()).toEqual(['First.', 'Second.', 'Third.']);
			expect(blocksOf(fragmentJson(text.doc.getXmlFragment(TEXT_FIELD)))[1]?.id).toBe('b-2');
		}
	});

	it('a rejection never touches the text', async () => {
		const text = liveText(TEXT);
		const db = database('A better second.');
		await decideAmendment(db.client, { ...accept, accept: false, reason: 'Out of scope' }, text.edit);
		expect(text.texts()).toEqual(['First.', 'Second.', 'Third.']);
		expect(db.calls).toEqual(['check_amendment_decision', 'decide_amendment']);
	});
});
