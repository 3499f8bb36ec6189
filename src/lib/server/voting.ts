// Voting rounds, ballots and tallies as the signed-in caller may see them. Every rule
// (who votes, what counts, who sees what) is the database's: cast_vote, round_tally,
// round_turnout and RLS. This module only reads and forwards.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

type Client = SupabaseClient<Database>;

export type Choice = Database['public']['Enums']['vote_choice'];
export type TallyRow = Database['public']['Functions']['round_tally']['Returns'][number];
export type TurnoutRow = Database['public']['Functions']['round_turnout']['Returns'][number];

/** Applies the schedule of the event's rounds (opens_at, closes_at) before they are read. */
export async function settle(supabase: Client, eventId: string, roundId?: string): Promise<void> {
	const { error } = await supabase.rpc('settle_round_schedule', { p_event_id: eventId, p_round_id: roundId });
	if (error) throw new DataError('voting.settle', error);
}

const ROUND_COLUMNS =
	'id, event_id, title, mode, ballot, quorum_percent, threshold_percent, allow_block, results_visibility, status, opens_at, closes_at, opened_at, closed_at';

export async function rounds(supabase: Client, eventId: string) {
	return unwrap(
		'voting.rounds',
		await supabase
			.from('voting_rounds')
			.select(`${ROUND_COLUMNS}, round_indicators(indicator_id)`)
			.eq('event_id', eventId)
			.order('created_at', { ascending: false })
	);
}

/** One round of the event with its indicators in ballot order; null when not visible. */
export async function round(supabase: Client, eventId: string, roundId: string) {
	const { data, error } = await supabase
		.from('voting_rounds')
		.select(
			`${ROUND_COLUMNS}, round_indicators(position, indicators(id, code, domain, title, description, means_of_verification))`
		)
		.eq('event_id', eventId)
		.eq('id', roundId)
		.maybeSingle();
	if (error) {
		// a malformed id is a round that does not exist
		if (error.code === '22P02') return null;
		throw new DataError('voting.round', error);
	}
	if (!data) return null;
	const indicators = data.round_indicators
		.flatMap((entry) => (entry.indicators ? [{ ...entry.indicators, position: entry.position }] : []))
		.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
	return { ...data, indicators };
}

/**
 * The votes of the round the caller may read as their own: theirs, and per delegation
 * their delegation's (RLS). `mine` says whether the caller cast it.
 */
export async function ownVotes(supabase: Client, roundId: string, userId: string, countryCode: string | null) {
	let query = supabase
		.from('votes')
		.select('indicator_id, choice, reason, voter_id, country_code, updated_at')
		.eq('round_id', roundId);
	query = countryCode ? query.or(`voter_id.eq.${userId},country_code.eq.${countryCode}`) : query.eq('voter_id', userId);
	return unwrap('voting.ownVotes', await query);
}

/** Display names of the event's members, by user id (for "cast by" in a delegation). */
export async function memberNames(supabase: Client, eventId: string, userIds: string[]) {
	if (userIds.length === 0) return new Map<string, string>();
	const rows = unwrap(
		'voting.memberNames',
		await supabase.from('members').select('user_id, display_name').eq('event_id', eventId).in('user_id', userIds)
	);
	return new Map(rows.map((row) => [row.user_id, row.display_name ?? '']));
}

export async function me(supabase: Client, eventId: string, userId: string) {
	const { data, error } = await supabase
		.from('members')
		.select('role, country_code')
		.eq('event_id', eventId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new DataError('voting.me', error);
	return data;
}

/** The tally, or null when the caller may not see counts yet (results after close). */
export async function tally(supabase: Client, roundId: string): Promise<TallyRow[] | null> {
	const { data, error } = await supabase.rpc('round_tally', { round_id: roundId });
	if (error) {
		if (error.hint === 'results_hidden') return null;
		throw new DataError('voting.tally', error);
	}
	return data ?? [];
}

/** Turnout per indicator and country, live (organisers only). */
export async function turnout(supabase: Client, roundId: string): Promise<TurnoutRow[]> {
	const { data, error } = await supabase.rpc('round_turnout', { round_id: roundId });
	if (error) throw new DataError('voting.turnout', error);
	return data ?? [];
}

export async function cast(
	supabase: Client,
	vote: { roundId: string; indicatorId: string; choice: Choice; reason: string | null }
) {
	return supabase.rpc('cast_vote', {
		round_id: vote.roundId,
		indicator_id: vote.indicatorId,
		choice: vote.choice,
		reason: vote.reason ?? undefined
	});
}

export async function countryNames(supabase: Client) {
	const rows = unwrap('voting.countries', await supabase.from('countries').select('code, name'));
	return rows;
}
