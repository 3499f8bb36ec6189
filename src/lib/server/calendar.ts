// iCalendar files of a programme or one session, through ical-generator. Times go out as
// UTC instants: every calendar converts them to its reader's zone correctly, across daylight
// saving changes, without our shipping a VTIMEZONE we would have to keep in step with tzdata.
import ical, { type ICalCalendar } from 'ical-generator';
import type { Locale } from '$lib/domain/locale';
import { localize } from '$lib/domain/translated';

export interface CalendarEvent {
	slug: string;
	title: unknown;
	venue: unknown;
	timezone: string;
	default_language: Locale;
}

export interface CalendarSession {
	id: string;
	starts_at: string;
	ends_at: string;
	room: string | null;
	title: unknown;
	description: unknown;
	status: string;
}

/**
 * A calendar with one VEVENT per session, in the reader's language. A session's UID is its
 * row id, so re-importing the file updates the entries rather than doubling them.
 */
export function programmeCalendar(input: {
	event: CalendarEvent;
	sessions: readonly CalendarSession[];
	locale: Locale;
	/** The site's origin, for each session page's address. */
	origin: string;
	host: string;
}): ICalCalendar {
	const { event, locale, origin } = input;
	const text = (field: unknown) => localize(field, locale, event.default_language).text;
	const venue = text(event.venue);
	const calendar = ical({
		name: text(event.title),
		prodId: { company: 'Accord', product: 'programme', language: locale.toUpperCase() },
		url: `${origin}/${event.slug}/programme`
	});
	for (const session of input.sessions) {
		const url = `${origin}/${event.slug}/programme/${session.id}`;
		const description = text(session.description);
		calendar.createEvent({
			id: `${session.id}@${input.host}`,
			start: new Date(session.starts_at),
			end: new Date(session.ends_at),
			summary: text(session.title),
			description: description ? `${description}\n\n${url}` : url,
			location: [session.room, venue].filter(Boolean).join(', ') || null,
			url
		});
	}
	return calendar;
}

/** The HTTP response carrying a calendar, offered as a file named `filename`. */
export function calendarResponse(calendar: ICalCalendar, filename: string): Response {
	return new Response(calendar.toString(), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-cache'
		}
	});
}
