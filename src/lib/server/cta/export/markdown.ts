// Markdown export: one language through the shared serializer; all three as a section per
// master block with each language's version under a label (Markdown has no columns).
import type { ExportBlock, ExportDocument, Run } from './model';

const escape = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/([\\`*_[\]#])/g, '\\$1');

function runs(list: Run[]): string {
	return list
		.map((run) => {
			let text = escape(run.text).replace(/\n/g, '  \n');
			if (run.bold) text = `**${text}**`;
			if (run.italic) text = `*${text}*`;
			if (run.href) text = `[${text}](${encodeURI(run.href)})`;
			return text;
		})
		.join('');
}

export function blockMarkdown(block: ExportBlock): string {
	if (block.kind === 'heading') return `${'#'.repeat(block.level)} ${runs(block.runs)}`;
	if (block.kind === 'paragraph') return runs(block.runs);
	return block.items
		.map((item, index) => `${block.ordered ? `${block.start + index}.` : '-'} ${runs(item).replace(/\n/g, '\n   ')}`)
		.join('\n');
}

export function toMarkdownFile(doc: ExportDocument, labels: Record<string, string>): string {
	if (doc.languages.length === 1) {
		const [only] = doc.languages;
		return (
			[`# ${escape(only!.title)}`, `*${escape(only!.header)}*`, ...only!.blocks.map(blockMarkdown)].join('\n\n') + '\n'
		);
	}
	const parts = [
		doc.languages.map((l) => `# ${escape(l.title)}`).join('\n\n'),
		doc.languages.map((l) => `*${escape(l.header)}*`).join('  \n')
	];
	for (const row of doc.rows) {
		parts.push('---');
		row.forEach((block, index) => {
			const language = doc.languages[index]!.language;
			parts.push(`**${labels[language]}**\n\n${block ? blockMarkdown(block) : '—'}`);
		});
	}
	return parts.join('\n\n') + '\n';
}
