// The .ics files as a calendar reads them: parsed back with node-ical, a standard parser.
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { programmeCalendar, type CalendarEvent, type CalendarSession } from './calendar.ts';

const EVENT: CalendarEvent = {
	slug: 'autumn-forum',
	title: { en: 'Autumn forum', ro: 'Forumul de toamnă', ru: 'Осенний форум' },
	venue: { en: 'Palace of Parliament', ro: 'Palatul Parlamentului' },
	timezone: 'Europe/Bucharest',
	default_language: 'en'
};

// Bucharest leaves summer time at 04:00 on Sunday 25 October 2026 (UTC+3 → UTC+2): the same
// 10:00 wall-clock start is 07:00 UTC the day before and 08:00 UTC the day after.
const BEFORE_DST_END: CalendarSession = {
	id: '11111111-1111-4111-8111-111111111111',
	starts_at: '2026-10-24T07:00:00+00:00',
	ends_at: '2026-10-24T08:30:00+00:00',
	room: 'Sala Unirii',
	title: { en: 'Opening plenary', ro: 'Plenara de deschidere', ru: 'Пленарное заседание открытия' },
	description: { en: 'Welcome & <b>goals</b>' },
	status: 'scheduled'
};
const AFTER_DST_END: CalendarSession = {
	...BEFORE_DST_END,
	id: '22222222-2222-4222-8222-222222222222',
	starts_at: '2026-10-26T08:00:00+00:00',
	ends_at: '2026-10-26T09:30:00+00:00',
	title: { en: 'Closing plenary', ro: 'Plenara de închidere' },
	description: null
};

function parse(locale: 'en' | 'ro' | 'ru') {
	const text = programmeCalendar({
		event: EVENT,
		sessions: [BEFORE_DST_END, AFTER_DST_END],
		locale,
		origin: 'https://accord.example',
		host: 'accord.example'
	}).toString();
	const events = Object.values(ical.sync.parseICS(text)).filter((item) => item?.type === 'VEVENT');
	return { text, events: events as ical.VEvent[] };
}

/** node-ical gives a property with parameters (URL;VALUE=URI) as { params, val }. */
const valueOf = (property: unknown) =>
	property && typeof property === 'object' && 'val' in property ? String(property.val) : String(property);

const bucharestWallClock = (date: Date) =>
	new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Bucharest', hour: '2-digit', minute: '2-digit' }).format(date);

describe('programmeCalendar', () => {
	it('keeps each session’s instants across the end of summer time in Bucharest', () => {
		const { events } = parse('en');
		expect(events.map((event) => event.start.toISOString())).toEqual([
			'2026-10-24T07:00:00.000Z',
			'2026-10-26T08:00:00.000Z'
		]);
		expect(events.map((event) => event.end?.toISOString())).toEqual([
			'2026-10-24T08:30:00.000Z',
			'2026-10-26T09:30:00.000Z'
		]);
		// Both start at ten o'clock in the event's own time zone.
		expect(events.map((event) => bucharestWallClock(event.start))).toEqual(['10:00', '10:00']);
	});

	it('writes times as UTC instants, so no calendar has to guess a zone', () => {
		const { text } = parse('en');
		expect(text).toMatch(/DTSTART:20261024T070000Z/);
		expect(text).toMatch(/DTSTART:20261026T080000Z/);
		expect(text).not.toMatch(/DTSTART;TZID/);
	});

	it('titles sessions in the reader’s language, falling back to the event’s default', () => {
		expect(parse('ro').events.map((event) => event.summary)).toEqual(['Plenara de deschidere', 'Plenara de închidere']);
		expect(parse('ru').events.map((event) => event.summary)).toEqual([
			'Пленарное заседание открытия',
			'Closing plenary'
		]);
	});

	it('links each entry to its session page and gives it a UID that survives a re-export', () => {
		const first = parse('en').events;
		const again = parse('ro').events;
		expect(first.map((event) => event.uid)).toEqual(again.map((event) => event.uid));
		expect(first[0]!.uid).toBe(`${BEFORE_DST_END.id}@accord.example`);
		expect(valueOf(first[0]!.url)).toBe(`https://accord.example/autumn-forum/programme/${BEFORE_DST_END.id}`);
		expect(first[0]!.location).toBe('Sala Unirii, Palace of Parliament');
		expect(first[0]!.description).toContain('Welcome & <b>goals</b>');
	});
});
