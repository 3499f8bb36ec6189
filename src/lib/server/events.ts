import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;

const EVENT_COLUMNS =
	'id, slug, title, summary, venue, timezone, starts_on, ends_on, languages, default_language, status';

/** Events the caller may see, newest first: published ones for everyone, drafts for their members. */
export async function list(supabase: Client) {
	return unwrap(
		'events.list',
		await supabase.from('events').select(EVENT_COLUMNS).order('starts_on', { ascending: false })
	);
}

export async function bySlug(supabase: Client, slug: string) {
	const response = await supabase.from('events').select(EVENT_COLUMNS).eq('slug', slug).maybeSingle();
	if (response.error) unwrap('events.bySlug', response);
	return response.data;
}

/** The caller's role at the event, or null for a visitor or a signed-in non-member. */
export async function myRole(supabase: Client, eventId: string) {
	const response = await supabase.rpc('member_role', { event_id: eventId });
	if (response.error) unwrap('events.myRole', response);
	return response.data ?? null;
}

/** The event as the caller may read it and their role there; null when they may not see it. */
export async function context(supabase: Client, slug: string, signedIn: boolean) {
	const event = await bySlug(supabase, slug);
	if (!event) return null;
	const role = signedIn ? await myRole(supabase, event.id) : null;
	return { event, role };
}

export type EventContext = NonNullable<Awaited<ReturnType<typeof context>>>;

/** Delegate and delegation counts shown on event cards (public numbers, private names). */
export async function delegateCounts(supabase: Client, eventIds: string[]) {
	if (eventIds.length === 0) return new Map<string, { delegates: number; countries: number }>();
	const rows = unwrap('events.delegateCounts', await supabase.rpc('event_delegate_counts', { p_event_ids: eventIds }));
	return new Map(rows.map((row) => [row.event_id, { delegates: row.delegates, countries: row.countries }]));
}
