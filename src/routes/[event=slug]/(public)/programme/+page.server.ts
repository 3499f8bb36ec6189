import * as indicators from '$lib/server/indicators';
import * as programme from '$lib/server/programme';
import { eventOf } from '$lib/server/event-context';
import { localize } from '$lib/domain/translated';
import { parseFilters, themeKey } from '$lib/domain/timetable';
import { Constants } from '$lib/supabase/database.types';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends, url }) => {
	depends('app:programme');
	const event = await eventOf(locals, params.event);
	const [days, sessions, people, countries, rounds] = await Promise.all([
		programme.days(locals.supabase, event.id),
		programme.sessions(locals.supabase, event.id),
		programme.people(locals.supabase, event.id),
		programme.countries(locals.supabase),
		// Scheduled voting rounds belong in the day they happen on.
		indicators.rounds(locals.supabase, event.id)
	]);
	// A theme is named in the URL by its text in the event's own language, so a link works
	// whatever language the next reader uses.
	const themeOf = (theme: unknown) => themeKey(localize(theme, event.default_language).text);
	const filters = parseFilters(url.searchParams, {
		days: days.map((day) => day.day_index),
		formats: Constants.public.Enums.session_format,
		themes: days.map((day) => themeOf(day.theme)).filter(Boolean)
	});
	return {
		days: days.map((day) => ({ ...day, themeKey: themeOf(day.theme) })),
		sessions,
		people,
		countries,
		rounds,
		filters,
		// The clock the page was rendered by: hydration starts from it, so server and browser
		// agree on what is "now" until the browser's own clock takes over.
		renderedAt: Date.now()
	};
}) satisfies PageServerLoad;
