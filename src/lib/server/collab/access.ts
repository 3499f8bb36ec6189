// Who may do what with a document: public.collab_access(doc, uid) decides (DESIGN §3.2).
import type { SqlDatabase } from '../db/sql-client.ts';
import type { CollabAccess } from '../../collab/protocol.ts';
import type { CollabClaims } from './auth.ts';

export type AccessCheck = (doc: string, claims: CollabClaims) => Promise<CollabAccess>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessRequest {
	doc: string;
	claims: CollabClaims;
}

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

/** Many (doc, user) pairs in one round trip: the periodic re-check asks about every open connection. */
export function defaultAccessBatch(db: SqlDatabase): (requests: AccessRequest[]) => Promise<CollabAccess[]> {
	return async (requests) => {
		const subjects = requests.map((request) => subjectOf(request.claims));
		const asked = requests.flatMap((request, i) => {
			const subject = subjects[i];
			return subject === 'service' || subject === 'none' ? [] : [{ index: i, doc: request.doc, uid: subject ?? null }];
		});
		const answers = new Map<number, CollabAccess>();
		if (asked.length > 0) {
			const { rows } = await db.query<{ ord: number; access: string | null }>(
				`select t.ord::int as ord, public.collab_access(t.doc, t.uid) as access
				 from unnest($1::text[], $2::uuid[]) with ordinality as t(doc, uid, ord)`,
				[asked.map((a) => a.doc), asked.map((a) => a.uid)]
			);
			for (const row of rows) answers.set(asked[row.ord - 1]!.index, asAccess(row.access));
		}
		return subjects.map((subject, i) =>
			subject === 'service' ? 'write' : subject === 'none' ? 'none' : (answers.get(i) ?? 'none')
		);
	};
}

export function defaultAccessCheck(db: SqlDatabase): AccessCheck {
	const batch = defaultAccessBatch(db);
	return async (doc, claims) => (await batch([{ doc, claims }]))[0]!;
}
