// Stored rich text (a Yjs document an editor of Accord wrote) as safe HTML, Markdown and
// plain text, without a DOM: for published summaries, exports and the server's checks.
// The document is read against the editors' own schema (src/lib/editor/extensions.ts),
// so anything the schema does not know is dropped before rendering, and the HTML is
// sanitised once more against an allow-list as defence in depth.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { MarkdownSerializer, defaultMarkdownSerializer } from 'prosemirror-markdown';
import sanitizeHtml from 'sanitize-html';
import * as Y from 'yjs';
import { EDITOR_FIELD, baseExtensions, editorSchema, isAllowedHref } from '../../editor/extensions.ts';

/** The rich text stored in a Yjs update (a whole document's state), as a ProseMirror document. */
export function richTextFromState(state: Uint8Array | null, field = EDITOR_FIELD): ProseMirrorNode {
	const ydoc = new Y.Doc({ gc: false });
	if (state && state.length > 0) Y.applyUpdate(ydoc, state);
	// Elements the schema refuses are left out (y-tiptap drops what it cannot build).
	const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(field), editorSchema());
	ydoc.destroy();
	return root;
}

/** A ProseMirror document from its JSON form (e.g. a template), checked against the schema. */
export function richTextFromJSON(json: unknown): ProseMirrorNode {
	return editorSchema().nodeFromJSON(json);
}

const ALLOWED_TAGS = ['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br'];

/** Safe HTML: only the schema's elements, links only to http(s), mailto or this site. */
export function toSafeHTML(node: ProseMirrorNode): string {
	return sanitizeRichTextHTML(renderToHTMLString({ extensions: baseExtensions(), content: node.toJSON() }));
}

/** Any HTML cut down to what rich text may contain (also for HTML read back from storage). */
export function sanitizeRichTextHTML(html: string): string {
	return sanitizeHtml(html, {
		allowedTags: ALLOWED_TAGS,
		allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		allowProtocolRelative: false,
		transformTags: {
			a: (tagName, attribs) => {
				const href = attribs.href && isAllowedHref(attribs.href) ? attribs.href : undefined;
				// A link to nowhere becomes its text (span is not allowed, so only the text stays).
				return href
					? { tagName, attribs: { href, rel: 'noopener noreferrer nofollow' } }
					: { tagName: 'span', attribs: {} as Record<string, string> };
			}
		}
	});
}

const base = defaultMarkdownSerializer;

const markdown = new MarkdownSerializer(
	{
		paragraph: base.nodes.paragraph!,
		heading: base.nodes.heading!,
		bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
		orderedList: (state, node) => {
			const start = typeof node.attrs.start === 'number' ? node.attrs.start : 1;
			const width = String(start + node.childCount - 1).length;
			state.renderList(node, ' '.repeat(width + 2), (i) => `${String(start + i).padStart(width)}. `);
		},
		listItem: base.nodes.list_item!,
		hardBreak: base.nodes.hard_break!,
		// Markdown renderers pass raw HTML through: angle brackets and ampersands become
		// entities so a typed "<script>" stays text wherever the file is opened.
		text: (state, node) => {
			state.text((node.text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), true);
		}
	},
	{
		bold: base.marks.strong!,
		italic: base.marks.em!,
		link: {
			open: (_state, mark) => (isAllowedHref(String(mark.attrs.href ?? '')) ? '[' : ''),
			close: (_state, mark) => {
				const href = String(mark.attrs.href ?? '');
				const escaped = href.replace(
					/[()\s<>"]/g,
					(c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
				);
				return isAllowedHref(href) ? `](${escaped})` : '';
			},
			mixable: false
		}
	}
);

/** Markdown (CommonMark) with headings, lists, emphasis and links kept; text is escaped. */
export function toMarkdown(node: ProseMirrorNode): string {
	return markdown.serialize(node, { tightLists: true }).trim();
}

/** Plain text, one block per line, list items with a dash. */
export function toPlainText(node: ProseMirrorNode): string {
	const lines: string[] = [];
	node.descendants((child, _pos, parent) => {
		if (child.isTextblock) {
			const prefix = parent?.type.name === 'listItem' ? '- ' : '';
			lines.push((prefix + child.textBetween(0, child.content.size, '', '\n')).trimEnd());
			return false;
		}
		return true;
	});
	return lines.join('\n').trim();
}

/** Whether the document has any text at all (an empty note has none). */
export function isEmptyRichText(node: ProseMirrorNode): boolean {
	return node.textContent.trim() === '';
}
