import { describe, expect, it } from 'vitest';
import {
	calendarDateIn,
	formatCalendarDate,
	formatDateRange,
	formatAsOf,
	formatDateTimeRange,
	formatTime,
	formatTimeRange,
	formatTimeZoneName,
	safeTimeZone
} from './format.ts';

describe('format', () => {
	it('formats calendar dates in each language', () => {
		expect(formatCalendarDate('2018-11-21', 'en')).toMatch(/^Wednesday,? 21 November 2018$/);
		expect(formatCalendarDate('2018-11-21', 'ro')).toBe('miercuri, 21 noiembrie 2018');
		expect(formatCalendarDate('2018-11-21', 'ru')).toMatch(/^среда, 21 ноября 2018/);
	});

	it('collapses a date range', () => {
		// ICU versions differ on the spacing around the dash.
		expect(formatDateRange('2018-11-21', '2018-11-23', 'en')).toMatch(/^21\s?–\s?23 November 2018$/);
		expect(formatDateRange('2018-11-21', '2018-11-23', 'ro')).toMatch(/^21\s?–\s?23 noiembrie 2018/);
	});

	it("shows times in the event's zone, not the reader's", () => {
		// 07:30 UTC is 09:30 in Bucharest in November (EET, UTC+2).
		expect(formatTime('2018-11-21T07:30:00Z', 'en', 'Europe/Bucharest')).toBe('09:30');
		expect(formatTimeRange('2018-11-21T07:30:00Z', '2018-11-21T09:00:00Z', 'ru', 'Europe/Bucharest')).toBe(
			'09:30–11:00'
		);
	});

	it('survives unknown zones and bad input', () => {
		expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
		expect(formatTime('not a date', 'en', 'UTC')).toBe('');
		expect(formatCalendarDate('2018-13-45', 'en')).toBe('2018-13-45');
	});
});

describe('time zone names and date-time spans', () => {
	const november = new Date('2018-11-21T10:00:00Z');

	it("names the event's zone in the reader's language, not by its IANA id", () => {
		expect(formatTimeZoneName('Europe/Bucharest', 'en', november)).toBe('Eastern European Time');
		expect(formatTimeZoneName('Europe/Bucharest', 'ro', november)).toBe('Ora Europei de Est');
		expect(formatTimeZoneName('Europe/Bucharest', 'ru', november)).toBe('Восточная Европа');
		for (const locale of ['en', 'ro', 'ru'] as const) {
			expect(formatTimeZoneName('Europe/Kyiv', locale, november)).not.toMatch(/Europe\/|Kyiv|GMT/);
		}
	});

	it('spells out UTC rather than showing an offset', () => {
		expect(formatTimeZoneName('UTC', 'ro', november)).toBe('Timpul universal coordonat');
		expect(formatTimeZoneName('Mars/Olympus', 'ru', november)).toBe('Всемирное координированное время');
	});

	it('collapses a span inside one day', () => {
		const span = (locale: 'en' | 'ro' | 'ru') =>
			formatDateTimeRange('2018-11-23T07:00:00Z', '2018-11-23T11:00:00Z', locale, 'Europe/Bucharest');
		expect(span('en')).toMatch(/^23 November 2018,? 09:00\s?–\s?13:00$/);
		expect(span('ro')).toMatch(/^23 noiembrie 2018,? 09:00\s?–\s?13:00$/);
		expect(span('ru')).toMatch(/^23 ноября 2018\s?г\.,? 09:00\s?–\s?13:00$/);
		expect(formatDateTimeRange('nonsense', '2018-11-23T11:00:00Z', 'en', 'UTC')).toBe('');
	});
});

describe('calendarDateIn', () => {
	it("gives the date an instant falls on in the event's zone", () => {
		// 23:30 UTC on the 22nd is already the 23rd in Bucharest.
		expect(calendarDateIn('2018-11-22T23:30:00Z', 'Europe/Bucharest')).toBe('2018-11-23');
		expect(calendarDateIn('2018-11-22T23:30:00Z', 'UTC')).toBe('2018-11-22');
		expect(calendarDateIn('garbage', 'UTC')).toBe('');
	});
});

describe('formatAsOf (the offline notice)', () => {
	const now = new Date('2026-11-28T15:00:00Z');
	it('gives only the time for data from today', () => {
		expect(formatAsOf(new Date('2026-11-28T08:42:00Z'), now, 'ro', 'Europe/Bucharest')).toBe('10:42');
	});
	it('adds the date for data from another day', () => {
		const text = formatAsOf(new Date('2026-11-26T08:42:00Z'), now, 'en', 'Europe/Bucharest');
		expect(text).toContain('26');
		expect(text).toContain('Nov');
		expect(text).toContain('10:42');
	});
	it('says nothing for a bad instant', () => {
		expect(formatAsOf(new Date('garbage'), now, 'ru')).toBe('');
	});
});
