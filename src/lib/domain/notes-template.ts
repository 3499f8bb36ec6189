// The note a session's rapporteurs start from: the session's title, who chairs it and who
// brings prepared contributions, then empty "Key points" and "Recommendations" lists.
// ProseMirror JSON in the shared editor schema (src/lib/editor/extensions.ts), built from
// the session in the session's language; the collab server writes it once, when the note
// is first opened (src/lib/server/notes/template.ts).

export interface NotesTemplateLabels {
	chair: string;
	resourcePersons: string;
	keyPoints: string;
	recommendations: string;
}

export interface NotesTemplateInput {
	title: string;
	chairs: readonly string[];
	resourcePersons: readonly string[];
	labels: NotesTemplateLabels;
}

interface JSONNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: JSONNode[];
	text?: string;
	marks?: { type: string }[];
}

const heading = (level: 2 | 3, text: string): JSONNode => ({
	type: 'heading',
	attrs: { level },
	content: text ? [{ type: 'text', text }] : undefined
});

const emptyList = (): JSONNode => ({
	type: 'bulletList',
	content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }]
});

function namedLine(label: string, names: readonly string[]): JSONNode {
	return {
		type: 'paragraph',
		content: [
			{ type: 'text', text: `${label}:`, marks: [{ type: 'bold' }] },
			{ type: 'text', text: ` ${names.join(', ')}` }
		]
	};
}

export function notesTemplate({ title, chairs, resourcePersons, labels }: NotesTemplateInput): JSONNode {
	const people: JSONNode[] = [];
	const clean = (names: readonly string[]) => names.map((name) => name.trim()).filter(Boolean);
	if (clean(chairs).length > 0) people.push(namedLine(labels.chair, clean(chairs)));
	if (clean(resourcePersons).length > 0) people.push(namedLine(labels.resourcePersons, clean(resourcePersons)));
	return {
		type: 'doc',
		content: [
			heading(2, title.trim()),
			...people,
			heading(3, labels.keyPoints),
			emptyList(),
			heading(3, labels.recommendations),
			emptyList()
		]
	};
}

/**
 * The Yjs client id the template is written under, the same for every server instance
 * that might write it: two instances opening an empty note at the same moment produce the
 * same update (same ids, same content), which Yjs applies once. A browser's random id
 * colliding with it is a one-in-four-billion chance per client.
 */
export function templateClientId(sessionId: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < sessionId.length; i++) hash = Math.imul(hash ^ sessionId.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}
