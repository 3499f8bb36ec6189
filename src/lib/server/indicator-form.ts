// The indicator form and reordering. Who may change indicators, and that the wording of
// one put to the vote stays as voted on, is the database's (RLS, indicator_voted_on).
import type { SupabaseClient } from '@supabase/supabase-js';
import * as v from 'valibot';
import { translatedText } from '$lib/forms';
import type { Database } from '$lib/supabase/database.types';

type Client = SupabaseClient<Database>;

export const DOMAINS = ['planning', 'developing', 'supporting', 'cross_cutting'] as const;

export const IndicatorForm = v.object({
	code: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'voting.errors.code')),
	domain: v.picklist(DOMAINS),
	title: translatedText({ required: true, maxLength: 300 }),
	description: translatedText({ maxLength: 2000 }),
	meansOfVerification: translatedText({ maxLength: 2000 }),
	illustrative: v.optional(v.boolean(), false)
});

export const IdForm = v.object({ id: v.pipe(v.string(), v.uuid()) });
export const MoveForm = v.object({ id: v.pipe(v.string(), v.uuid()), direction: v.picklist(['up', 'down']) });

function emptyToNull(text: Record<string, string | undefined>) {
	const kept = Object.fromEntries(Object.entries(text).filter(([, value]) => value));
	return Object.keys(kept).length > 0 ? kept : null;
}

export function indicatorColumns(input: v.InferOutput<typeof IndicatorForm>) {
	return {
		code: input.code,
		domain: input.domain,
		title: input.title,
		description: emptyToNull(input.description),
		means_of_verification: emptyToNull(input.meansOfVerification),
		is_illustrative: input.illustrative
	};
}

/**
 * Moves an indicator one place up or down within its domain and numbers the domain's
 * indicators 0, 1, 2… (the seed leaves them all at 0, ordered by code).
 */
export async function move(supabase: Client, eventId: string, id: string, direction: 'up' | 'down') {
	const { data: all, error } = await supabase
		.from('indicators')
		.select('id, domain, position, code')
		.eq('event_id', eventId)
		.order('position')
		.order('code');
	if (error) return error;
	const target = all.find((row) => row.id === id);
	if (!target) return null;
	const siblings = all.filter((row) => row.domain === target.domain);
	const index = siblings.indexOf(target);
	const swapWith = direction === 'up' ? index - 1 : index + 1;
	if (swapWith < 0 || swapWith >= siblings.length) return null;
	[siblings[index], siblings[swapWith]] = [siblings[swapWith]!, siblings[index]!];
	for (const [position, row] of siblings.entries()) {
		if (row.position === position) continue;
		const { error: refused } = await supabase.from('indicators').update({ position }).eq('id', row.id);
		if (refused) return refused;
	}
	return null;
}
