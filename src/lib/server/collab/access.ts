// Who may do what with a document: public.collab_access(doc, uid) decides (DESIGN §3.2),
// and the same round trip brings the caller's name in the document's event, so presence
// shows who the database says they are.
import type { SqlDatabase } from '../db/sql-client.ts';
import type { CollabAccess } from '../../collab/protocol.ts';
import type { CollabClaims } from './auth.ts';

/** A custom access check (tests, tools): replaces collab_access and the member lookup. */
export type AccessCheck = (doc: string, claims: CollabClaims) => Promise<CollabAccess>;

export interface GrantRequest {
	doc: string;
	claims: CollabClaims;
	/** The document's event, for the member's display name; null skips the lookup. */
	eventId: string | null;
}

export interface Grant {
	access: CollabAccess;
	/** members.display_name in the document's event, when the caller is a member. */
	memberName: string | null;
}

/** Many (doc, user) questions in one round trip: the access monitor asks about every open connection. */
export type GrantLookup = (requests: GrantRequest[]) => Promise<Grant[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user id collab_access is asked about, 'service' for service_role, or 'none' for anything else. */
function subjectOf(claims: CollabClaims): string | null | 'service' | 'none' {
	if (claims.role === 'service_role') return 'service';
	if (claims.role === 'authenticated' && claims.sub && UUID.test(claims.sub)) return claims.sub;
	// The anon key: collab_access lets nobody-in-particular read what is public.
	if (claims.role === 'anon') return null;
	return 'none';
}

const asAccess = (value: string | null | undefined): CollabAccess =>
	value === 'write' || value === 'read' ? value : 'none';

export function databaseGrants(db: SqlDatabase): GrantLookup {
	return async (requests) => {
		const subjects = requests.map((request) => subjectOf(request.claims));
		const asked = requests.flatMap((request, i) => {
			const subject = subjects[i];
			if (subject === 'service' || subject === 'none') return [];
			const eventId = request.eventId && UUID.test(request.eventId) ? request.eventId : null;
			return [{ index: i, doc: request.doc, uid: subject ?? null, eventId }];
		});
		const answers = new Map<number, Grant>();
		if (asked.length > 0) {
			const { rows } = await db.query<{ ord: number; access: string | null; name: string | null }>(
				`select t.ord::int as ord, public.collab_access(t.doc, t.uid) as access,
				   (select m.display_name from public.members as m where m.event_id = t.event_id and m.user_id = t.uid) as name
				 from unnest($1::text[], $2::uuid[], $3::uuid[]) with ordinality as t(doc, uid, event_id, ord)`,
				[asked.map((a) => a.doc), asked.map((a) => a.uid), asked.map((a) => a.eventId)]
			);
			for (const row of rows) {
				answers.set(asked[row.ord - 1]!.index, { access: asAccess(row.access), memberName: row.name });
			}
		}
		return subjects.map((subject, i): Grant => {
			if (subject === 'service') return { access: 'write', memberName: null };
			return answers.get(i) ?? { access: 'none', memberName: null };
		});
	};
}

export function customGrants(check: AccessCheck): GrantLookup {
	return (requests) =>
		Promise.all(
			requests.map(async (request) => ({ access: await check(request.doc, request.claims), memberName: null }))
		);
}
