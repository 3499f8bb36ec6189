import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;

/** The event's Call to Action documents the caller may read, with their named versions. */
export async function list(supabase: Client, eventId: string) {
	return unwrap(
		'documents.list',
		await supabase
			.from('documents')
			.select('id, title, status, master_language, adopted_at, updated_at, document_versions(id, name, created_at)')
			.eq('event_id', eventId)
			.order('created_at')
			.order('created_at', { referencedTable: 'document_versions', ascending: false })
	);
}
