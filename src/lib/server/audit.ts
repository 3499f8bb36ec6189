// The event's audit log as its organisers may read it (RLS: vote entries only once the
// round's results are visible; secret votes never name anyone).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;

export const PAGE_SIZE = 100;

export interface AuditFilter {
	kind?: string;
	object?: string;
	/** Entries older than this id (the next page). */
	before?: number;
}

export async function entries(supabase: Client, eventId: string, filter: AuditFilter) {
	let query = supabase
		.from('audit_log')
		.select('id, at, actor, action, object_type, object_id, details')
		.eq('event_id', eventId)
		.order('id', { ascending: false })
		.limit(PAGE_SIZE + 1);
	if (filter.kind) query = query.eq('object_type', filter.kind);
	if (filter.object) query = query.or(`object_id.eq.${filter.object},details->>round_id.eq.${filter.object}`);
	if (filter.before) query = query.lt('id', filter.before);
	const rows = unwrap('audit.entries', await query);
	return { rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}
