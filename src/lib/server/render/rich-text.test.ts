import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '../../editor/extensions.ts';
import { isEmptyRichText, richTextFromState, toMarkdown, toPlainText, toSafeHTML } from './rich-text.ts';

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
	type: 'text',
	text: value,
	...(marks ? { marks } : {})
});
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

const NOTES = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 2 }, content: [text('Key *points* <script>alert(1)</script> & more')] },
		paragraph(
			text('Bold', [{ type: 'bold' }]),
			text(' and '),
			text('italic', [{ type: 'italic' }]),
			text(' evil', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
			text(' good', [{ type: 'link', attrs: { href: 'https://example.org/a(b)' } }])
		),
		{
			type: 'bulletList',
			content: [
				item(paragraph(text('# not a heading')), { type: 'bulletList', content: [item(paragraph(text('nested')))] })
			]
		},
		{
			type: 'orderedList',
			attrs: { start: 1 },
			content: [item(paragraph(text('first'))), item(paragraph(text('second')))]
		}
	]
};

function stored(json: unknown): Uint8Array {
	return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), json, 'default'));
}

describe('rendering stored notes', () => {
	const doc = richTextFromState(stored(NOTES));

	it('renders safe HTML: text escaped, javascript: links dropped, structure kept', () => {
		const html = toSafeHTML(doc);
		expect(html).toContain('<h2>Key *points* &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h2>');
		expect(html).not.toMatch(/<script|javascript:/i);
		expect(html).toContain('<strong>Bold</strong> and <em>italic</em> evil<a href="https://example.org/a(b)"');
		expect(html).toContain('<ul><li><p># not a heading</p><ul><li><p>nested</p></li></ul></li></ul>');
		expect(html).toContain('<ol><li><p>first</p></li><li><p>second</p></li></ol>');
	});

	it('renders Markdown with escaped text, nested lists and only safe links', () => {
		expect(toMarkdown(doc)).toBe(
			[
				'## Key \\*points\\* &lt;script&gt;alert(1)&lt;/script&gt; &amp; more',
				'',
				'**Bold** and *italic* evil[ good](https://example.org/a%28b%29)',
				'',
				'- \\# not a heading',
				'  - nested',
				'',
				'1. first',
				'2. second'
			].join('\n')
		);
	});

	it('renders plain text and knows an empty note', () => {
		expect(toPlainText(doc).split('\n')).toEqual([
			'Key *points* <script>alert(1)</script> & more',
			'Bold and italic evil good',
			'- # not a heading',
			'- nested',
			'- first',
			'- second'
		]);
		expect(isEmptyRichText(richTextFromState(null))).toBe(true);
		expect(isEmptyRichText(doc)).toBe(false);
	});

	it('leaves out elements the schema does not know', () => {
		const ydoc = new Y.Doc();
		const fragment = ydoc.getXmlFragment('default');
		const script = new Y.XmlElement('script');
		script.insert(0, [new Y.XmlText('alert(1)')]);
		const para = new Y.XmlElement('paragraph');
		para.insert(0, [new Y.XmlText('kept')]);
		fragment.insert(0, [script, para]);
		const html = toSafeHTML(richTextFromState(Y.encodeStateAsUpdate(ydoc)));
		expect(html).toBe('<p>kept</p>');
	});
});
