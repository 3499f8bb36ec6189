import { describe, expect, it } from 'vitest';
import { filterQuery, hasFilters, NO_FILTERS, nowAndNext, parseFilters, themeKey, timeSlots } from './timetable.ts';

const session = (id: string, starts: string, ends: string, status = 'scheduled') => ({
	id,
	starts_at: `2018-11-21T${starts}:00+02:00`,
	ends_at: `2018-11-21T${ends}:00+02:00`,
	status
});

const DAY = [
	session('opening', '09:00', '10:30'),
	session('panel', '11:00', '12:30'),
	session('parallel-a', '14:00', '15:30'),
	session('parallel-b', '14:00', '15:30'),
	session('parallel-c', '14:15', '15:00'),
	session('closing', '16:00', '17:30')
];
const at = (time: string) => new Date(`2018-11-21T${time}:00+02:00`);
const ids = (sessions: { id: string }[]) => sessions.map((s) => s.id);

describe('nowAndNext', () => {
	it('before the day starts: nothing now, the first session next', () => {
		const { now, next } = nowAndNext(DAY, at('08:00'));
		expect(ids(now)).toEqual([]);
		expect(ids(next)).toEqual(['opening']);
	});

	it('during a session: it is now, the following one is next', () => {
		const { now, next } = nowAndNext(DAY, at('09:45'));
		expect(ids(now)).toEqual(['opening']);
		expect(ids(next)).toEqual(['panel']);
	});

	it('the start instant is inside the session, the end instant is not', () => {
		expect(ids(nowAndNext(DAY, at('11:00')).now)).toEqual(['panel']);
		expect(ids(nowAndNext(DAY, at('12:30')).now)).toEqual([]);
	});

	it('parallel sessions starting together are all next, and all now once they run', () => {
		expect(ids(nowAndNext(DAY, at('13:00')).next)).toEqual(['parallel-a', 'parallel-b']);
		expect(ids(nowAndNext(DAY, at('14:20')).now)).toEqual(['parallel-a', 'parallel-b', 'parallel-c']);
		expect(ids(nowAndNext(DAY, at('14:05')).next)).toEqual(['parallel-c']);
	});

	it('follows the organiser: a live session running over is now, a closed one is not', () => {
		const overrun = DAY.map((s) => (s.id === 'opening' ? { ...s, status: 'live' } : s));
		expect(ids(nowAndNext(overrun, at('10:45')).now)).toEqual(['opening']);
		const endedEarly = DAY.map((s) => (s.id === 'panel' ? { ...s, status: 'closed' } : s));
		expect(ids(nowAndNext(endedEarly, at('12:00')).now)).toEqual([]);
	});

	it('after the last session: nothing now or next', () => {
		expect(nowAndNext(DAY, at('18:00'))).toEqual({ now: [], next: [] });
	});

	it('compares instants, whatever offset each time was written with', () => {
		const utc = { id: 'utc', starts_at: '2018-11-21T07:00:00Z', ends_at: '2018-11-21T08:30:00Z', status: 'scheduled' };
		expect(ids(nowAndNext([utc], at('09:00')).now)).toEqual(['utc']);
	});
});

describe('timeSlots', () => {
	it('groups overlapping sessions into one row and keeps the rest apart', () => {
		expect(timeSlots(DAY).map(ids)).toEqual([
			['opening'],
			['panel'],
			['parallel-a', 'parallel-b', 'parallel-c'],
			['closing']
		]);
	});

	it('sessions back to back are separate rows', () => {
		const backToBack = [session('a', '09:00', '10:00'), session('b', '10:00', '11:00')];
		expect(timeSlots(backToBack).map(ids)).toEqual([['a'], ['b']]);
	});

	it('an empty day has no rows', () => {
		expect(timeSlots([])).toEqual([]);
	});
});

describe('parseFilters', () => {
	const known = { days: [1, 2, 3], formats: ['plenary', 'panel', 'parallel'], themes: ['workforce-planning'] };
	const parse = (query: string) => parseFilters(new URLSearchParams(query), known);

	it('reads day, format and theme from the query', () => {
		expect(parse('day=2&format=panel&theme=workforce-planning')).toEqual({
			day: 2,
			format: 'panel',
			theme: 'workforce-planning'
		});
	});

	it('no query, no filters', () => {
		expect(parse('')).toEqual(NO_FILTERS);
		expect(hasFilters(parse(''))).toBe(false);
	});

	it('ignores what the event does not have rather than showing nothing', () => {
		expect(parse('day=9&format=banquet&theme=unknown')).toEqual(NO_FILTERS);
		expect(parse('day=1.5')).toEqual(NO_FILTERS);
		expect(parse('day=')).toEqual(NO_FILTERS);
		expect(parse('day=abc&format=')).toEqual(NO_FILTERS);
	});

	it('an empty select from the no-JavaScript form means "all"', () => {
		expect(parse('day=&format=plenary&theme=')).toEqual({ ...NO_FILTERS, format: 'plenary' });
	});

	it('round-trips through filterQuery', () => {
		const filters = { day: 3, format: 'parallel', theme: 'workforce-planning' };
		expect(parse(filterQuery(filters).slice(1))).toEqual(filters);
		expect(filterQuery(NO_FILTERS)).toBe('');
		expect(filterQuery({ ...NO_FILTERS, day: 1 })).toBe('?day=1');
	});
});

describe('themeKey', () => {
	it('makes a URL-safe key from a theme in any script', () => {
		expect(themeKey('Workforce planning')).toBe('workforce-planning');
		expect(themeKey('  Developing & supporting the workforce! ')).toBe('developing-supporting-the-workforce');
		expect(themeKey('Planificarea personalului din serviciile sociale')).toBe(
			'planificarea-personalului-din-serviciile-sociale'
		);
		expect(themeKey('Планирование кадров')).toBe('планирование-кадров');
	});
});
