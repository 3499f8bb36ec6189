import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '../../editor/extensions';
import { richTextFromState } from '../render/rich-text';
import { reportDocx, reportMarkdown, type SessionReport } from './report';

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
	type: 'text',
	text: value,
	...(marks ? { marks } : {})
});
const item = (value: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(value)] }] });

const notes = richTextFromState(
	Y.encodeStateAsUpdate(
		prosemirrorJSONToYDoc(
			editorSchema(),
			{
				type: 'doc',
				content: [
					{ type: 'heading', attrs: { level: 2 }, content: [text('Закрытие <script>alert(1)</script>')] },
					{
						type: 'paragraph',
						content: [
							text('Ключевой ', [{ type: 'bold' }]),
							text('тезис', [{ type: 'italic' }]),
							text(' link', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])
						]
					},
					{ type: 'heading', attrs: { level: 3 }, content: [text('Основные положения')] },
					{ type: 'bulletList', content: [item('Первый'), item('Второй')] },
					{ type: 'orderedList', content: [item('Один')] }
				]
			},
			'default'
		)
	)
);

const report: SessionReport = {
	eventTitle: 'Конференция',
	sessionTitle: 'Пленарное заседание',
	language: 'ru',
	notes,
	recommendations: [
		{ text: 'Финансировать <b>супервизию</b>', status: 'accepted', endorsements: 12 },
		{ text: 'Дубликат', status: 'rejected', endorsements: 0 }
	],
	generatedAt: new Date('2018-11-23T14:00:00Z'),
	timeZone: 'Europe/Bucharest'
};

describe('session report', () => {
	it('DOCX keeps headings, lists and emphasis, in the session’s language, with nothing executable', async () => {
		const buffer = Buffer.from(await reportDocx(report));
		const { value: html } = await mammoth.convertToHtml({ buffer });
		expect(html).toContain('<h1>Заметки</h1>');
		expect(html).toContain('<h2>Закрытие &lt;script&gt;alert(1)&lt;/script&gt;</h2>');
		expect(html).toContain('<h3>Основные положения</h3>');
		expect(html).toContain('<strong>Ключевой </strong><em>тезис</em> link');
		expect(html).toContain('<ul><li>Первый</li><li>Второй</li></ul>');
		expect(html).toContain('<h1>Рекомендации</h1>');
		expect(html).not.toMatch(/javascript:|<script/);
		const { value: raw } = await mammoth.extractRawText({ buffer });
		expect(raw).toContain('Финансировать <b>супервизию</b>');
		expect(raw).toContain('принята');
		expect(raw).toContain('Поддержали: 12');
		expect(raw).toContain('отклонена');
	});

	it('Markdown nests the notes under the report’s sections and escapes every typed character', () => {
		const markdown = reportMarkdown(report);
		expect(markdown).toContain('# Пленарное заседание');
		expect(markdown).toContain('## Заметки');
		expect(markdown).toContain('### Закрытие &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(markdown).toContain('#### Основные положения');
		expect(markdown).toContain('**Ключевой** *тезис* link');
		expect(markdown).toContain('- Первый\n- Второй');
		expect(markdown).toContain('1. Финансировать &lt;b\\>супервизию&lt;/b\\> — *принята*, Поддержали: 12');
		expect(markdown).not.toMatch(/javascript:|<script|<b>/);
	});
});
