// The Call to Action's blocks as Markdown, through the shared renderer (one serializer for
// every rich text of Accord): headings, numbered and bulleted lists, emphasis and links kept.
import type { Block } from '$lib/domain/cta/blocks';
import { editorSchema } from '$lib/editor/extensions';
import { toMarkdown } from '../render/rich-text';

export function blocksToMarkdown(blocks: Block[]): string {
	if (blocks.length === 0) return '';
	// Attributes the base schema does not know (block ids, sources) are dropped here.
	return toMarkdown(editorSchema().nodeFromJSON({ type: 'doc', content: blocks.map((block) => block.node) }));
}

/** Plain text (a title, a header line) as Markdown, escaped by the same serializer. */
export function textToMarkdown(text: string): string {
	const schema = editorSchema();
	return toMarkdown(schema.node('doc', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])]));
}
