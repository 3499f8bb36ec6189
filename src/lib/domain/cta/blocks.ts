// The Call to Action as a list of top-level blocks (DESIGN §5). Each language is its own
// Yjs document; what ties them together is the block id every top-level node carries
// (the same id in en, ro and ru), and, on a translated block, the hash and text of the
// master block it was translated from. Pure: works on ProseMirror JSON, so the server (from
// the stored Yjs state), the browser (from the editor) and the tests share it.
import { hashText } from './hash.ts';

/** ProseMirror JSON, as TipTap's getJSON() and y-tiptap's yXmlFragmentToProsemirrorJSON give it. */
export interface PmNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: PmNode[];
	text?: string;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** The node attributes the Call to Action adds to every top-level block. */
export const BLOCK_ID_ATTR = 'id';
export const SOURCE_HASH_ATTR = 'sourceHash';
export const SOURCE_TEXT_ATTR = 'sourceText';

/** Top-level node types that are blocks (what UniqueID and the source attributes apply to). */
export const BLOCK_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList'] as const;

export interface Block {
	/** Shared by the three languages; null for a block the editor has not stamped yet. */
	id: string | null;
	type: string;
	/** Heading level (1–6). */
	level?: number;
	/** Normalised plain text (list items on their own lines). */
	text: string;
	/** Hash of this block's normalised text. */
	hash: string;
	/** On a translation: the hash of the master block it was last translated from. */
	sourceHash: string | null;
	/** On a translation: the master block's text it was last translated from (for the word diff). */
	sourceText: string | null;
	/** The block itself, to render or to copy into another language. */
	node: PmNode;
}

/** Whitespace collapsed, Unicode composed: edits that change nothing visible do not count as changes. */
export function normaliseText(text: string): string {
	return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function inlineText(node: PmNode): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hardBreak') return ' ';
	return (node.content ?? []).map(inlineText).join('');
}

/** Plain text of a block: paragraphs and list items each normalised, one per line. */
export function blockText(node: PmNode): string {
	const lines: string[] = [];
	const walk = (current: PmNode) => {
		if (current.type === 'paragraph' || current.type === 'heading') {
			lines.push(normaliseText(inlineText(current)));
			return;
		}
		if (current.type === 'text') {
			lines.push(normaliseText(current.text ?? ''));
			return;
		}
		for (const child of current.content ?? []) walk(child);
	};
	walk(node);
	return lines.filter((line) => line !== '').join('\n');
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function toBlock(node: PmNode): Block {
	const text = blockText(node);
	const level = node.type === 'heading' && typeof node.attrs?.level === 'number' ? node.attrs.level : undefined;
	return {
		id: stringOrNull(node.attrs?.[BLOCK_ID_ATTR]),
		type: node.type,
		...(level === undefined ? {} : { level }),
		text,
		hash: hashText(text),
		sourceHash: stringOrNull(node.attrs?.[SOURCE_HASH_ATTR]),
		sourceText: typeof node.attrs?.[SOURCE_TEXT_ATTR] === 'string' ? (node.attrs[SOURCE_TEXT_ATTR] as string) : null,
		node
	};
}

/** The top-level blocks of a document, empty trailing paragraphs left out. */
export function blocksOf(doc: PmNode | null | undefined): Block[] {
	const blocks = (doc?.content ?? []).map(toBlock);
	while (blocks.length > 0 && blocks.at(-1)!.text === '' && blocks.at(-1)!.type === 'paragraph') blocks.pop();
	return blocks;
}

/** A copy of a master block for a translation: same id, the master's hash and text as its source. */
export function translationOf(master: Block, node: PmNode = master.node): PmNode {
	return {
		...node,
		attrs: {
			...node.attrs,
			[BLOCK_ID_ATTR]: master.id,
			[SOURCE_HASH_ATTR]: master.hash,
			[SOURCE_TEXT_ATTR]: master.text
		}
	};
}

/** Replaces the text of a block with plain paragraphs (an amendment's text), keeping its id and type. */
export function withText(block: Block, text: string): PmNode {
	const lines = text
		.split(/\n+/u)
		.map((line) => normaliseText(line))
		.filter((line) => line !== '');
	const inline = (line: string): PmNode[] => (line === '' ? [] : [{ type: 'text', text: line }]);
	const attrs = { ...block.node.attrs };
	if (block.type === 'heading') return { type: 'heading', attrs, content: inline(lines.join(' ')) };
	if (block.type === 'bulletList' || block.type === 'orderedList') {
		return {
			type: block.type,
			attrs,
			content: lines.map((line) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inline(line) }] }))
		};
	}
	return { type: 'paragraph', attrs, content: inline(lines.join(' ')) };
}
