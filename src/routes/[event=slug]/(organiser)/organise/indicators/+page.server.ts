import { fail } from '@sveltejs/kit';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { parseForm, readForm } from '$lib/forms';
import { eventOf } from '$lib/server/event-context';
import * as indicators from '$lib/server/indicators';
import { IdForm, IndicatorForm, indicatorColumns, move, MoveForm } from '$lib/server/indicator-form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:indicators');
	const event = await eventOf(locals, params.event);
	return { indicators: await indicators.list(locals.supabase, event.id) };
}) satisfies PageServerLoad;

function refusedForm(error: { code?: string; hint?: string; status?: number }, id?: string) {
	return fail(errorStatus(error), { errors: { form: { key: errorMessageKey(error) } }, values: {}, id });
}

export const actions = {
	create: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const form = await readForm(request, IndicatorForm);
		if (!form.valid) return form.fail();
		const { error } = await locals.supabase
			.from('indicators')
			.insert({ event_id: event.id, ...indicatorColumns(form.data), position: 1000 });
		if (error) return form.fail(errorStatus(error), errorMessageKey(error));
		return { created: form.data.code };
	},
	// One form per indicator: `id` says which, the refusal comes back to that form only.
	update: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const data = await request.formData();
		const which = String(data.get('id') ?? '');
		const form = parseForm(data, IndicatorForm);
		if (!form.valid) return fail(400, { errors: form.errors, values: form.values, id: which });
		const { error } = await locals.supabase
			.from('indicators')
			.update(indicatorColumns(form.data))
			.eq('id', which)
			.eq('event_id', event.id);
		if (error) {
			return fail(errorStatus(error), {
				errors: { form: { key: errorMessageKey(error) } },
				values: form.values,
				id: which
			});
		}
		return { updated: which };
	},
	move: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const form = await readForm(request, MoveForm);
		if (!form.valid) return form.fail();
		const refused = await move(locals.supabase, event.id, form.data.id, form.data.direction);
		if (refused) return refusedForm(refused, form.data.id);
		return { moved: form.data.id };
	},
	delete: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const form = await readForm(request, IdForm);
		if (!form.valid) return form.fail();
		const { error } = await locals.supabase.from('indicators').delete().eq('id', form.data.id).eq('event_id', event.id);
		if (error) return refusedForm(error, form.data.id);
		return { deleted: form.data.id };
	}
} satisfies Actions;
