import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;

export async function list(supabase: Client, eventId: string) {
	return unwrap(
		'indicators.list',
		await supabase
			.from('indicators')
			.select('id, code, domain, title, description, means_of_verification, position, is_illustrative')
			.eq('event_id', eventId)
			.order('position')
			.order('code')
	);
}

export async function rounds(supabase: Client, eventId: string) {
	return unwrap(
		'indicators.rounds',
		await supabase
			.from('voting_rounds')
			.select(
				'id, title, mode, status, quorum_percent, threshold_percent, opens_at, closes_at, round_indicators(indicator_id)'
			)
			.eq('event_id', eventId)
			.order('created_at')
	);
}
