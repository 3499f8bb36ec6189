// The Call to Action's top-level blocks inside a Yjs document, in y-prosemirror's encoding
// (what TipTap's Collaboration extension reads and writes): read as ProseMirror JSON, and
// changed block by block by the server (accepted amendments, translators' confirmations).
// Relative imports only: the e2e tests and the benchmark seed documents with it too.
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { PmNode } from '../../domain/cta/blocks.ts';

/** The Yjs XmlFragment TipTap's Collaboration extension binds to (EDITOR_FIELD). */
export const TEXT_FIELD = 'default';

/** The text as ProseMirror JSON (attributes as stored: block ids and sources included). */
export function fragmentJson(fragment: Y.XmlFragment): PmNode {
	return yXmlFragmentToProsemirrorJSON(fragment) as PmNode;
}

// ProseMirror JSON → Yjs, in y-prosemirror's encoding: an element per node with its
// attributes, text as XmlText with each mark as a formatting attribute (mark name → attrs).
export function toYNode(node: PmNode): Y.XmlElement | Y.XmlText {
	if (node.type === 'text') {
		const text = new Y.XmlText();
		const marks = Object.fromEntries((node.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]));
		text.insert(0, node.text ?? '', marks);
		return text;
	}
	const element = new Y.XmlElement(node.type);
	for (const [key, value] of Object.entries(node.attrs ?? {})) {
		if (value !== null && value !== undefined) element.setAttribute(key, value as string);
	}
	// Consecutive text nodes share one XmlText, as y-prosemirror writes them.
	const children: (Y.XmlElement | Y.XmlText)[] = [];
	let pendingText: PmNode[] = [];
	const flush = () => {
		if (pendingText.length === 0) return;
		const text = new Y.XmlText();
		let at = 0;
		for (const part of pendingText) {
			const marks = Object.fromEntries((part.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]));
			text.insert(at, part.text ?? '', marks);
			at += (part.text ?? '').length;
		}
		children.push(text);
		pendingText = [];
	};
	for (const child of node.content ?? []) {
		if (child.type === 'text') pendingText.push(child);
		else {
			flush();
			children.push(toYNode(child));
		}
	}
	flush();
	element.insert(0, children);
	return element;
}

/** Index of the top-level block with this id, or -1. */
export function blockIndex(fragment: Y.XmlFragment, blockId: string): number {
	let index = 0;
	for (const child of fragment.toArray()) {
		if (child instanceof Y.XmlElement && child.getAttribute('id') === blockId) return index;
		index++;
	}
	return -1;
}

/** Replaces the top-level block at `index` with `node`. */
export function replaceBlock(fragment: Y.XmlFragment, index: number, node: PmNode): void {
	fragment.delete(index, 1);
	fragment.insert(index, [toYNode(node) as Y.XmlElement]);
}

/** Inserts `node` as a top-level block at `index` (clamped to the end). */
export function insertBlock(fragment: Y.XmlFragment, index: number, node: PmNode): void {
	fragment.insert(Math.min(Math.max(index, 0), fragment.length), [toYNode(node) as Y.XmlElement]);
}

/** Sets attributes of the top-level block at `index`, keeping its text as it is. */
export function setBlockAttributes(fragment: Y.XmlFragment, index: number, attrs: Record<string, string>): void {
	const element = fragment.get(index);
	if (!(element instanceof Y.XmlElement)) return;
	for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
}
