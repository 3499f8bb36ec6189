// The timetable's logic, kept apart from Svelte and Supabase: which sessions are on now and
// next by a clock the caller passes in, the filters a URL asks for, and which sessions run
// side by side.

/** What the timetable needs of a session; rows from the database fit it as they are. */
export interface TimedSession {
	id: string;
	starts_at: string;
	ends_at: string;
	status: string;
}

export interface NowAndNext<S extends TimedSession> {
	/** Running at `now` by the clock, or still marked live by the organiser (running over). */
	now: S[];
	/** The sessions that start soonest after `now`: all of them when they run in parallel. */
	next: S[];
}

const instant = (iso: string) => new Date(iso).getTime();

/**
 * What is on now and what comes next at the instant `now`. A closed session is never "now"
 * however the clock reads: the organiser ended it.
 */
export function nowAndNext<S extends TimedSession>(sessions: readonly S[], now: Date | number): NowAndNext<S> {
	const at = typeof now === 'number' ? now : now.getTime();
	const current = sessions.filter(
		(s) => s.status === 'live' || (s.status !== 'closed' && instant(s.starts_at) <= at && at < instant(s.ends_at))
	);
	const upcoming = sessions.filter((s) => s.status === 'scheduled' && instant(s.starts_at) > at);
	const soonest = Math.min(...upcoming.map((s) => instant(s.starts_at)));
	return {
		now: sortByStart(current),
		next: sortByStart(upcoming.filter((s) => instant(s.starts_at) === soonest))
	};
}

function sortByStart<S extends TimedSession>(sessions: S[]): S[] {
	return sessions.toSorted((a, b) => instant(a.starts_at) - instant(b.starts_at));
}

/**
 * Sessions in the order given, grouped into slots of sessions that overlap in time: a slot
 * is one row of the timetable, its sessions side by side on a wide screen.
 */
export function timeSlots<S extends TimedSession>(sessions: readonly S[]): S[][] {
	const slots: S[][] = [];
	let slotEnds = -Infinity;
	for (const session of sortByStart([...sessions])) {
		const starts = instant(session.starts_at);
		if (slots.length > 0 && starts < slotEnds) {
			slots.at(-1)!.push(session);
			slotEnds = Math.max(slotEnds, instant(session.ends_at));
		} else {
			slots.push([session]);
			slotEnds = instant(session.ends_at);
		}
	}
	return slots;
}

export interface TimetableFilters {
	/** A day's number (1, 2, 3…). */
	day: number | null;
	format: string | null;
	/** A theme's key (themeKey of its text in the event's default language). */
	theme: string | null;
}

export const NO_FILTERS: TimetableFilters = { day: null, format: null, theme: null };

/**
 * The filters in a URL's query, each kept only when the event has that value: a stale or
 * hand-edited link shows the whole programme rather than nothing or an error.
 */
export function parseFilters(
	query: URLSearchParams,
	known: { days: readonly number[]; formats: readonly string[]; themes: readonly string[] }
): TimetableFilters {
	const day = Number(query.get('day'));
	const format = query.get('format');
	const theme = query.get('theme');
	return {
		day: Number.isInteger(day) && known.days.includes(day) ? day : null,
		format: format && known.formats.includes(format) ? format : null,
		theme: theme && known.themes.includes(theme) ? theme : null
	};
}

/** The query string for a set of filters, without the empty ones ('' when none). */
export function filterQuery(filters: TimetableFilters): string {
	const query = new URLSearchParams();
	if (filters.day !== null) query.set('day', String(filters.day));
	if (filters.format !== null) query.set('format', filters.format);
	if (filters.theme !== null) query.set('theme', filters.theme);
	const text = query.toString();
	return text ? `?${text}` : '';
}

export function hasFilters(filters: TimetableFilters): boolean {
	return filters.day !== null || filters.format !== null || filters.theme !== null;
}

/**
 * A theme's key in a URL, from its text: lower case, letters and digits of any script joined
 * by hyphens ("Workforce planning" → "workforce-planning", "Планирование кадров" →
 * "планирование-кадров").
 */
export function themeKey(text: string): string {
	return text
		.normalize('NFC')
		.toLocaleLowerCase('en')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.join('-');
}
