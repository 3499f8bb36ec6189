import * as programme from '$lib/server/programme';
import { eventOf } from '$lib/server/event-context';
import type { PageServerLoad } from './$types';

// The event's front page: what it is, its days and themes, and what is on now.
export const load = (async ({ params, locals, depends }) => {
	depends('app:programme');
	const event = await eventOf(locals, params.event);
	const [days, sessions] = await Promise.all([
		programme.days(locals.supabase, event.id),
		programme.sessions(locals.supabase, event.id)
	]);
	return { days, sessions, renderedAt: Date.now() };
}) satisfies PageServerLoad;
