import { describe, expect, it } from 'vitest';
import { instantOf, nextDate, wallClockOf } from './wall-clock.ts';

describe('instantOf', () => {
	it('reads a Bucharest time in winter (UTC+2) and summer (UTC+3)', () => {
		expect(instantOf('2018-11-21', '09:00', 'Europe/Bucharest')?.toISOString()).toBe('2018-11-21T07:00:00.000Z');
		expect(instantOf('2018-07-02', '09:00', 'Europe/Bucharest')?.toISOString()).toBe('2018-07-02T06:00:00.000Z');
	});

	it('on the day clocks go back, the repeated hour is the first one and later hours are right', () => {
		// 28 October 2018: 04:00 EEST became 03:00 EET.
		expect(instantOf('2018-10-28', '03:30', 'Europe/Bucharest')?.toISOString()).toBe('2018-10-28T00:30:00.000Z');
		expect(instantOf('2018-10-28', '09:00', 'Europe/Bucharest')?.toISOString()).toBe('2018-10-28T07:00:00.000Z');
		expect(instantOf('2018-10-28', '01:00', 'Europe/Bucharest')?.toISOString()).toBe('2018-10-27T22:00:00.000Z');
	});

	it('refuses a time skipped when clocks go forward', () => {
		// 25 March 2018: 03:00 EET became 04:00 EEST.
		expect(instantOf('2018-03-25', '03:30', 'Europe/Bucharest')).toBeNull();
		expect(instantOf('2018-03-25', '04:00', 'Europe/Bucharest')?.toISOString()).toBe('2018-03-25T01:00:00.000Z');
	});

	it('refuses text that is not a date and a time', () => {
		expect(instantOf('21.11.2018', '09:00', 'UTC')).toBeNull();
		expect(instantOf('2018-11-21', '9am', 'UTC')).toBeNull();
		expect(instantOf('2018-11-21', '24:00', 'UTC')).toBeNull();
		expect(instantOf('2018-02-30', '09:00', 'UTC')).toBeNull();
	});

	it('reads zones east and west of UTC', () => {
		expect(instantOf('2023-04-26', '10:00', 'Europe/Kyiv')?.toISOString()).toBe('2023-04-26T07:00:00.000Z');
		expect(instantOf('2023-04-26', '10:00', 'America/New_York')?.toISOString()).toBe('2023-04-26T14:00:00.000Z');
	});
});

describe('wallClockOf', () => {
	it('gives back what instantOf read', () => {
		expect(wallClockOf('2018-11-21T07:00:00Z', 'Europe/Bucharest')).toEqual({ date: '2018-11-21', time: '09:00' });
		expect(wallClockOf('2018-11-21T22:30:00Z', 'Europe/Bucharest')).toEqual({ date: '2018-11-22', time: '00:30' });
	});
});

describe('nextDate', () => {
	it('crosses months and years', () => {
		expect(nextDate('2018-11-30')).toBe('2018-12-01');
		expect(nextDate('2018-12-31')).toBe('2019-01-01');
	});
});
