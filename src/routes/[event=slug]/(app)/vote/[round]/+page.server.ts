import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CHOICES } from '$lib/domain/voting';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { readForm } from '$lib/forms';
import { eventOf } from '$lib/server/event-context';
import * as voting from '$lib/server/voting';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:voting-round');
	const event = await eventOf(locals, params.event);
	const user = locals.user;
	if (!user) error(401, { message: 'Sign in' });
	await voting.settle(locals.supabase, event.id, params.round).catch(() => undefined);
	const [round, member] = await Promise.all([
		voting.round(locals.supabase, event.id, params.round),
		voting.me(locals.supabase, event.id, user.id)
	]);
	if (!round) error(404, { message: 'Voting round not found' });
	const countryCode = round.mode === 'per_delegation' ? (member?.country_code ?? null) : null;
	const [votes, tally] = await Promise.all([
		voting.ownVotes(locals.supabase, round.id, user.id, countryCode),
		round.status === 'draft' ? Promise.resolve(null) : voting.tally(locals.supabase, round.id)
	]);
	const names = await voting.memberNames(
		locals.supabase,
		event.id,
		votes.flatMap((vote) => (vote.voter_id ? [vote.voter_id] : []))
	);
	return {
		round,
		role: member?.role ?? null,
		countryCode: member?.country_code ?? null,
		userId: user.id,
		votes: votes.map((vote) => ({
			...vote,
			castBy: vote.voter_id ? (names.get(vote.voter_id) ?? null) : null,
			mine: vote.voter_id === user.id
		})),
		tally
	};
}) satisfies PageServerLoad;

const VoteForm = v.pipe(
	v.object({
		indicator: v.pipe(v.string(), v.uuid('voting.errors.indicator')),
		choice: v.picklist(CHOICES, 'voting.errors.choiceRequired'),
		reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000, 'voting.errors.reasonTooLong')), '')
	}),
	v.forward(
		v.check((input) => input.choice !== 'block' || input.reason !== '', 'voting.errors.reasonRequired'),
		['reason']
	)
);

export const actions = {
	// One form per indicator: the ballot works without JavaScript, a row at a time.
	vote: async ({ request, locals, params }) => {
		const form = await readForm(request, VoteForm);
		if (!form.valid) return form.fail();
		const { error: refused } = await voting.cast(locals.supabase, {
			roundId: params.round,
			indicatorId: form.data.indicator,
			choice: form.data.choice,
			reason: form.data.reason || null
		});
		if (refused) return form.fail(errorStatus(refused), errorMessageKey(refused));
		return { saved: form.data.indicator };
	}
} satisfies Actions;
