// Dates and times through Intl, always in the event's time zone (a delegate in Almaty
// reading a Bucharest programme must see Bucharest times, labelled as such).
import type { Locale } from './locale.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ro: 'ro-RO', ru: 'ru-RU' };

/** A calendar date ('2018-11-21') as words, e.g. "Wednesday, 21 November 2018". */
export function formatCalendarDate(isoDate: string, locale: Locale, style: 'long' | 'medium' = 'long'): string {
	const date = new Date(`${isoDate}T12:00:00Z`);
	if (Number.isNaN(date.getTime())) return isoDate;
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone: 'UTC',
		...(style === 'long'
			? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
			: { day: 'numeric', month: 'long', year: 'numeric' })
	}).format(date);
}

/** A span of calendar dates, collapsing what they share ("21–23 November 2018"). */
export function formatDateRange(startIso: string, endIso: string, locale: Locale): string {
	const start = new Date(`${startIso}T12:00:00Z`);
	const end = new Date(`${endIso}T12:00:00Z`);
	if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).formatRange(start, end);
}

/** Wall-clock time of an instant in a time zone, e.g. "09:30". */
export function formatTime(instant: string | Date, locale: Locale, timeZone: string): string {
	const date = typeof instant === 'string' ? new Date(instant) : instant;
	if (Number.isNaN(date.getTime())) return '';
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone: safeTimeZone(timeZone),
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(date);
}

export function formatTimeRange(start: string, end: string, locale: Locale, timeZone: string): string {
	return `${formatTime(start, locale, timeZone)}–${formatTime(end, locale, timeZone)}`;
}

/** Falls back to UTC for a zone name Intl does not know, rather than throwing mid-render. */
export function safeTimeZone(timeZone: string): string {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return timeZone;
	} catch {
		return 'UTC';
	}
}
