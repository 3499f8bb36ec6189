import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;
type MemberRole = Database['public']['Enums']['member_role'];

const EVENT_COLUMNS =
	'id, slug, title, summary, venue, timezone, starts_on, ends_on, languages, default_language, status';

/** Events the caller may see, newest first: published ones for everyone, drafts for their members. */
export async function list(supabase: Client) {
	return unwrap(
		'events.list',
		await supabase.from('events').select(EVENT_COLUMNS).order('starts_on', { ascending: false })
	);
}

/**
 * The event as the caller may read it, their role there (null for visitors and non-members)
 * and what that role lets them do, in one round trip; null when the event is hidden from
 * them or does not exist. The capabilities only shape the UI: RLS decides every write.
 */
export async function context(supabase: Client, slug: string) {
	const response = await supabase.rpc('event_context', { p_slug: slug }).maybeSingle();
	if (response.error) unwrap('events.context', response);
	const row = response.data;
	if (!row) return null;
	const {
		role,
		can_edit_programme,
		can_manage_members,
		can_run_votes,
		can_vote,
		can_take_notes,
		can_recommend,
		can_edit_call_to_action,
		...event
	} = row;
	return {
		event,
		// The generated types cannot say so, but a visitor's role is null.
		role: role as MemberRole | null,
		can: {
			editProgramme: can_edit_programme,
			manageMembers: can_manage_members,
			runVotes: can_run_votes,
			vote: can_vote,
			takeNotes: can_take_notes,
			recommend: can_recommend,
			editCallToAction: can_edit_call_to_action
		}
	};
}

export type EventContext = NonNullable<Awaited<ReturnType<typeof context>>>;

/** What the event layout gives every page under /[event]. */
export type EventPageData = EventContext['event'] & Pick<EventContext, 'role' | 'can'> & { isOrganiser: boolean };

/** Delegate and delegation counts shown on event cards (public numbers, private names). */
export async function delegateCounts(supabase: Client, eventIds: string[]) {
	if (eventIds.length === 0) return new Map<string, { delegates: number; countries: number }>();
	const rows = unwrap('events.delegateCounts', await supabase.rpc('event_delegate_counts', { p_event_ids: eventIds }));
	return new Map(rows.map((row) => [row.event_id, { delegates: row.delegates, countries: row.countries }]));
}
