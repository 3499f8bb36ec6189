import * as indicators from '$lib/server/indicators';
import * as programme from '$lib/server/programme';
import { eventOf } from '$lib/server/event-context';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:programme');
	const event = await eventOf(locals, params.event);
	const [days, sessions, people, countries, rounds] = await Promise.all([
		programme.days(locals.supabase, event.id),
		programme.sessions(locals.supabase, event.id),
		programme.people(locals.supabase, event.id),
		programme.countries(locals.supabase),
		// Scheduled voting rounds belong in the day they happen on.
		indicators.rounds(locals.supabase, event.id)
	]);
	return { days, sessions, people, countries, rounds };
}) satisfies PageServerLoad;
