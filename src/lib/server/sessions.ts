// Sessions as organisers write them: the console's list and form, saving a session with its
// people in one call, reordering a day, live status and deletion. The public programme
// reads through programme.ts; both see the same rows, RLS deciding.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { SessionMove } from '$lib/domain/sessions/reorder';
import type { Database, Json } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

type Client = SupabaseClient<Database>;
type Tables = Database['public']['Tables'];
export type SessionStatus = Database['public']['Enums']['session_status'];
export type SessionFormat = Database['public']['Enums']['session_format'];
export type PersonRole = Database['public']['Enums']['session_person_role'];

const SESSION_COLUMNS = 'id, day_id, starts_at, ends_at, room, format, title, description, status, position';
const PERSON_COLUMNS = 'id, session_id, role, member_id, name, affiliation, position';

/** Every session of an event with its people, in programme order. */
export async function list(supabase: Client, eventId: string) {
	return unwrap(
		'sessions.list',
		await supabase
			.from('sessions')
			.select(`${SESSION_COLUMNS}, session_people(${PERSON_COLUMNS})`)
			.eq('event_id', eventId)
			.order('starts_at')
			.order('position')
	);
}

export type ListedSession = Awaited<ReturnType<typeof list>>[number];

/** One session of the event with its people; a 404-like DataError when there is none. */
export async function get(supabase: Client, eventId: string, sessionId: string) {
	const response = await supabase
		.from('sessions')
		.select(`${SESSION_COLUMNS}, session_people(${PERSON_COLUMNS})`)
		.eq('event_id', eventId)
		.eq('id', sessionId)
		.maybeSingle();
	if (response.error) unwrap('sessions.get', response);
	if (!response.data) throw notFound('sessions.get');
	return response.data;
}

/** The members organisers can put on a session: everyone of the event, by name. */
export async function members(supabase: Client, eventId: string) {
	return unwrap(
		'sessions.members',
		await supabase
			.from('members')
			.select('id, display_name, organisation, country_code, role')
			.eq('event_id', eventId)
			.order('display_name')
	);
}

/** What was already written about a session that deleting it would delete too. */
export async function deletionImpact(supabase: Client, sessionId: string) {
	const [recommendations, summary] = await Promise.all([
		supabase.from('recommendations').select('id', { count: 'exact', head: true }).eq('session_id', sessionId),
		supabase.from('session_summaries').select('session_id', { count: 'exact', head: true }).eq('session_id', sessionId)
	]);
	if (recommendations.error) unwrap('sessions.deletionImpact', recommendations);
	if (summary.error) unwrap('sessions.deletionImpact', summary);
	return { recommendations: recommendations.count ?? 0, summary: (summary.count ?? 0) > 0 };
}

export interface PersonInput {
	/** The existing row, kept in place when it stays on the session. */
	id?: string;
	role: PersonRole;
	member_id?: string;
	name?: string;
	affiliation?: Partial<Record<'en' | 'ro' | 'ru', string>>;
}

export interface SessionInput {
	day_id: string | null;
	starts_at: string;
	ends_at: string;
	room: string | null;
	format: SessionFormat;
	title: Tables['sessions']['Insert']['title'];
	description: Tables['sessions']['Insert']['description'];
	people: PersonInput[];
}

/** Creates (sessionId null) or changes a session and its people, all or nothing; its id. */
export async function save(supabase: Client, eventId: string, sessionId: string | null, input: SessionInput) {
	return unwrap(
		'sessions.save',
		await supabase.rpc('save_session', {
			p_event_id: eventId,
			// The generated types cannot say so: null creates a session.
			p_session_id: sessionId as string,
			p_day_id: input.day_id as string,
			p_starts_at: input.starts_at,
			p_ends_at: input.ends_at,
			p_room: input.room ?? '',
			p_format: input.format,
			p_title: input.title,
			p_description: input.description as Json,
			p_people: input.people as unknown as Json
		})
	);
}

/** Applies the moves of a reorder, all or none (programme_changed if one is stale). */
export async function reschedule(supabase: Client, eventId: string, moves: readonly SessionMove[]) {
	const changes = moves.map((m) => ({
		id: m.id,
		starts_at: m.startsAt,
		ends_at: m.endsAt,
		position: m.position,
		was_starts_at: m.was.startsAt,
		was_ends_at: m.was.endsAt,
		was_position: m.was.position
	}));
	const response = await supabase.rpc('reschedule_sessions', { p_event_id: eventId, p_changes: changes });
	if (response.error) unwrap('sessions.reschedule', response);
}

/** Scheduled, live or closed; the public programme hears it through Realtime. */
export async function setStatus(supabase: Client, eventId: string, sessionId: string, status: SessionStatus) {
	const response = await supabase
		.from('sessions')
		.update({ status })
		.eq('event_id', eventId)
		.eq('id', sessionId)
		.select('id')
		.maybeSingle();
	expectOneRow('sessions.setStatus', response);
}

export async function remove(supabase: Client, eventId: string, sessionId: string) {
	const response = await supabase
		.from('sessions')
		.delete()
		.eq('event_id', eventId)
		.eq('id', sessionId)
		.select('id')
		.maybeSingle();
	expectOneRow('sessions.remove', response);
}

/**
 * RLS does not refuse an update or delete it filters out: it changes no row. For a caller
 * who may read the session, that means they may not change it.
 */
function expectOneRow(operation: string, response: { data: { id: string } | null; error: PostgrestError | null }) {
	if (response.error) unwrap(operation, response);
	if (!response.data) throw new DataError(operation, { code: '42501', message: 'no row changed', status: 403 });
}

function notFound(operation: string) {
	return new DataError(operation, {
		code: 'PGRST116',
		message: 'no such session',
		hint: 'session_not_found',
		status: 404
	});
}
