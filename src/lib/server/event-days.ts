import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

type Client = SupabaseClient<Database>;
type Theme = Partial<Record<Database['public']['Enums']['language_code'], string>>;

function themeColumn(theme: Theme) {
	const kept = Object.fromEntries(Object.entries(theme).filter(([, text]) => text !== undefined && text !== ''));
	return Object.keys(kept).length > 0 ? kept : null;
}

function refused(operation: string): never {
	throw new DataError(operation, { code: '42501', message: 'not an organiser', status: 403 });
}

export async function list(supabase: Client, eventId: string) {
	return unwrap(
		'eventDays.list',
		await supabase.from('event_days').select('id, day_index, date, theme').eq('event_id', eventId).order('day_index')
	);
}

/** Adds a day; the database numbers the days in date order and checks the date. */
export async function add(supabase: Client, eventId: string, date: string, theme: Theme) {
	unwrap(
		'eventDays.add',
		await supabase
			.from('event_days')
			.insert({ event_id: eventId, day_index: 1, date, theme: themeColumn(theme) })
			.select('id')
	);
}

export async function update(supabase: Client, eventId: string, dayId: string, date: string, theme: Theme) {
	const rows = unwrap(
		'eventDays.update',
		await supabase
			.from('event_days')
			.update({ date, theme: themeColumn(theme) })
			.eq('id', dayId)
			.eq('event_id', eventId)
			.select('id')
	);
	if (rows.length === 0) refused('eventDays.update');
}

export async function remove(supabase: Client, eventId: string, dayId: string) {
	const rows = unwrap(
		'eventDays.remove',
		await supabase.from('event_days').delete().eq('id', dayId).eq('event_id', eventId).select('id')
	);
	if (rows.length === 0) refused('eventDays.remove');
}
