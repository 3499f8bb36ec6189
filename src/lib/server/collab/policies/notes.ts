// notes:<session-id> — a session's live notes (DESIGN §2: the session's rapporteurs write,
// co-rapporteurs together; public.collab_access also lets the event's organisers write).
// Once the session is closed the notes are a record: no client changes them.
import { notesTemplateUpdate } from '../../notes/template.ts';
import type { DocumentPolicy } from './policy.ts';
import { atMost, isUuid, OPEN_FACTS, stampedAwareness } from './policy.ts';
import { checkRichTextUpdate } from './rich-text-update.ts';

export const notesPolicy: DocumentPolicy = {
	kind: 'notes',

	async readFacts(db, name) {
		const sessionId = name.slice('notes:'.length);
		if (!isUuid(sessionId)) return null;
		const { rows } = await db.query<{ status: string; event_id: string }>(
			'select status::text as status, event_id from public.sessions where id = $1',
			[sessionId]
		);
		const row = rows[0];
		return row ? { mode: row.status, eventId: row.event_id } : null;
	},

	authorize(granted, facts) {
		return facts.mode === 'closed' ? atMost(granted, 'read') : granted;
	},

	validateUpdate({ access, facts }, update) {
		if (access !== 'write') return { ok: false, reason: 'only the session’s rapporteurs write its notes' };
		if (facts.mode === 'closed') return { ok: false, reason: 'the session is closed' };
		return checkRichTextUpdate(update);
	},

	onStored({ record, storedAt }) {
		// Where the summary rendering will hook in; for now the time of the last stored change.
		record.lastStoredAt = storedAt;
	},

	awareness: stampedAwareness,

	// The template (title, chair, resource persons, Key points, Recommendations) in the
	// session's language, written once by the server; a closed session's notes stay as they are.
	async initialContent(db, name, facts) {
		const sessionId = name.slice('notes:'.length);
		if (facts.mode === 'closed' || facts === OPEN_FACTS || !isUuid(sessionId)) return null;
		return notesTemplateUpdate(db, sessionId);
	}
};
