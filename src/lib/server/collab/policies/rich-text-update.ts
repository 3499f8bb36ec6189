// Whether a Yjs update only builds what the shared editor schema allows (the editors'
// own extension list, src/lib/editor/extensions.ts). The editor never produces anything
// else; a client that does is not our editor, and its update is refused before it is
// stored, so no other reader, render or export ever meets it. Checked per update, from its
// structs alone: cheap enough for every keystroke. Other root types are not refused (an
// update names only the root of its top-level items); nothing reads them, and the
// document size limit bounds them.
import * as Y from 'yjs';
import { BASE_MARK_NAMES, BASE_NODE_NAMES, isAllowedHref } from '../../../editor/extensions.ts';
import type { Verdict } from './policy.ts';

export interface RichTextRules {
	nodes: readonly string[];
	marks: readonly string[];
}

export const BASE_RICH_TEXT_RULES: RichTextRules = {
	nodes: BASE_NODE_NAMES,
	marks: BASE_MARK_NAMES
};

const refuse = (reason: string): Verdict => ({ ok: false, reason });

/** y-prosemirror stores overlapping marks as `name--<hash>`. */
const markName = (key: string) => key.replace(/--[A-Za-z0-9+/=]+$/, '');

export function checkRichTextUpdate(update: Uint8Array, rules: RichTextRules = BASE_RICH_TEXT_RULES): Verdict {
	let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	try {
		structs = Y.decodeUpdate(update).structs;
	} catch {
		return refuse('unreadable update');
	}
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		const content = struct.content;
		if (content instanceof Y.ContentType) {
			const type = content.type;
			if (type instanceof Y.XmlElement) {
				if (!rules.nodes.includes(type.nodeName)) return refuse(`node ${type.nodeName} is not in the schema`);
			} else if (!(type instanceof Y.XmlText)) {
				return refuse('only XML elements and text belong in a rich-text document');
			}
		} else if (content instanceof Y.ContentFormat) {
			if (!rules.marks.includes(markName(content.key))) return refuse(`mark ${content.key} is not in the schema`);
			const value = content.value as { href?: unknown } | null;
			if (value && typeof value === 'object' && 'href' in value) {
				if (typeof value.href !== 'string' || !isAllowedHref(value.href)) return refuse('link to a refused address');
			}
		} else if (
			content instanceof Y.ContentDoc ||
			content instanceof Y.ContentBinary ||
			content instanceof Y.ContentEmbed
		) {
			return refuse('embedded content is not in the schema');
		}
	}
	return { ok: true };
}
