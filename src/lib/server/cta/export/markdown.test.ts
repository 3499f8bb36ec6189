// The Markdown export is written by the shared serializer (the notes report's too): the
// same escaping, emphasis, links and list numbering as every other Markdown of Accord.
import { describe, expect, it } from 'vitest';
import { blocksOf, type PmNode } from '$lib/domain/cta/blocks';
import { richTextFromJSON, toMarkdown } from '../../render/rich-text';
import { exportBlock, type ExportDocument } from './model';
import { toMarkdownFile } from './markdown';

const NODES: PmNode[] = [
	{ type: 'heading', attrs: { id: 'h', level: 2 }, content: [{ type: 'text', text: 'Angajamente *ferme*' }] },
	{
		type: 'paragraph',
		attrs: { id: 'p' },
		content: [
			{ type: 'text', text: 'Investiți ' },
			{ type: 'text', text: 'acum', marks: [{ type: 'bold' }] },
			{ type: 'text', text: ' — ', marks: [] },
			{ type: 'text', text: 'sursa', marks: [{ type: 'link', attrs: { href: 'https://example.org/a b' } }] }
		]
	},
	{
		type: 'orderedList',
		attrs: { id: 'l', start: 3 },
		content: ['Formați.', 'Plătiți.'].map((text) => ({
			type: 'listItem',
			content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
		}))
	}
];

const allowed = () => true;

describe('the Markdown export', () => {
	it('is what the shared serializer writes for the same text', () => {
		const blocks = blocksOf({ type: 'doc', content: NODES });
		const doc: ExportDocument = {
			fileName: 'cta',
			languages: [
				{
					language: 'ro',
					title: 'Apel *1*',
					header: 'Versiune: Ziua 2',
					blocks: blocks.map((b) => exportBlock(b, allowed))
				}
			],
			rows: []
		};
		const file = toMarkdownFile(doc, {});
		const shared = toMarkdown(richTextFromJSON({ type: 'doc', content: NODES }));
		expect(file).toBe(`# Apel \\*1\\*\n\n*Versiune: Ziua 2*\n\n${shared}\n`);
		expect(shared).toContain('**acum**');
		expect(shared).toContain('3. Formați.\n4. Plătiți.');
	});

	it('puts the languages side by side under their labels', () => {
		const [en] = blocksOf({ type: 'doc', content: [NODES[1]!] });
		const doc: ExportDocument = {
			fileName: 'cta',
			languages: (['en', 'ru'] as const).map((language) => ({ language, title: 'T', header: 'H', blocks: [] })),
			rows: [[exportBlock(en!, allowed), null]]
		};
		const file = toMarkdownFile(doc, { en: 'English', ru: 'Русский' });
		expect(file).toContain('**English**\n\nInvestiți **acum**');
		expect(file).toContain('**Русский**\n\n—');
	});
});
