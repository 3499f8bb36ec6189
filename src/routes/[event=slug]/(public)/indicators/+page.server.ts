import * as indicators from '$lib/server/indicators';
import type { PageServerLoad } from './$types';

export const load = (async ({ parent, locals, depends }) => {
	depends('app:indicators');
	const { event } = await parent();
	const [list, rounds] = await Promise.all([
		indicators.list(locals.supabase, event.id),
		indicators.rounds(locals.supabase, event.id)
	]);
	return { indicators: list, rounds };
}) satisfies PageServerLoad;
