import { error } from '@sveltejs/kit';
import * as programme from '$lib/server/programme';
import { eventOf } from '$lib/server/event-context';
import { isUuid } from '$lib/domain/uuid';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
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
	return { session, people: people.filter((person) => person.session_id === session.id), countries };
}) satisfies PageServerLoad;
