// Markdown export: every block through the shared serializer (the one the notes report
// uses too, src/lib/server/render/rich-text.ts); one language as it is, all three as a
// section per master block with each language's version under a label (Markdown has no
// columns).
import { blocksToMarkdown, textToMarkdown } from '../markdown';
import type { ExportBlock, ExportDocument } from './model';

export const blockMarkdown = (block: ExportBlock): string => blocksToMarkdown([block.source]);

export function toMarkdownFile(doc: ExportDocument, labels: Record<string, string>): string {
	if (doc.languages.length === 1) {
		const [only] = doc.languages;
		return (
			[
				`# ${textToMarkdown(only!.title)}`,
				`*${textToMarkdown(only!.header)}*`,
				...only!.blocks.map(blockMarkdown)
			].join('\n\n') + '\n'
		);
	}
	const parts = [
		doc.languages.map((l) => `# ${textToMarkdown(l.title)}`).join('\n\n'),
		doc.languages.map((l) => `*${textToMarkdown(l.header)}*`).join('  \n')
	];
	for (const row of doc.rows) {
		parts.push('---');
		row.forEach((block, index) => {
			const language = doc.languages[index]!.language;
			parts.push(`**${textToMarkdown(labels[language] ?? language)}**\n\n${block ? blockMarkdown(block) : '—'}`);
		});
	}
	return parts.join('\n\n') + '\n';
}
