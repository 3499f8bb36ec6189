import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { localize } from '$lib/domain/translated';
import { readForm } from '$lib/forms';
import { DataError } from '$lib/server/errors';
import { eventOf } from '$lib/server/event-context';
import { formValuesOf } from '$lib/server/session-form';
import { loadFormContext, saveSession } from '$lib/server/session-page';
import * as sessions from '$lib/server/sessions';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session in the URL, or a 404 for an id that is not one of this event's sessions. */
async function sessionOf(locals: App.Locals, eventId: string, id: string) {
	if (!UUID.test(id)) error(404, { message: 'Session not found' });
	try {
		return await sessions.get(locals.supabase, eventId, id);
	} catch (cause) {
		if (cause instanceof DataError && cause.status === 404) error(404, { message: 'Session not found' });
		throw cause;
	}
}

export const load = (async ({ params, locals, depends }) => {
	depends('app:organise-sessions');
	const event = await eventOf(locals, params.event);
	const [session, { days, members }] = await Promise.all([
		sessionOf(locals, event.id, params.session),
		loadFormContext(locals, event.id)
	]);
	return { session, days, members, values: formValuesOf(session, event, days) };
}) satisfies PageServerLoad;

const DeleteForm = v.object({ confirm: v.optional(v.picklist(['yes'])) });

export const actions = {
	save: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const session = await sessionOf(locals, event.id, params.session);
		const result = await saveSession(request, locals, event, session.id);
		if (!result.ok) return result.failure;
		const title = localize(result.title, locals.locale, event.default_language).text;
		redirect(
			303,
			`/${event.slug}/organise/sessions?done=saved&title=${encodeURIComponent(title)}#session-${session.id}`
		);
	},
	delete: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const session = await sessionOf(locals, event.id, params.session);
		const form = await readForm(request, DeleteForm);
		// The first press asks; only the confirmation deletes, with or without JavaScript.
		if (!form.valid || form.data.confirm !== 'yes') {
			return { askDelete: true, impact: await sessions.deletionImpact(locals.supabase, session.id) };
		}
		try {
			await sessions.remove(locals.supabase, event.id, session.id);
		} catch (cause) {
			if (!(cause instanceof DataError)) throw cause;
			return fail(errorStatus(cause), { deleteError: errorMessageKey(cause) });
		}
		const title = localize(session.title, locals.locale, event.default_language).text;
		redirect(303, `/${event.slug}/organise/sessions?done=deleted&title=${encodeURIComponent(title)}`);
	}
} satisfies Actions;
