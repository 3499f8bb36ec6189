import { error } from '@sveltejs/kit';

/**
 * The event a page under /[event] is about, from the request's memoised event_context;
 * a 404 when the caller may not see it (the layout answers the same way).
 */
export async function eventOf(locals: App.Locals, slug: string) {
	const context = await locals.eventContext(slug);
	if (!context) error(404, { message: 'Event not found' });
	return context.event;
}
