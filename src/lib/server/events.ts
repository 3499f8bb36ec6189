import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

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

type EventStatus = Database['public']['Enums']['event_status'];
type Locale = Database['public']['Enums']['language_code'];

/** What an organiser writes about an event (its slug aside, which is fixed once people have its links). */
export interface EventFields {
	title: Partial<Record<Locale, string>>;
	summary: Partial<Record<Locale, string>>;
	venue: Partial<Record<Locale, string>>;
	timezone: string;
	starts_on: string;
	ends_on: string;
	languages: Locale[];
	default_language: Locale;
}

/** Empty translated groups are stored as null, as the columns expect. */
function columns(fields: EventFields) {
	const orNull = (text: Partial<Record<Locale, string>>) => (Object.keys(text).length > 0 ? text : null);
	const keep = (text: Partial<Record<Locale, string>>) =>
		Object.fromEntries(Object.entries(text).filter(([, value]) => value !== undefined && value !== ''));
	return {
		title: keep(fields.title),
		summary: orNull(keep(fields.summary)),
		venue: orNull(keep(fields.venue)),
		timezone: fields.timezone,
		starts_on: fields.starts_on,
		ends_on: fields.ends_on,
		languages: fields.languages,
		default_language: fields.default_language
	};
}

/** Whether the instance lets the caller start events (instance_settings; RLS enforces it too). */
export async function canCreate(supabase: Client) {
	return unwrap('events.canCreate', await supabase.rpc('can_create_events')) === true;
}

/** A new draft event, started by the caller, who becomes its organiser (a database trigger). */
export async function create(supabase: Client, userId: string, slug: string, fields: EventFields) {
	return unwrap(
		'events.create',
		await supabase
			.from('events')
			.insert({ ...columns(fields), slug, created_by: userId, status: 'draft' })
			.select('slug')
			.single()
	);
}

/**
 * Changes an event's settings. RLS lets only its organisers; for anyone else the update
 * matches no row, which is reported as refused rather than passing silently.
 */
export async function update(supabase: Client, eventId: string, fields: EventFields) {
	const rows = unwrap(
		'events.update',
		await supabase.from('events').update(columns(fields)).eq('id', eventId).select('id')
	);
	if (rows.length === 0) {
		throw new DataError('events.update', { code: '42501', message: 'not an organiser', status: 403 });
	}
}

export async function setStatus(supabase: Client, eventId: string, status: EventStatus) {
	const rows = unwrap(
		'events.setStatus',
		await supabase.from('events').update({ status }).eq('id', eventId).select('id')
	);
	if (rows.length === 0) {
		throw new DataError('events.setStatus', { code: '42501', message: 'not an organiser', status: 403 });
	}
}

/** The caller's events with their role there, the soonest first. */
export async function mine(supabase: Client, userId: string) {
	const rows = unwrap(
		'events.mine',
		await supabase.from('members').select(`role, joined_at, events!inner(${EVENT_COLUMNS})`).eq('user_id', userId)
	);
	return rows
		.map((row) => ({ role: row.role, event: row.events }))
		.sort((a, b) => b.event.starts_on.localeCompare(a.event.starts_on));
}
