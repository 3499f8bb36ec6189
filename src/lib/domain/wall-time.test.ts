import { describe, expect, it } from 'vitest';
import { instantToWallTime, wallTimeToInstant } from './wall-time';

describe('wall time in the event time zone', () => {
	it('reads a datetime-local value in the event zone', () => {
		expect(wallTimeToInstant('2018-11-23T10:00', 'Europe/Bucharest')).toBe('2018-11-23T08:00:00.000Z');
		expect(wallTimeToInstant('2018-07-01T10:00', 'Europe/Bucharest')).toBe('2018-07-01T07:00:00.000Z');
		expect(wallTimeToInstant('', 'Europe/Bucharest')).toBeNull();
		expect(wallTimeToInstant('tomorrow', 'UTC')).toBeNull();
	});

	it('writes an instant back as the same wall time', () => {
		expect(instantToWallTime('2018-11-23T08:00:00.000Z', 'Europe/Bucharest')).toBe('2018-11-23T10:00');
		expect(instantToWallTime(null, 'UTC')).toBe('');
		const wall = '2026-03-29T05:30';
		expect(instantToWallTime(wallTimeToInstant(wall, 'Europe/Bucharest'), 'Europe/Bucharest')).toBe(wall);
	});
});
