// The rich-text schema shared by every editor of Accord (session notes, Call to Action)
// and by the server that renders, seeds and checks their Yjs documents: the same list of
// extensions on both sides, so what the browser can type is exactly what the server
// renders and accepts. No DOM and no Yjs here: the server imports it too.
import type { AnyExtension, JSONContent } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { Schema } from '@tiptap/pm/model';
import { isAllowedHref } from '../domain/links.ts';

/** The Yjs XmlFragment the editors bind to (TipTap's Collaboration default). */
export const EDITOR_FIELD = 'default';

export { ALLOWED_LINK_PROTOCOLS, isAllowedHref } from '../domain/links.ts';

/**
 * Headings (levels 2–3: the page owns level 1), paragraphs, bold, italic, bullet and
 * numbered lists, links and line breaks. Code, quotes, rules and strike-through are off:
 * minutes and outcome documents do not use them, and every node kept is one more thing
 * to sanitise, render and export. Undo/redo is off because Yjs brings its own.
 */
export function baseExtensions(): AnyExtension[] {
	return [
		StarterKit.configure({
			heading: { levels: [2, 3] },
			blockquote: false,
			code: false,
			codeBlock: false,
			horizontalRule: false,
			strike: false,
			underline: false,
			undoRedo: false,
			link: {
				openOnClick: false,
				autolink: true,
				defaultProtocol: 'https',
				protocols: ['mailto'],
				isAllowedUri: (url) => isAllowedHref(url),
				HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null }
			}
		})
	];
}

/** Node and mark names of the base schema, for the server's update check. */
export const BASE_NODE_NAMES = [
	'doc',
	'paragraph',
	'text',
	'heading',
	'bulletList',
	'orderedList',
	'listItem',
	'hardBreak'
];
export const BASE_MARK_NAMES = ['bold', 'italic', 'link'];

let baseSchema: Schema | undefined;

/** The ProseMirror schema of baseExtensions(), built once. */
export function editorSchema(): Schema {
	baseSchema ??= getSchema(baseExtensions());
	return baseSchema;
}

export type { JSONContent };
