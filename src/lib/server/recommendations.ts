// A session's recommendation board (issue #11): read it, raise, reword, endorse, curate,
// merge and hide recommendations. Every call runs with the caller's token: RLS and the
// triggers of supabase/migrations/2026112811* decide who may do what; a refusal comes
// back as a DataError whose hint $lib/domain/errors translates.
//
//     import * as recommendations from '$lib/server/recommendations';
//     const items = await recommendations.board(locals.supabase, sessionId);
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Locale } from '$lib/domain/locale';
import type { RecommendationStatus } from '$lib/domain/recommendation-board';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

type Client = SupabaseClient<Database>;

export type BoardItem = Database['public']['Functions']['recommendation_board']['Returns'][number];

/** Every recommendation of the session the caller may read (hidden ones for organisers only). */
export async function board(supabase: Client, sessionId: string): Promise<BoardItem[]> {
	return unwrap(
		'recommendations.board',
		await supabase.rpc('recommendation_board', { p_session_id: sessionId })
	) as BoardItem[];
}

/** What the caller may do on this session's board beyond raising and endorsing. */
export async function curation(
	supabase: Client,
	sessionId: string,
	role: string | null
): Promise<{ canCurate: boolean; canHide: boolean }> {
	if (role === 'organiser') return { canCurate: true, canHide: true };
	if (role !== 'rapporteur') return { canCurate: false, canHide: false };
	const rapporteur = unwrap(
		'recommendations.curation',
		await supabase.rpc('is_session_rapporteur', { session_id: sessionId })
	);
	return { canCurate: rapporteur, canHide: false };
}

export interface NewRecommendation {
	eventId: string;
	sessionId: string;
	text: string;
	language: Locale;
}

/** Raises a recommendation in the caller's own name; returns its id. */
export async function create(supabase: Client, input: NewRecommendation): Promise<string> {
	const authorId = unwrap('recommendations.author', await supabase.rpc('my_member_id', { event_id: input.eventId }));
	const row = unwrap(
		'recommendations.create',
		await supabase
			.from('recommendations')
			.insert({ session_id: input.sessionId, author_id: authorId, text: input.text, language: input.language })
			.select('id')
			.single()
	);
	return row.id;
}

/**
 * Promotes a passage of the session's notes to a recommendation on its board, in one
 * step, in the caller's name (the rapporteur who selected it). For the notes editor:
 *
 *     const id = await recommendations.promote(locals.supabase, { eventId, sessionId, text, language });
 *
 * The passage is plain text (take the selection's text, not its HTML: the board renders
 * it as text anyway); white space around it is trimmed by the database. Limits and
 * refusals are those of `create` (DataError with hint recommendation_text_empty,
 * recommendation_text_too_long, …). The page's `?/promote` form action wraps it with
 * the same form validation as adding one by hand.
 */
export function promote(supabase: Client, input: NewRecommendation): Promise<string> {
	return create(supabase, input);
}

/** Thrown when an update reached no row: it is not there for the caller, or not theirs to change. */
function nothingChanged(operation: string): DataError {
	return new DataError(operation, { code: '42501', message: 'no row the caller may change', status: 403 });
}

async function updateOne(
	supabase: Client,
	operation: string,
	id: string,
	changes: Database['public']['Tables']['recommendations']['Update']
): Promise<void> {
	const rows = unwrap(operation, await supabase.from('recommendations').update(changes).eq('id', id).select('id'));
	if (rows.length === 0) throw nothingChanged(operation);
}

/** The author rewords their own recommendation while it is proposed. */
export function reword(supabase: Client, id: string, text: string, language: Locale): Promise<void> {
	return updateOne(supabase, 'recommendations.reword', id, { text, language });
}

/** The session's rapporteur or an organiser marks it proposed, accepted or rejected. */
export function setStatus(
	supabase: Client,
	id: string,
	status: Exclude<RecommendationStatus, 'merged'>
): Promise<void> {
	return updateOne(supabase, 'recommendations.status', id, { status });
}

/** Merges a duplicate into another recommendation of the same session. */
export function merge(supabase: Client, id: string, targetId: string): Promise<void> {
	return updateOne(supabase, 'recommendations.merge', id, { status: 'merged', merged_into_id: targetId });
}

/** An organiser hides it from the board, saying why (kept on the row and in the audit log). */
export function hide(supabase: Client, id: string, reason: string): Promise<void> {
	return updateOne(supabase, 'recommendations.hide', id, { hidden_reason: reason });
}

/** An organiser puts a hidden recommendation back on the board. */
export function unhide(supabase: Client, id: string): Promise<void> {
	return updateOne(supabase, 'recommendations.unhide', id, { hidden_reason: null });
}

/** Endorses in the caller's name, or withdraws their endorsement. */
export async function setEndorsement(
	supabase: Client,
	input: { eventId: string; recommendationId: string; endorse: boolean }
): Promise<void> {
	const memberId = unwrap('recommendations.endorser', await supabase.rpc('my_member_id', { event_id: input.eventId }));
	if (input.endorse) {
		const { error, status } = await supabase
			.from('recommendation_endorsements')
			.insert({ recommendation_id: input.recommendationId, member_id: memberId });
		// Endorsed already (another tab, a double click): the wish is fulfilled.
		if (error && error.code !== '23505') throw new DataError('recommendations.endorse', { ...error, status });
		return;
	}
	const { error, status } = await supabase
		.from('recommendation_endorsements')
		.delete()
		.eq('recommendation_id', input.recommendationId)
		.eq('member_id', memberId);
	if (error) throw new DataError('recommendations.withdraw', { ...error, status });
}
