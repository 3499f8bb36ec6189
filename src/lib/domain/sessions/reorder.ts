// Moving a session earlier or later in its day, with keyboard buttons (no dragging needed).
// A day's sessions are in time slots: the sessions starting at the same moment run in
// parallel, in the order of their position. Moving a session past a neighbour in its own
// slot swaps their places; moving it past a neighbour in another slot swaps the two slots'
// times, so the block from the first start to the last end stays where it was, with the
// same break between the slots, and every session keeps its length.

export interface PlacedSession {
	id: string;
	startsAt: string;
	endsAt: string;
	position: number;
}

export type Direction = 'earlier' | 'later';

export interface SessionMove {
	id: string;
	startsAt: string;
	endsAt: string;
	position: number;
	was: { startsAt: string; endsAt: string; position: number };
}

const time = (value: string) => new Date(value).getTime();

/** The order of a day: by start, then position, then id (a stable tie-break). */
export function dayOrder(sessions: readonly PlacedSession[]): PlacedSession[] {
	return [...sessions].sort(
		(a, b) => time(a.startsAt) - time(b.startsAt) || a.position - b.position || a.id.localeCompare(b.id)
	);
}

function move(
	session: PlacedSession,
	changes: Partial<Pick<SessionMove, 'startsAt' | 'endsAt' | 'position'>>
): SessionMove {
	return {
		id: session.id,
		startsAt: changes.startsAt ?? session.startsAt,
		endsAt: changes.endsAt ?? session.endsAt,
		position: changes.position ?? session.position,
		was: { startsAt: session.startsAt, endsAt: session.endsAt, position: session.position }
	};
}

const shifted = (instant: string, by: number) => new Date(time(instant) + by).toISOString();

/**
 * The changes that move one session of a day (`day`: that day's sessions) one step in a
 * direction; an empty list when it is already first or last.
 */
export function moveSession(day: readonly PlacedSession[], id: string, direction: Direction): SessionMove[] {
	const ordered = dayOrder(day);
	const index = ordered.findIndex((session) => session.id === id);
	const neighbourIndex = direction === 'earlier' ? index - 1 : index + 1;
	const session = ordered[index];
	const neighbour = ordered[neighbourIndex];
	if (!session || !neighbour) return [];

	if (time(session.startsAt) === time(neighbour.startsAt)) {
		// Parallel sessions: swap places, numbering the slot afresh so equal positions cannot stall.
		const slot = ordered.filter((s) => time(s.startsAt) === time(session.startsAt));
		const from = slot.indexOf(session);
		const to = slot.indexOf(neighbour);
		[slot[from], slot[to]] = [slot[to]!, slot[from]!];
		return slot.flatMap((s, position) => (s.position === position ? [] : [move(s, { position })]));
	}

	const [first, second] = direction === 'earlier' ? [neighbour, session] : [session, neighbour];
	const slotOf = (anchor: PlacedSession) => ordered.filter((s) => time(s.startsAt) === time(anchor.startsAt));
	const earlySlot = slotOf(first);
	const lateSlot = slotOf(second);
	const lastEnd = (slot: PlacedSession[]) => Math.max(...slot.map((s) => time(s.endsAt)));
	// The late slot starts where the early one started; the early one ends where the late one ended.
	const lateShift = time(first.startsAt) - time(second.startsAt);
	const earlyShift = lastEnd(lateSlot) - lastEnd(earlySlot);
	return [
		...lateSlot.map((s) => move(s, { startsAt: shifted(s.startsAt, lateShift), endsAt: shifted(s.endsAt, lateShift) })),
		...earlySlot.map((s) =>
			move(s, { startsAt: shifted(s.startsAt, earlyShift), endsAt: shifted(s.endsAt, earlyShift) })
		)
	];
}
