// What the new-session and edit-session pages share: the lists their form picks from,
// and saving a post (checked, warned about clashes, then written in one call).
import { fail, type ActionFailure } from '@sveltejs/kit';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { DataError } from './errors';
import type { EventContext } from './events';
import * as programme from './programme';
import { readSessionForm, type SessionFormFailure } from './session-form';
import * as sessions from './sessions';

type Event = EventContext['event'];

export async function loadFormContext(locals: App.Locals, eventId: string) {
	const [days, members] = await Promise.all([
		programme.days(locals.supabase, eventId),
		sessions.members(locals.supabase, eventId)
	]);
	return { days, members };
}

export type SaveResult =
	{ ok: true; id: string; title: unknown } | { ok: false; failure: ActionFailure<SessionFormFailure> };

export async function saveSession(
	request: Request,
	locals: App.Locals,
	event: Event,
	sessionId: string | null
): Promise<SaveResult> {
	const data = await request.formData();
	const [{ days, members }, existing] = await Promise.all([
		loadFormContext(locals, event.id),
		sessions.list(locals.supabase, event.id)
	]);
	const result = readSessionForm(data, { event, days, members, existing, sessionId, locale: locals.locale });
	if (!result.ok) return result;
	try {
		const id = await sessions.save(locals.supabase, event.id, sessionId, result.input);
		return { ok: true, id, title: result.input.title };
	} catch (error) {
		if (!(error instanceof DataError)) throw error;
		// The database's reason, on the form, with everything typed still in it.
		const errors = { form: { key: errorMessageKey(error) } };
		return { ok: false, failure: fail(errorStatus(error), { errors, values: result.values }) };
	}
}
