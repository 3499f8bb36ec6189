import * as badges from '$lib/server/badges';
import { eventOf } from '$lib/server/event-context';
import * as memberImport from '$lib/server/member-import';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, url, setHeaders }) => {
	// The sheet holds sign-in links: never kept by a cache or sent on as a referrer.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const event = await eventOf(locals, params.event);
	const [sheet, countries] = await Promise.all([
		badges.sheet(locals.supabase, event.id, url.origin),
		memberImport.countryNames(locals.supabase, locals.locale)
	]);
	return { badges: sheet, countries: Object.fromEntries(countries) };
}) satisfies PageServerLoad;
