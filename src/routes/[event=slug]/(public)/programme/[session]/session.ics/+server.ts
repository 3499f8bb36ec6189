import { error } from '@sveltejs/kit';
import * as programme from '$lib/server/programme';
import { calendarResponse, programmeCalendar } from '$lib/server/calendar';
import { eventOf } from '$lib/server/event-context';
import { isUuid } from '$lib/domain/uuid';
import type { RequestHandler } from './$types';

export const GET = (async ({ params, locals, url }) => {
	if (!isUuid(params.session)) error(404, { message: 'Session not found' });
	const event = await eventOf(locals, params.event);
	const session = await programme.session(locals.supabase, event.id, params.session);
	if (!session) error(404, { message: 'Session not found' });
	const calendar = programmeCalendar({
		event,
		sessions: [session],
		locale: locals.locale,
		origin: url.origin,
		host: url.hostname
	});
	return calendarResponse(calendar, `${event.slug}-${session.id.slice(0, 8)}.ics`);
}) satisfies RequestHandler;
