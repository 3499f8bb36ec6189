import * as indicators from '$lib/server/indicators';
import { eventOf } from '$lib/server/event-context';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:indicators');
	const event = await eventOf(locals, params.event);
	const [list, rounds] = await Promise.all([
		indicators.list(locals.supabase, event.id),
		indicators.rounds(locals.supabase, event.id)
	]);
	return { indicators: list, rounds };
}) satisfies PageServerLoad;
