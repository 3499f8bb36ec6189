// What the Call to Action adds to the shared editor schema (DESIGN §5): a stable id on
// every block, the same id in the three language documents, and on a translated block the
// hash and text of the master block it was translated from. The attributes never come from
// pasted HTML (except the id, which UniqueID re-issues when it collides) and are not
// split off: the second half of a split paragraph is a new block with no source.
import { Extension } from '@tiptap/core';
import UniqueID from '@tiptap/extension-unique-id';
import { BLOCK_ID_ATTR, BLOCK_TYPES, SOURCE_HASH_ATTR, SOURCE_TEXT_ATTR } from '../domain/cta/blocks.ts';

const BlockSource = Extension.create({
	name: 'ctaBlockSource',
	addGlobalAttributes() {
		const hidden = { default: null, keepOnSplit: false, parseHTML: () => null, renderHTML: () => ({}) };
		return [{ types: [...BLOCK_TYPES], attributes: { [SOURCE_HASH_ATTR]: hidden, [SOURCE_TEXT_ATTR]: hidden } }];
	}
});

export function ctaExtensions() {
	return [UniqueID.configure({ types: [...BLOCK_TYPES], attributeName: BLOCK_ID_ATTR }), BlockSource];
}
