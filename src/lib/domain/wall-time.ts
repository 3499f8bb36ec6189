// <input type="datetime-local"> speaks wall-clock time without a zone; a round's opening
// and closing times are instants. The event's time zone relates the two, whatever zone
// the organiser's laptop or the server is in.
import { safeTimeZone } from './format.ts';

/** The offset of `timeZone` from UTC at `instant`, in minutes (Bucharest in winter: 120). */
function offsetMinutes(instant: Date, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: safeTimeZone(timeZone),
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return Math.round((asUtc - instant.getTime()) / 60000);
}

/** '2026-11-28T14:30' in `timeZone` → the instant (ISO string); null for an empty or bad value. */
export function wallTimeToInstant(wall: string, timeZone: string): string | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
	if (!match) return null;
	const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
	const guess = Date.UTC(y, mo - 1, d, h, mi);
	// The offset at the guess, then at the corrected instant (correct across a DST change).
	let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
	instant = guess - offsetMinutes(new Date(instant), timeZone) * 60000;
	return new Date(instant).toISOString();
}

/** An instant → '2026-11-28T14:30' in `timeZone`, for a datetime-local input's value. */
export function instantToWallTime(instant: string | null | undefined, timeZone: string): string {
	if (!instant) return '';
	const date = new Date(instant);
	if (Number.isNaN(date.getTime())) return '';
	const shifted = new Date(date.getTime() + offsetMinutes(date, timeZone) * 60000);
	return shifted.toISOString().slice(0, 16);
}
