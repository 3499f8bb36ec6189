import { describe, expect, it } from 'vitest';
import { conflictsFingerprint, findConflicts, sameName, type BookedSession } from './double-booking.ts';

const ioana = { memberId: 'm-ioana', name: 'Ioana Dumitrescu' };
const guest = { memberId: null, name: 'Olena Kovalenko' };

function session(id: string, from: string, to: string, more: Partial<BookedSession> = {}): BookedSession {
	return {
		id,
		startsAt: `2018-11-22T${from}:00+02:00`,
		endsAt: `2018-11-22T${to}:00+02:00`,
		room: null,
		people: [],
		...more
	};
}

describe('findConflicts', () => {
	it('finds a room used twice at overlapping times, whatever its case and spacing', () => {
		const mine = session('new', '09:00', '10:30', { room: 'Sala A' });
		const others = [
			session('s1', '10:00', '11:00', { room: ' sala  a ' }),
			session('s2', '10:00', '11:00', { room: 'B' })
		];
		expect(findConflicts(mine, others)).toEqual([{ kind: 'room', sessionId: 's1', room: 'Sala A' }]);
	});

	it('sessions that only touch (one ends as the other starts) do not clash', () => {
		const mine = session('new', '09:00', '10:30', { room: 'A', people: [ioana] });
		expect(findConflicts(mine, [session('s1', '10:30', '12:00', { room: 'A', people: [ioana] })])).toEqual([]);
	});

	it('finds a member on two sessions at once, by member id, whatever their role', () => {
		const mine = session('new', '09:00', '10:30', { people: [ioana] });
		const renamed = { memberId: 'm-ioana', name: 'I. Dumitrescu' };
		const namesake = { memberId: 'm-other', name: 'Ioana Dumitrescu' };
		expect(
			findConflicts(mine, [
				session('s1', '09:30', '10:00', { people: [renamed] }),
				session('s2', '09:30', '10:00', { people: [namesake] })
			])
		).toEqual([{ kind: 'person', sessionId: 's1', person: 'Ioana Dumitrescu' }]);
	});

	it('matches a free-text name to a member or another free-text name, accents aside', () => {
		const mine = session('new', '09:00', '10:30', { people: [guest, { memberId: null, name: 'Ioana Dumitrescu' }] });
		const others = [
			session('s1', '09:00', '10:30', { people: [ioana] }),
			session('s2', '09:00', '10:30', { people: [{ memberId: null, name: 'olena  kovalenko' }] })
		];
		expect(findConflicts(mine, others)).toEqual([
			{ kind: 'person', sessionId: 's1', person: 'Ioana Dumitrescu' },
			{ kind: 'person', sessionId: 's2', person: 'Olena Kovalenko' }
		]);
	});

	it('names a person once per clashing session even when they hold two roles there', () => {
		const mine = session('new', '09:00', '10:30', { people: [ioana, ioana] });
		expect(findConflicts(mine, [session('s1', '09:00', '10:30', { people: [ioana] })])).toHaveLength(1);
	});

	it('never reports the session against itself (an edit)', () => {
		const mine = session('s1', '09:00', '10:30', { room: 'A', people: [ioana] });
		expect(findConflicts(mine, [mine])).toEqual([]);
	});
});

describe('sameName', () => {
	it('ignores case, accents and spacing but not other letters', () => {
		expect(sameName('Amra Hadžić', 'amra hadzic')).toBe(true);
		expect(sameName('Ana', 'Anna')).toBe(false);
		expect(sameName(' ', ' ')).toBe(false);
	});
});

describe('conflictsFingerprint', () => {
	it('is the same for the same conflicts in any order, and differs when they change', () => {
		const a = { kind: 'room', sessionId: 's1', room: 'A' } as const;
		const b = { kind: 'person', sessionId: 's2', person: 'Ioana Dumitrescu' } as const;
		expect(conflictsFingerprint([a, b])).toBe(conflictsFingerprint([b, a]));
		expect(conflictsFingerprint([a])).not.toBe(conflictsFingerprint([a, b]));
		expect(conflictsFingerprint([a])).not.toBe(conflictsFingerprint([{ ...a, sessionId: 's3' }]));
	});
});
