// An organiser types a session's times as the venue's clock shows them ("09:00" on
// 21 November in Bucharest); the database stores instants. These convert between the two
// in the event's IANA time zone, with the daylight-saving changes Intl knows about.
import { safeTimeZone } from '../format.ts';

/** A wall-clock date and time in some time zone: '2018-11-21' and '09:00'. */
export interface WallClock {
	date: string;
	time: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The wall clock of an instant in a time zone. */
export function wallClockOf(instant: string | Date, timeZone: string): WallClock {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: safeTimeZone(timeZone),
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** Milliseconds the zone's clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
	const { date, time } = wallClockOf(new Date(instant), timeZone);
	return Date.parse(`${date}T${time}:00Z`) - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a wall clock shows a date and time in a zone; null when the text is not a
 * date and a time, or when that time does not exist there (skipped when clocks go forward).
 * When clocks go back, an hour happens twice: the first one is taken.
 */
export function instantOf(date: string, time: string, timeZone: string): Date | null {
	if (!DATE.test(date) || !TIME.test(time)) return null;
	const asUtc = Date.parse(`${date}T${time}:00Z`);
	if (Number.isNaN(asUtc)) return null;
	const zone = safeTimeZone(timeZone);
	// Try the offsets in force a day either side: one of them is the zone's offset then.
	const candidates = [...new Set([offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc + 86_400_000, zone)])]
		.map((offset) => asUtc - offset)
		.sort((a, b) => a - b);
	for (const candidate of candidates) {
		const shown = wallClockOf(new Date(candidate), zone);
		if (shown.date === date && shown.time === time) return new Date(candidate);
	}
	return null;
}

/** The calendar day after a date ('2018-11-30' → '2018-12-01'). */
export function nextDate(date: string): string {
	const day = new Date(`${date}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 1);
	return day.toISOString().slice(0, 10);
}
