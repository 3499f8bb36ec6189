import { redirect } from '@sveltejs/kit';
import { localize } from '$lib/domain/translated';
import { eventOf } from '$lib/server/event-context';
import { formValuesOf } from '$lib/server/session-form';
import { loadFormContext, saveSession } from '$lib/server/session-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	const event = await eventOf(locals, params.event);
	const { days, members } = await loadFormContext(locals, event.id);
	return { days, members, values: formValuesOf(null, event, days) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const result = await saveSession(request, locals, event, null);
		if (!result.ok) return result.failure;
		const title = localize(result.title, locals.locale, event.default_language).text;
		redirect(
			303,
			`/${event.slug}/organise/sessions?done=created&title=${encodeURIComponent(title)}#session-${result.id}`
		);
	}
} satisfies Actions;
