import { describe, expect, it } from 'vitest';
import type { Locale } from '../../domain/locale.ts';
import { displayValue, sortRows, type Column, type SortDirection } from './data-table.ts';

interface Person {
	name: string;
	seats: number | null;
	joined?: Date;
}

const people: Person[] = [
	{ name: 'Țurcanu', seats: 10, joined: new Date('2026-03-01') },
	{ name: 'Sorin', seats: 2 },
	{ name: 'Șerban', seats: null, joined: new Date('2025-12-24') },
	{ name: 'item 10', seats: 100, joined: new Date('2026-01-15') },
	{ name: 'item 2', seats: 2 }
];

const byName: Column<Person> = { key: 'name', header: 'Name', value: (p) => p.name };
const bySeats: Column<Person> = { key: 'seats', header: 'Seats', value: (p) => p.seats };
const byJoined: Column<Person> = { key: 'joined', header: 'Joined', value: (p) => p.joined };

describe('sortRows', () => {
	const cases: { column: Column<Person>; direction: SortDirection; locale: Locale; names: string[] }[] = [
		{
			column: byName,
			direction: 'ascending',
			locale: 'ro',
			names: ['item 2', 'item 10', 'Sorin', 'Șerban', 'Țurcanu']
		},
		{
			column: byName,
			direction: 'ascending',
			locale: 'en',
			names: ['item 2', 'item 10', 'Șerban', 'Sorin', 'Țurcanu']
		},
		{
			column: byName,
			direction: 'descending',
			locale: 'ro',
			names: ['Țurcanu', 'Șerban', 'Sorin', 'item 10', 'item 2']
		},
		{
			column: bySeats,
			direction: 'ascending',
			locale: 'en',
			names: ['Sorin', 'item 2', 'Țurcanu', 'item 10', 'Șerban']
		},
		{
			column: bySeats,
			direction: 'descending',
			locale: 'en',
			names: ['item 10', 'Țurcanu', 'Sorin', 'item 2', 'Șerban']
		},
		{
			column: byJoined,
			direction: 'ascending',
			locale: 'en',
			names: ['Șerban', 'item 10', 'Țurcanu', 'Sorin', 'item 2']
		}
	];

	it.each(cases)('$column.key $direction in $locale', ({ column, direction, locale, names }) => {
		expect(sortRows(people, column, direction, locale).map((p) => p.name)).toEqual(names);
	});

	it('leaves the rows it was given alone', () => {
		const before = people.map((p) => p.name);
		sortRows(people, byName, 'ascending', 'ro');
		expect(people.map((p) => p.name)).toEqual(before);
	});
});

describe('displayValue', () => {
	it.each([
		{ value: 1234.5, locale: 'ro', text: '1.234,5' },
		{ value: 12345, locale: 'ru', text: '12 345' },
		{ value: new Date('2026-11-28T12:00:00Z'), locale: 'en', text: '28 Nov 2026' },
		{ value: null, locale: 'en', text: '' },
		{ value: 'Chișinău', locale: 'ro', text: 'Chișinău' }
	] satisfies { value: unknown; locale: Locale; text: string }[])('$value in $locale', ({ value, locale, text }) => {
		expect(displayValue(value, locale).replace(/\s/g, ' ')).toBe(text);
	});
});
