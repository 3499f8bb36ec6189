import { describe, expect, it } from 'vitest';
import { checkSchedule } from './schedule.ts';

const bucharest = { timezone: 'Europe/Bucharest', starts_on: '2018-11-21', ends_on: '2018-11-23' };

describe('checkSchedule', () => {
	it('gives the instants of a session inside the event', () => {
		const result = checkSchedule({ date: '2018-11-22', startTime: '09:00', endTime: '10:30' }, bucharest);
		expect(result).toEqual({
			ok: true,
			startsAt: new Date('2018-11-22T07:00:00Z'),
			endsAt: new Date('2018-11-22T08:30:00Z')
		});
	});

	it('takes an end at 00:00 as midnight at the end of the day', () => {
		const result = checkSchedule({ date: '2018-11-23', startTime: '19:00', endTime: '00:00' }, bucharest);
		expect(result).toMatchObject({ ok: true, endsAt: new Date('2018-11-23T22:00:00Z') });
	});

	it('refuses an end before or at the start', () => {
		for (const endTime of ['08:59', '09:00']) {
			expect(checkSchedule({ date: '2018-11-22', startTime: '09:00', endTime }, bucharest)).toEqual({
				ok: false,
				field: 'endTime',
				problem: 'endsBeforeStart'
			});
		}
	});

	it('refuses a date before or after the event', () => {
		for (const date of ['2018-11-20', '2018-11-24']) {
			expect(checkSchedule({ date, startTime: '09:00', endTime: '10:00' }, bucharest)).toEqual({
				ok: false,
				field: 'date',
				problem: 'outsideEvent'
			});
		}
	});

	it('refuses a time that is not one, or that the zone skips', () => {
		expect(checkSchedule({ date: '2018-11-22', startTime: '', endTime: '10:00' }, bucharest)).toMatchObject({
			ok: false,
			field: 'startTime'
		});
		const spring = { timezone: 'Europe/Bucharest', starts_on: '2018-03-25', ends_on: '2018-03-25' };
		expect(checkSchedule({ date: '2018-03-25', startTime: '02:00', endTime: '03:30' }, spring)).toEqual({
			ok: false,
			field: 'endTime',
			problem: 'notInZone'
		});
	});
});
