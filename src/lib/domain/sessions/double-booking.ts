// Double-booking: a room holding two sessions at once, or a person expected in two places.
// It is a warning, never a refusal (a chair may leave one panel early for another, a room
// may be split), so it lives here and not in the database: the organiser sees what clashes
// and confirms.

export interface BookedPerson {
	/** A member of the event, matched by id. */
	memberId: string | null;
	/** As shown: the member's name, or the free-text name. */
	name: string;
}

export interface BookedSession {
	id: string;
	startsAt: string | Date;
	endsAt: string | Date;
	room: string | null;
	people: readonly BookedPerson[];
}

export type Conflict =
	{ kind: 'room'; sessionId: string; room: string } | { kind: 'person'; sessionId: string; person: string };

/** Names compared as a person reads them: case, accents and spacing aside. */
export function sameName(a: string, b: string): boolean {
	const normal = (name: string) =>
		name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
	return normal(a) !== '' && normal(a) === normal(b);
}

/** Two members are the same person by id; a free-text name matches anyone of that name. */
function samePerson(a: BookedPerson, b: BookedPerson): boolean {
	if (a.memberId && b.memberId) return a.memberId === b.memberId;
	return sameName(a.name, b.name);
}

function overlaps(a: BookedSession, b: BookedSession): boolean {
	const time = (value: string | Date) => new Date(value).getTime();
	return time(a.startsAt) < time(b.endsAt) && time(b.startsAt) < time(a.endsAt);
}

/** What `session` clashes with among `others` (itself excluded), in the order of `others`. */
export function findConflicts(session: BookedSession, others: readonly BookedSession[]): Conflict[] {
	const conflicts: Conflict[] = [];
	for (const other of others) {
		if (other.id === session.id || !overlaps(session, other)) continue;
		if (session.room && other.room && sameName(session.room, other.room)) {
			conflicts.push({ kind: 'room', sessionId: other.id, room: session.room.trim() });
		}
		const clashing = new Set<string>();
		for (const person of session.people) {
			if (other.people.some((theirs) => samePerson(person, theirs))) clashing.add(person.name.trim());
		}
		for (const person of clashing) conflicts.push({ kind: 'person', sessionId: other.id, person });
	}
	return conflicts;
}

/**
 * A short text naming exactly these conflicts. The organiser's "save anyway" carries it:
 * if the clashes change before they confirm (another time typed, a person added), the
 * confirmation no longer matches and they are warned again.
 */
export function conflictsFingerprint(conflicts: readonly Conflict[]): string {
	const parts = conflicts
		.map((c) => (c.kind === 'room' ? `r:${c.sessionId}:${c.room}` : `p:${c.sessionId}:${c.person}`))
		.sort()
		.join('|');
	// FNV-1a: short, stable, and nothing secret is at stake.
	let hash = 0x811c9dc5;
	for (const char of parts) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${conflicts.length}-${hash.toString(36)}`;
}
