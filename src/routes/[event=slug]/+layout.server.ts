import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	const event = await events.bySlug(locals.supabase, params.event);
	if (!event) error(404, { message: 'Event not found' });
	const role = locals.user ? await events.myRole(locals.supabase, event.id) : null;
	return { event: { ...event, role, isOrganiser: role === 'organiser' } };
}) satisfies LayoutServerLoad;
