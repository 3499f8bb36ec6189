// The first content of a session's notes, written by the collab server when the note is
// opened for the first time (see policies/notes.ts). Writing it on the server, once, under
// a client id fixed per session, is what keeps two rapporteurs who open an empty note at
// the same moment from each inserting the template: no browser ever inserts it.
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { SqlDatabase } from '../db/sql-client.ts';
import { EDITOR_FIELD, editorSchema } from '../../editor/extensions.ts';
import { notesTemplate, templateClientId } from '../../domain/notes-template.ts';
import { inLanguage, notesText } from './session-language.ts';

interface SessionRow {
	title: unknown;
	language: string;
}

interface PersonRow {
	role: string;
	name: string;
}

/** The template as a Yjs update for `notes:<sessionId>`, or null when the session is gone. */
export async function notesTemplateUpdate(db: SqlDatabase, sessionId: string): Promise<Uint8Array | null> {
	const { rows: sessions } = await db.query<SessionRow>(
		`select s.title, e.default_language::text as language
		 from public.sessions as s join public.events as e on e.id = s.event_id
		 where s.id = $1`,
		[sessionId]
	);
	const session = sessions[0];
	if (!session) return null;
	const { rows: people } = await db.query<PersonRow>(
		`select sp.role::text as role, coalesce(m.display_name, sp.name) as name
		 from public.session_people as sp left join public.members as m on m.id = sp.member_id
		 where sp.session_id = $1 and sp.role in ('chair', 'resource_person')
		 order by sp.role, sp.position, 2`,
		[sessionId]
	);
	const language = session.language;
	const labels = {
		chair: notesText(language, 'notes.template.chair'),
		resourcePersons: notesText(language, 'notes.template.resourcePersons'),
		keyPoints: notesText(language, 'notes.template.keyPoints'),
		recommendations: notesText(language, 'notes.template.recommendations')
	};
	const json = notesTemplate({
		title: inLanguage(session.title, session.language),
		chairs: people.filter((person) => person.role === 'chair').map((person) => person.name),
		resourcePersons: people.filter((person) => person.role === 'resource_person').map((person) => person.name),
		labels
	});
	const ydoc = new Y.Doc();
	ydoc.clientID = templateClientId(sessionId);
	prosemirrorJSONToYXmlFragment(editorSchema(), json, ydoc.getXmlFragment(EDITOR_FIELD));
	const update = Y.encodeStateAsUpdate(ydoc);
	ydoc.destroy();
	return update;
}
