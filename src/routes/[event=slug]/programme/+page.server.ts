import * as programme from '$lib/server/programme';
import type { PageServerLoad } from './$types';

export const load = (async ({ parent, locals, depends }) => {
	depends('app:programme');
	const { event } = await parent();
	const [days, sessions, people, countries] = await Promise.all([
		programme.days(locals.supabase, event.id),
		programme.sessions(locals.supabase, event.id),
		programme.people(locals.supabase, event.id),
		programme.countries(locals.supabase)
	]);
	return { days, sessions, people, countries };
}) satisfies PageServerLoad;
