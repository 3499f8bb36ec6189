import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { localize } from '$lib/domain/translated';
import { wallTimeToInstant } from '$lib/domain/wall-time';
import { readForm } from '$lib/forms';
import { eventOf } from '$lib/server/event-context';
import * as indicators from '$lib/server/indicators';
import { RoundForm, roundColumns, setIndicators } from '$lib/server/round-form';
import * as voting from '$lib/server/voting';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:voting-round');
	const event = await eventOf(locals, params.event);
	await voting.settle(locals.supabase, event.id, params.round).catch(() => undefined);
	const round = await voting.round(locals.supabase, event.id, params.round);
	if (!round) error(404, { message: 'Voting round not found' });
	const [turnout, tally, list, countries] = await Promise.all([
		voting.turnout(locals.supabase, round.id),
		round.status === 'draft' ? Promise.resolve(null) : voting.tally(locals.supabase, round.id),
		round.status === 'draft' ? indicators.list(locals.supabase, event.id) : Promise.resolve([]),
		voting.countryNames(locals.supabase)
	]);
	return {
		round,
		turnout,
		tally,
		indicators: list,
		countries: countries.map((country) => ({
			code: country.code,
			name: localize(country.name, locals.locale, event.default_language).text
		}))
	};
}) satisfies PageServerLoad;

const ScheduleForm = v.object({
	closesAt: v.optional(
		v.pipe(v.string(), v.trim(), v.regex(/^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'form.error.date')),
		''
	)
});

async function rpcOrFail(
	call: PromiseLike<{ error: { code?: string; hint?: string; message: string } | null; status?: number }>
) {
	const { error: refused } = await call;
	if (refused) return fail(errorStatus(refused), { errors: { form: { key: errorMessageKey(refused) } }, values: {} });
	return null;
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const form = await readForm(request, RoundForm);
		if (!form.valid) return form.fail();
		const { error: refused } = await locals.supabase
			.from('voting_rounds')
			.update(roundColumns(form.data, event.timezone))
			.eq('id', params.round)
			.eq('event_id', event.id);
		if (refused) return form.fail(errorStatus(refused), errorMessageKey(refused));
		const notSet = await setIndicators(locals.supabase, params.round, form.data.indicators);
		if (notSet) return form.fail(errorStatus(notSet), errorMessageKey(notSet));
		return { saved: true };
	},
	// Once open, the closing time is the one thing left to set.
	schedule: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const form = await readForm(request, ScheduleForm);
		if (!form.valid) return form.fail();
		const { error: refused } = await locals.supabase
			.from('voting_rounds')
			.update({ closes_at: wallTimeToInstant(form.data.closesAt, event.timezone) })
			.eq('id', params.round)
			.eq('event_id', event.id);
		if (refused) return form.fail(errorStatus(refused), errorMessageKey(refused));
		return { saved: true };
	},
	open: async ({ locals, params }) =>
		(await rpcOrFail(locals.supabase.rpc('open_round', { round_id: params.round }))) ?? { saved: true },
	close: async ({ locals, params }) =>
		(await rpcOrFail(locals.supabase.rpc('close_round', { round_id: params.round }))) ?? { saved: true },
	delete: async ({ locals, params }) => {
		const { error: refused } = await locals.supabase.from('voting_rounds').delete().eq('id', params.round);
		if (refused) {
			return fail(errorStatus(refused), { errors: { form: { key: errorMessageKey(refused) } }, values: {} });
		}
		redirect(303, `/${params.event}/organise/rounds`);
	}
} satisfies Actions;
