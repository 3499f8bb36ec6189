// Dates and times through Intl, always in the event's time zone (a delegate in Almaty
// reading a Bucharest programme must see Bucharest times, labelled as such).
import type { Locale } from './locale.ts';

/** The regional conventions each language is written with (British English: 21 November). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ro: 'ro-RO', ru: 'ru-RU' };

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

/**
 * A time zone as a reader names it, in their language ("Ora Europei de Est", "Восточная
 * Европа"), never the IANA id. The generic name fits a programme spanning days; where CLDR
 * has only an offset for it (UTC, some zones) the specific name reads better.
 */
export function formatTimeZoneName(timeZone: string, locale: Locale, at: Date = new Date()): string {
	const zone = safeTimeZone(timeZone);
	const name = (style: 'long' | 'longGeneric') =>
		new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: zone, timeZoneName: style })
			.formatToParts(at)
			.find((part) => part.type === 'timeZoneName')?.value ?? zone;
	const generic = name('longGeneric');
	return /^(GMT|UTC)([+-−]|$)/.test(generic) ? name('long') : generic;
}

/** A span between two instants in a time zone ("23 November 2018, 09:00–13:00"). */
export function formatDateTimeRange(
	start: string | Date,
	end: string | Date,
	locale: Locale,
	timeZone: string
): string {
	const from = new Date(start);
	const to = new Date(end);
	if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '';
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone: safeTimeZone(timeZone),
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatRange(from, to);
}

/** The calendar date ('2018-11-23') an instant falls on in a time zone. */
export function calendarDateIn(instant: string | Date, timeZone: string): string {
	const date = new Date(instant);
	if (Number.isNaN(date.getTime())) return '';
	// en-CA writes ISO order; the parts keep it independent of that locale's separators.
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: safeTimeZone(timeZone),
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(date);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * When the data on a screen was fetched, in the reader's own clock ("10:42"; with the date,
 * "27 Nov, 10:42", once it is from another day), for the offline notice.
 */
export function formatAsOf(instant: Date | number, now: Date | number, locale: Locale, timeZone?: string): string {
	if (Number.isNaN(new Date(instant).getTime())) return '';
	const zone = timeZone ? safeTimeZone(timeZone) : undefined;
	const day = (date: Date | number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
	const sameDay = day(instant) === day(now);
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone: zone,
		...(sameDay ? {} : { day: 'numeric', month: 'short' }),
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(instant);
}
