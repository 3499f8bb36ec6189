import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateRange, formatTime, formatTimeRange, safeTimeZone } from './format.ts';

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
