import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '../../../editor/extensions.ts';
import { notesTemplate } from '../../../domain/notes-template.ts';
import { notesPolicy } from './notes.ts';
import { checkRichTextUpdate } from './rich-text-update.ts';

const labels = {
	chair: 'Chair',
	resourcePersons: 'Resource persons',
	keyPoints: 'Key points',
	recommendations: 'Recs'
};
const rapporteur = { userId: 'u1', role: 'authenticated', name: 'Mihaela Stan', color: '#1d4ed8' };
const live = { mode: 'live', eventId: null };

function fragmentUpdate(build: (fragment: Y.XmlFragment) => void): Uint8Array {
	const doc = new Y.Doc();
	build(doc.getXmlFragment('default'));
	return Y.encodeStateAsUpdate(doc);
}

describe('rich-text update check', () => {
	it('accepts what the editor writes: the template, text, bold and safe links', () => {
		const template = prosemirrorJSONToYDoc(
			editorSchema(),
			notesTemplate({ title: 'T', chairs: ['A'], resourcePersons: [], labels }),
			'default'
		);
		expect(checkRichTextUpdate(Y.encodeStateAsUpdate(template))).toEqual({ ok: true });
		const linked = fragmentUpdate((fragment) => {
			const paragraph = new Y.XmlElement('paragraph');
			const text = new Y.XmlText();
			paragraph.insert(0, [text]);
			fragment.insert(0, [paragraph]);
			text.insert(0, 'see ', { bold: {} });
			text.insert(4, 'this', { link: { href: 'https://example.org' } });
		});
		expect(checkRichTextUpdate(linked)).toEqual({ ok: true });
		expect(notesPolicy.validateUpdate({ facts: live, access: 'write', identity: rapporteur }, linked).ok).toBe(true);
	});

	it('refuses elements, marks and links the schema does not allow', () => {
		const script = fragmentUpdate((fragment) => fragment.insert(0, [new Y.XmlElement('script')]));
		expect(checkRichTextUpdate(script)).toMatchObject({ ok: false });
		const image = fragmentUpdate((fragment) => fragment.insert(0, [new Y.XmlElement('img')]));
		expect(checkRichTextUpdate(image)).toMatchObject({ ok: false });
		const evil = fragmentUpdate((fragment) => {
			const paragraph = new Y.XmlElement('paragraph');
			const text = new Y.XmlText();
			paragraph.insert(0, [text]);
			fragment.insert(0, [paragraph]);
			text.insert(0, 'click', { link: { href: ' javascript:alert(1)' } });
		});
		expect(checkRichTextUpdate(evil)).toMatchObject({ ok: false });
		const styled = fragmentUpdate((fragment) => {
			const text = new Y.XmlText();
			fragment.insert(0, [text]);
			text.insert(0, 'x', { style: 'color:red' });
		});
		expect(checkRichTextUpdate(styled)).toMatchObject({ ok: false });
		const subdoc = new Y.Doc();
		subdoc.getMap('m').set('doc', new Y.Doc());
		expect(checkRichTextUpdate(Y.encodeStateAsUpdate(subdoc))).toMatchObject({ ok: false });
		expect(checkRichTextUpdate(new Uint8Array([9, 9, 9]))).toMatchObject({ ok: false });
		expect(notesPolicy.validateUpdate({ facts: live, access: 'write', identity: rapporteur }, script).ok).toBe(false);
	});
});
