import { error } from '@sveltejs/kit';
import * as programme from '$lib/server/programme';
import { eventOf } from '$lib/server/event-context';
import { isUuid } from '$lib/domain/uuid';
import { loadSessionNotes, publishSummary } from '$lib/server/notes/page';
import { boardActions, loadBoard } from '$lib/server/recommendation-board';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends, url }) => {
	depends('app:programme');
	// A mistyped address is "no such session", not a database error.
	if (!isUuid(params.session)) error(404, { message: 'Session not found' });
	const event = await eventOf(locals, params.event);
	const [session, people, countries] = await Promise.all([
		programme.session(locals.supabase, event.id, params.session),
		programme.people(locals.supabase, event.id),
		programme.countries(locals.supabase)
	]);
	if (!session) error(404, { message: 'Session not found' });
	depends('app:session-notes');
	const [notes, board] = await Promise.all([
		loadSessionNotes(locals, params.event, session.id),
		loadBoard({ locals, params, url, depends })
	]);
	return { session, people: people.filter((person) => person.session_id === session.id), countries, notes, board };
}) satisfies PageServerLoad;

export const actions = { publishSummary, ...boardActions } satisfies Actions;
