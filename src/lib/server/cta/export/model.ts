// What every export of the Call to Action is made from: per language, the document's
// title, a header line (version name, or live/adopted text, and the date), and its
// blocks as paragraphs of styled runs; for "all three side by side", rows aligned on the
// master's blocks. DOCX, PDF and Markdown are each a rendering of this.
import type { Block, PmNode } from '$lib/domain/cta/blocks';
import { alignBlocks } from '$lib/domain/cta/drift';

export type Language = 'en' | 'ro' | 'ru';

export interface Run {
	text: string;
	bold: boolean;
	italic: boolean;
	href: string | null;
}

/** `source` is the block as stored: the Markdown export serializes it with the shared renderer. */
export type ExportBlock = { source: Block } & (
	| { kind: 'heading'; level: 2 | 3; runs: Run[] }
	| { kind: 'paragraph'; runs: Run[] }
	| { kind: 'list'; ordered: boolean; start: number; items: Run[][] }
);

export interface ExportLanguage {
	language: Language;
	title: string;
	header: string;
	blocks: ExportBlock[];
}

export interface ExportDocument {
	/** File name without extension. */
	fileName: string;
	languages: ExportLanguage[];
	/** For side by side: per master block, the block in each language (null when missing). */
	rows: (ExportBlock | null)[][];
}

function runsOf(nodes: PmNode[] | undefined, isAllowedHref: (href: string) => boolean): Run[] {
	const runs: Run[] = [];
	for (const node of nodes ?? []) {
		if (node.type === 'hardBreak') {
			runs.push({ text: '\n', bold: false, italic: false, href: null });
			continue;
		}
		if (node.type !== 'text' || !node.text) continue;
		const has = (type: string) => node.marks?.some((mark) => mark.type === type) ?? false;
		const href = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
		runs.push({
			text: node.text,
			bold: has('bold'),
			italic: has('italic'),
			href: typeof href === 'string' && isAllowedHref(href) ? href : null
		});
	}
	return runs;
}

/** A list item's text: its paragraphs' runs, joined by line breaks (nested lists flattened). */
function itemRuns(item: PmNode, isAllowedHref: (href: string) => boolean): Run[] {
	const runs: Run[] = [];
	const walk = (node: PmNode) => {
		if (node.type === 'paragraph' || node.type === 'heading') {
			if (runs.length > 0) runs.push({ text: '\n', bold: false, italic: false, href: null });
			runs.push(...runsOf(node.content, isAllowedHref));
		} else for (const child of node.content ?? []) walk(child);
	};
	walk(item);
	return runs;
}

export function exportBlock(block: Block, isAllowedHref: (href: string) => boolean): ExportBlock {
	const node = block.node;
	if (node.type === 'heading') {
		return {
			source: block,
			kind: 'heading',
			level: block.level === 3 ? 3 : 2,
			runs: runsOf(node.content, isAllowedHref)
		};
	}
	if (node.type === 'bulletList' || node.type === 'orderedList') {
		const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
		return {
			source: block,
			kind: 'list',
			ordered: node.type === 'orderedList',
			start,
			items: (node.content ?? []).map((item) => itemRuns(item, isAllowedHref))
		};
	}
	return { source: block, kind: 'paragraph', runs: runsOf(node.content, isAllowedHref) };
}

/** Rows for side by side: the master's blocks in order, each beside its translations. */
export function sideBySideRows(
	master: Language,
	languages: Language[],
	blocks: Record<Language, Block[]>,
	isAllowedHref: (href: string) => boolean
): (ExportBlock | null)[][] {
	const aligned = new Map(
		languages.filter((l) => l !== master).map((language) => [language, alignBlocks(blocks[master], blocks[language])])
	);
	return blocks[master].map((block, index) =>
		languages.map((language) => {
			if (language === master) return exportBlock(block, isAllowedHref);
			const row = aligned.get(language)!.filter((r) => r.master !== null)[index];
			return row?.translation ? exportBlock(row.translation, isAllowedHref) : null;
		})
	);
}

export const plainText = (runs: Run[]) => runs.map((run) => run.text).join('');
