// Whether a session's times, as an organiser types them, fit the event: the same rules the
// database holds (20261128080000_session_schedule_checks.sql), checked first here so the
// form can say which field is wrong.
import { instantOf, nextDate } from './wall-clock.ts';

export interface ScheduleInput {
	/** The session's date ('2018-11-21'): its day's date, or the date typed for an event without days. */
	date: string;
	startTime: string;
	endTime: string;
}

export interface EventCalendar {
	timezone: string;
	starts_on: string;
	ends_on: string;
}

export type ScheduleProblem =
	| { field: 'startTime' | 'endTime'; problem: 'notInZone' }
	| { field: 'endTime'; problem: 'endsBeforeStart' }
	| { field: 'date'; problem: 'outsideEvent' };

export type ScheduleResult = { ok: true; startsAt: Date; endsAt: Date } | ({ ok: false } & ScheduleProblem);

/**
 * The instants a session runs between, or what is wrong with the times. An end time of
 * 00:00 is midnight at the end of the day, the latest a session can end.
 */
export function checkSchedule(input: ScheduleInput, event: EventCalendar): ScheduleResult {
	if (input.date < event.starts_on || input.date > event.ends_on) {
		return { ok: false, field: 'date', problem: 'outsideEvent' };
	}
	const startsAt = instantOf(input.date, input.startTime, event.timezone);
	if (!startsAt) return { ok: false, field: 'startTime', problem: 'notInZone' };
	const endDate = input.endTime === '00:00' ? nextDate(input.date) : input.date;
	const endsAt = instantOf(endDate, input.endTime, event.timezone);
	if (!endsAt) return { ok: false, field: 'endTime', problem: 'notInZone' };
	if (endsAt.getTime() <= startsAt.getTime()) return { ok: false, field: 'endTime', problem: 'endsBeforeStart' };
	return { ok: true, startsAt, endsAt };
}
