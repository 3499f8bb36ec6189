import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Every event page needs the event, the caller's role and capabilities first. Pages ask
// locals.eventContext too rather than awaiting parent(): it is one memoised call per
// request, so layout and page loads run side by side instead of one after the other.
export const load = (async ({ params, locals }) => {
	const context = await locals.eventContext(params.event);
	if (!context) error(404, { message: 'Event not found' });
	const { event, role, can } = context;
	return { event: { ...event, role, can, isOrganiser: role === 'organiser' } };
}) satisfies LayoutServerLoad;
