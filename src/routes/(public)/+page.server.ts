import * as events from '$lib/server/events';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const list = await events.list(locals.supabase);
	const counts = await events.delegateCounts(
		locals.supabase,
		list.map((event) => event.id)
	);
	return {
		events: list.map((event) => ({ ...event, counts: counts.get(event.id) ?? null }))
	};
}) satisfies PageServerLoad;
