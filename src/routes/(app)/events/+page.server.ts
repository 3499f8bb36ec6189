import * as events from '$lib/server/events';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, depends }) => {
	depends('app:events');
	const [mine, mayCreate] = await Promise.all([
		events.mine(locals.supabase, locals.user!.id),
		events.canCreate(locals.supabase)
	]);
	return { mine, mayCreate };
}) satisfies PageServerLoad;
