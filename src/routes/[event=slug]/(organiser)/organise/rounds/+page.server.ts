import { redirect } from '@sveltejs/kit';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { readForm } from '$lib/forms';
import { eventOf } from '$lib/server/event-context';
import * as indicators from '$lib/server/indicators';
import { RoundForm, roundColumns, setIndicators } from '$lib/server/round-form';
import * as voting from '$lib/server/voting';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:voting-rounds');
	const event = await eventOf(locals, params.event);
	await voting.settle(locals.supabase, event.id).catch(() => undefined);
	const [rounds, list] = await Promise.all([
		voting.rounds(locals.supabase, event.id),
		indicators.list(locals.supabase, event.id)
	]);
	return { rounds, indicators: list };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const form = await readForm(request, RoundForm);
		if (!form.valid) return form.fail();
		const { data, error } = await locals.supabase
			.from('voting_rounds')
			.insert({ event_id: event.id, ...roundColumns(form.data, event.timezone) })
			.select('id')
			.single();
		if (error) return form.fail(errorStatus(error), errorMessageKey(error));
		const refused = await setIndicators(locals.supabase, data.id, form.data.indicators);
		if (refused) return form.fail(errorStatus(refused), errorMessageKey(refused));
		redirect(303, `/${params.event}/organise/rounds/${data.id}`);
	}
} satisfies Actions;
