import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { DataError } from './errors';

type Client = SupabaseClient<Database>;

/** How many days and sessions an event's programme has (counted by the database, no rows sent). */
export async function programmeCounts(supabase: Client, eventId: string) {
	const [days, sessions] = await Promise.all([
		supabase.from('event_days').select('id', { count: 'exact', head: true }).eq('event_id', eventId),
		supabase.from('sessions').select('id', { count: 'exact', head: true }).eq('event_id', eventId)
	]);
	if (days.error) throw new DataError('programme.counts', days.error);
	if (sessions.error) throw new DataError('programme.counts', sessions.error);
	return { days: days.count ?? 0, sessions: sessions.count ?? 0 };
}
