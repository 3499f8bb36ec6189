import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { moveSession } from '$lib/domain/sessions/reorder';
import { readForm } from '$lib/forms';
import { DataError } from '$lib/server/errors';
import { eventOf } from '$lib/server/event-context';
import * as programme from '$lib/server/programme';
import * as sessions from '$lib/server/sessions';
import { Constants } from '$lib/supabase/database.types';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends, url }) => {
	depends('app:organise-sessions');
	const event = await eventOf(locals, params.event);
	const [days, list] = await Promise.all([
		programme.days(locals.supabase, event.id),
		sessions.list(locals.supabase, event.id)
	]);
	// After a save elsewhere (new, edit, delete), the list says what happened.
	const done = url.searchParams.get('done');
	const flash =
		done === 'created' || done === 'saved' || done === 'deleted'
			? { done: done as 'created' | 'saved' | 'deleted', title: url.searchParams.get('title') ?? '' }
			: null;
	return { days, sessions: list, flash };
}) satisfies PageServerLoad;

const MoveForm = v.object({ id: v.pipe(v.string(), v.uuid()), direction: v.picklist(['earlier', 'later']) });
const StatusForm = v.object({
	id: v.pipe(v.string(), v.uuid()),
	status: v.picklist(Constants.public.Enums.session_status)
});

/** A database refusal as the page shows it, next to the session it concerns. */
function refused(error: unknown, id: string) {
	if (!(error instanceof DataError)) throw error;
	return fail(errorStatus(error), { sessionId: id, message: errorMessageKey(error) });
}

export const actions = {
	move: async ({ request, params, locals }) => {
		const form = await readForm(request, MoveForm);
		if (!form.valid) return form.fail();
		const { id, direction } = form.data;
		const event = await eventOf(locals, params.event);
		try {
			const all = await sessions.list(locals.supabase, event.id);
			const session = all.find((s) => s.id === id);
			if (!session) return fail(404, { sessionId: id, message: 'error.data.sessionNotFound' });
			const day = all.filter((s) => s.day_id === session.day_id);
			const moves = moveSession(
				day.map((s) => ({ id: s.id, startsAt: s.starts_at, endsAt: s.ends_at, position: s.position })),
				id,
				direction
			);
			if (moves.length > 0) await sessions.reschedule(locals.supabase, event.id, moves);
			return { moved: { id, direction } };
		} catch (error) {
			return refused(error, id);
		}
	},
	status: async ({ request, params, locals }) => {
		const form = await readForm(request, StatusForm);
		if (!form.valid) return form.fail();
		const event = await eventOf(locals, params.event);
		try {
			await sessions.setStatus(locals.supabase, event.id, form.data.id, form.data.status);
			return { statusChanged: form.data };
		} catch (error) {
			return refused(error, form.data.id);
		}
	}
} satisfies Actions;
