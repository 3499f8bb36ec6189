import * as members from '$lib/server/members';
import { programmeCounts } from '$lib/server/programme-counts';
import { eventOf } from '$lib/server/event-context';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:members');
	const event = await eventOf(locals, params.event);
	const [memberTally, programme] = await Promise.all([
		members.tally(locals.supabase, event.id),
		programmeCounts(locals.supabase, event.id)
	]);
	return { memberTally, programme };
}) satisfies PageServerLoad;
