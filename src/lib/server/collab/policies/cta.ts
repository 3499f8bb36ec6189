// cta:<document-id>:<lang> — the Call to Action in one language (DESIGN §5). Open drafting
// takes everyone's edits; in amendment mode delegates propose amendments as rows and the
// accepted ones are applied by the server (service role), so clients no longer edit the
// text; frozen and adopted documents are read-only for everyone.
import type { DocumentPolicy } from './policy.ts';
import { atMost, isUuid, stampedAwareness } from './policy.ts';

const LANGUAGES = new Set(['en', 'ro', 'ru']);
/** Modes in which no client may change the text. */
export const READ_ONLY_MODES = new Set(['amendments', 'frozen', 'adopted']);

function parse(name: string): { documentId: string; lang: string } | null {
	const [, documentId, lang, ...rest] = name.split(':');
	if (rest.length > 0 || !isUuid(documentId) || !lang || !LANGUAGES.has(lang)) return null;
	return { documentId, lang };
}

export const ctaPolicy: DocumentPolicy = {
	kind: 'cta',

	async readFacts(db, name) {
		const parsed = parse(name);
		if (!parsed) return null;
		const { rows } = await db.query<{ status: string; event_id: string }>(
			'select status::text as status, event_id from public.documents where id = $1',
			[parsed.documentId]
		);
		const row = rows[0];
		return row ? { mode: row.status, eventId: row.event_id } : null;
	},

	authorize(granted, facts, identity) {
		if (identity.role === 'service_role') return granted;
		return READ_ONLY_MODES.has(facts.mode) ? atMost(granted, 'read') : granted;
	},

	validateUpdate({ access, facts, identity }) {
		if (access !== 'write') return { ok: false, reason: 'read-only access' };
		if (identity.role !== 'service_role' && READ_ONLY_MODES.has(facts.mode)) {
			return { ok: false, reason: `the document is in ${facts.mode} mode` };
		}
		return { ok: true };
	},

	onStored({ record, storedAt }) {
		// Where block hashes will hook in; for now the time of the last stored change.
		record.lastStoredAt = storedAt;
	},

	awareness: stampedAwareness
};
