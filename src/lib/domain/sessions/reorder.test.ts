import { describe, expect, it } from 'vitest';
import { dayOrder, moveSession, type PlacedSession, type SessionMove } from './reorder.ts';

const at = (clock: string) => `2018-11-22T${clock}:00.000Z`;

function s(id: string, from: string, to: string, position = 0): PlacedSession {
	return { id, startsAt: at(from), endsAt: at(to), position };
}

/** The day after the moves, as "id from–to #position" in order. */
function after(day: PlacedSession[], moves: SessionMove[]): string[] {
	const moved = day.map((session) => {
		const change = moves.find((m) => m.id === session.id);
		return change
			? { id: session.id, startsAt: change.startsAt, endsAt: change.endsAt, position: change.position }
			: session;
	});
	return dayOrder(moved).map((x) => `${x.id} ${x.startsAt.slice(11, 16)}–${x.endsAt.slice(11, 16)} #${x.position}`);
}

describe('moveSession', () => {
	const day = [s('opening', '07:00', '08:30'), s('panel', '09:00', '10:30'), s('lunch-talk', '10:30', '11:00')];

	it('swaps two sessions, keeping the block, the break between them and each length', () => {
		expect(after(day, moveSession(day, 'panel', 'earlier'))).toEqual([
			'panel 07:00–08:30 #0',
			'opening 09:00–10:30 #0',
			'lunch-talk 10:30–11:00 #0'
		]);
		const uneven = [s('long', '07:00', '09:00'), s('short', '09:30', '10:00')];
		expect(after(uneven, moveSession(uneven, 'long', 'later'))).toEqual([
			'short 07:00–07:30 #0',
			'long 08:00–10:00 #0'
		]);
	});

	it('moving earlier then later is back where it was', () => {
		const once = moveSession(day, 'lunch-talk', 'earlier');
		const moved = day.map((x) => {
			const m = once.find((c) => c.id === x.id);
			return m ? { ...x, startsAt: m.startsAt, endsAt: m.endsAt, position: m.position } : x;
		});
		expect(after(moved, moveSession(moved, 'lunch-talk', 'later'))).toEqual(after(day, []));
	});

	it('does nothing for the first session moved earlier or the last moved later', () => {
		expect(moveSession(day, 'opening', 'earlier')).toEqual([]);
		expect(moveSession(day, 'lunch-talk', 'later')).toEqual([]);
		expect(moveSession(day, 'unknown', 'later')).toEqual([]);
	});

	it('swaps places among parallel sessions without touching their times', () => {
		const parallel = [
			s('plenary', '07:00', '08:00'),
			s('b', '09:00', '10:30', 1),
			s('c', '09:00', '10:30', 2),
			s('d', '09:00', '10:30', 3)
		];
		expect(after(parallel, moveSession(parallel, 'c', 'earlier'))).toEqual([
			'plenary 07:00–08:00 #0',
			'c 09:00–10:30 #0',
			'b 09:00–10:30 #1',
			'd 09:00–10:30 #2'
		]);
	});

	it('moves a whole parallel slot past the slot before it', () => {
		const parallel = [s('plenary', '07:00', '08:00'), s('b', '09:00', '10:30', 0), s('c', '09:00', '10:00', 1)];
		const moves = moveSession(parallel, 'b', 'earlier');
		expect(after(parallel, moves)).toEqual(['b 07:00–08:30 #0', 'c 07:00–08:00 #1', 'plenary 09:30–10:30 #0']);
		expect(moves.find((m) => m.id === 'plenary')?.was).toEqual({
			startsAt: at('07:00'),
			endsAt: at('08:00'),
			position: 0
		});
	});

	it('numbers a slot afresh when positions are equal', () => {
		const tied = [s('x', '09:00', '10:00', 0), s('y', '09:00', '10:00', 0)];
		expect(after(tied, moveSession(tied, 'y', 'earlier'))).toEqual(['y 09:00–10:00 #0', 'x 09:00–10:00 #1']);
	});
});
