import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	const context = await locals.eventContext(params.event);
	if (!context) error(404, { message: 'Event not found' });
	const { event, role } = context;
	return { event: { ...event, role, isOrganiser: role === 'organiser' } };
}) satisfies LayoutServerLoad;
