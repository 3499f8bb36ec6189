import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;

export async function days(supabase: Client, eventId: string) {
	return unwrap(
		'programme.days',
		await supabase.from('event_days').select('id, day_index, date, theme').eq('event_id', eventId).order('day_index')
	);
}

export async function sessions(supabase: Client, eventId: string) {
	return unwrap(
		'programme.sessions',
		await supabase
			.from('sessions')
			.select(
				'id, day_id, starts_at, ends_at, room, format, title, description, status, position, session_summaries(published_at)'
			)
			.eq('event_id', eventId)
			.order('starts_at')
			.order('position')
	);
}

/** Chairs, resource persons, rapporteurs and speakers, public part only. */
export async function people(supabase: Client, eventId: string) {
	return unwrap('programme.people', await supabase.rpc('programme_people', { p_event_id: eventId }));
}

export async function countries(supabase: Client) {
	return unwrap('programme.countries', await supabase.from('countries').select('code, name'));
}

/** One session of an event, or null when there is none the caller may read. */
export async function session(supabase: Client, eventId: string, sessionId: string) {
	const { data, error } = await supabase
		.from('sessions')
		.select(
			'id, day_id, starts_at, ends_at, room, format, title, description, status, position, session_summaries(published_at), event_days(day_index, date, theme)'
		)
		.eq('event_id', eventId)
		.eq('id', sessionId)
		.maybeSingle();
	if (error) return unwrap('programme.session', { data, error });
	return data;
}
