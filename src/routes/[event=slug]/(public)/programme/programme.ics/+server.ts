import * as programme from '$lib/server/programme';
import { calendarResponse, programmeCalendar } from '$lib/server/calendar';
import { eventOf } from '$lib/server/event-context';
import type { RequestHandler } from './$types';

export const GET = (async ({ params, locals, url }) => {
	const event = await eventOf(locals, params.event);
	const sessions = await programme.sessions(locals.supabase, event.id);
	const calendar = programmeCalendar({
		event,
		sessions,
		locale: locals.locale,
		origin: url.origin,
		host: url.hostname
	});
	return calendarResponse(calendar, `${event.slug}.ics`);
}) satisfies RequestHandler;
