// The voting round form (create and edit) and its writes. The rules a round may have are
// the database's (check constraints, the lock once open); the form only says them first,
// in the reader's language.
import type { SupabaseClient } from '@supabase/supabase-js';
import * as v from 'valibot';
import { translatedText } from '$lib/forms';
import { wallTimeToInstant } from '$lib/domain/wall-time';
import type { Database } from '$lib/supabase/database.types';

type Client = SupabaseClient<Database>;

const wallTime = v.optional(
	v.pipe(v.string(), v.trim(), v.regex(/^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'form.error.date')),
	''
);

export const RoundForm = v.pipe(
	v.object({
		title: translatedText({ required: true, maxLength: 200 }),
		mode: v.picklist(['per_delegate', 'per_delegation']),
		quorum: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
		threshold: v.pipe(v.number(), v.minValue(1), v.maxValue(100)),
		allowBlock: v.optional(v.boolean(), false),
		ballot: v.picklist(['open', 'secret']),
		visibility: v.picklist(['live', 'after_close']),
		opensAt: wallTime,
		closesAt: wallTime,
		indicators: v.optional(v.array(v.pipe(v.string(), v.uuid())), [])
	}),
	v.forward(
		v.check((input) => input.ballot === 'open' || input.visibility === 'after_close', 'voting.errors.secretLive'),
		['visibility']
	),
	v.forward(
		v.check(
			(input) => !input.opensAt || !input.closesAt || input.closesAt > input.opensAt,
			'voting.errors.closesBeforeOpens'
		),
		['closesAt']
	)
);

export type RoundInput = v.InferOutput<typeof RoundForm>;

export function roundColumns(input: RoundInput, timeZone: string) {
	return {
		title: input.title,
		mode: input.mode,
		quorum_percent: input.quorum,
		threshold_percent: input.threshold,
		allow_block: input.allowBlock,
		ballot: input.ballot,
		results_visibility: input.visibility,
		opens_at: wallTimeToInstant(input.opensAt, timeZone),
		closes_at: wallTimeToInstant(input.closesAt, timeZone)
	};
}

/** Puts exactly these indicators, in this order, on a draft round's ballot. */
export async function setIndicators(supabase: Client, roundId: string, indicatorIds: string[]) {
	const removed = await supabase.from('round_indicators').delete().eq('round_id', roundId);
	if (removed.error) return removed.error;
	if (indicatorIds.length === 0) return null;
	const added = await supabase
		.from('round_indicators')
		.insert(indicatorIds.map((indicator_id, position) => ({ round_id: roundId, indicator_id, position })));
	return added.error;
}
