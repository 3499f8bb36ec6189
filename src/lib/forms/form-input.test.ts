import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { translatedText } from './fields.ts';
import { readFormData } from './form-input.ts';

function post(...entries: [string, string | File][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

const Schema = v.object({
	name: v.string(),
	note: v.optional(v.string()),
	seats: v.number(),
	maybeSeats: v.optional(v.number()),
	agree: v.boolean(),
	day: v.date(),
	languages: v.array(v.picklist(['en', 'ro', 'ru'])),
	scores: v.optional(v.array(v.number())),
	title: translatedText(),
	choice: v.optional(v.picklist(['a', 'b']), 'a')
});

/** What an empty post reads as: an unchecked box, empty lists, an empty group. */
const NOTHING = { agree: false, languages: [], scores: [], title: {} };

describe('readFormData', () => {
	const cases: {
		name: string;
		entries: [string, string][];
		input: Record<string, unknown>;
		values: Record<string, unknown>;
	}[] = [
		{
			name: 'an empty post: unchecked box is false, lists are empty, groups are empty objects',
			entries: [],
			input: NOTHING,
			values: NOTHING
		},
		{
			name: 'text as typed, numbers and dates as numbers and dates',
			entries: [
				['name', ' Ioana '],
				['seats', '12'],
				['day', '2026-11-28']
			],
			input: {
				name: ' Ioana ',
				seats: 12,
				day: new Date('2026-11-28T00:00:00Z'),
				...NOTHING
			},
			values: { name: ' Ioana ', seats: '12', day: '2026-11-28', ...NOTHING }
		},
		{
			name: 'an empty required text stays empty; an empty optional text, number or date is left out',
			entries: [
				['name', ''],
				['note', '  '],
				['seats', ''],
				['maybeSeats', ''],
				['day', '']
			],
			input: { name: '', ...NOTHING },
			values: { name: '', note: '  ', seats: '', maybeSeats: '', day: '', ...NOTHING }
		},
		{
			name: 'a number that is not one stays NaN for the schema to refuse, the text is kept',
			entries: [['seats', 'twelve']],
			input: { seats: NaN, ...NOTHING },
			values: { seats: 'twelve', ...NOTHING }
		},
		{
			name: 'a date-time without a zone is not guessed',
			entries: [['day', '2026-11-28T10:30']],
			input: { day: '2026-11-28T10:30', ...NOTHING },
			values: { day: '2026-11-28T10:30', ...NOTHING }
		},
		{
			name: 'a checked box is true, also after a hidden "false"',
			entries: [
				['agree', 'false'],
				['agree', 'on']
			],
			input: { ...NOTHING, agree: true },
			values: { ...NOTHING, agree: true }
		},
		{
			name: 'a hidden "false" alone is an unchecked box',
			entries: [['agree', 'false']],
			input: NOTHING,
			values: NOTHING
		},
		{
			name: 'repeated names make a list, blank rows dropped, items coerced by the item schema',
			entries: [
				['languages', 'ro'],
				['languages', ''],
				['languages', 'ru'],
				['scores', '3'],
				['scores', '4.5']
			],
			input: { ...NOTHING, languages: ['ro', 'ru'], scores: [3, 4.5] },
			values: { ...NOTHING, languages: ['ro', 'ru'], scores: ['3', '4.5'] }
		},
		{
			name: 'a translated group from dotted names; an empty language is left out of the input',
			entries: [
				['title.en', 'Care reform'],
				['title.ro', ''],
				['title.ru', 'Реформа системы защиты детей']
			],
			input: { ...NOTHING, title: { en: 'Care reform', ru: 'Реформа системы защиты детей' } },
			values: {
				...NOTHING,
				title: { en: 'Care reform', ro: '', ru: 'Реформа системы защиты детей' }
			}
		},
		{
			name: 'fields the schema does not name are not read',
			entries: [
				['role', 'organiser'],
				['title.de', 'Reform']
			],
			input: NOTHING,
			values: NOTHING
		}
	];

	it.each(cases)('$name', ({ entries, input, values }) => {
		const read = readFormData(Schema, post(...entries));
		expect(read.input).toEqual(input);
		expect(read.values).toEqual(values);
	});

	it('never echoes a file, and reads an empty file input as no file', () => {
		const Upload = v.object({ sheet: v.optional(v.file()) });
		const csv = new File(['code,title\n'], 'rows.csv', { type: 'text/csv' });
		expect(readFormData(Upload, post(['sheet', csv]))).toEqual({ input: { sheet: csv }, values: {} });
		expect(readFormData(Upload, post(['sheet', new File([], '')]))).toEqual({ input: {}, values: {} });
	});

	it('refuses a schema that is not an object', () => {
		expect(() => readFormData(v.string(), post())).toThrow(TypeError);
	});
});
