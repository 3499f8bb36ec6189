import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../i18n/merge-messages.ts';
import { readMessages } from '../i18n/message-files.ts';
import { parseForm, translatedText, type FormMessage } from './index.ts';

const [en, ro, ru] = (['en', 'ro', 'ru'] as const).map(readMessages) as [Messages, Messages, Messages];

function post(entries: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(entries)) {
		for (const item of [value].flat()) data.append(name, item);
	}
	return data;
}

const SessionForm = v.pipe(
	v.object({
		title: translatedText({ required: true, maxLength: 40 }),
		room: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(10))),
		seats: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
		format: v.picklist(['panel', 'webinar']),
		day: v.pipe(v.date(), v.minValue(new Date('2026-01-01T00:00:00Z'))),
		languages: v.array(v.picklist(['en', 'ro', 'ru'])),
		contact: v.optional(v.pipe(v.string(), v.trim(), v.email('auth.errors.emailInvalid'))),
		published: v.boolean()
	}),
	// A rule about the whole form, not one field.
	v.check((session) => !session.published || session.languages.length > 0)
);

const valid = {
	'title.en': 'Care reform',
	'title.ro': 'Reforma îngrijirii copiilor',
	'title.ru': '',
	room: ' B2 ',
	seats: '120',
	format: 'panel',
	day: '2026-11-28',
	languages: ['ro', 'ru'],
	published: 'on'
};

describe('parseForm', () => {
	it('gives typed values for a valid post', () => {
		const form = parseForm(post(valid), SessionForm);
		expect(form.valid).toBe(true);
		if (!form.valid) return;
		expect(form.data).toEqual({
			title: { en: 'Care reform', ro: 'Reforma îngrijirii copiilor' },
			room: 'B2',
			seats: 120,
			format: 'panel',
			day: new Date('2026-11-28T00:00:00Z'),
			languages: ['ro', 'ru'],
			published: true
		});
	});

	const refused: { name: string; change: Record<string, string | string[]>; errors: Record<string, FormMessage> }[] = [
		{ name: 'a missing number', change: { seats: '' }, errors: { seats: { key: 'form.error.required' } } },
		{ name: 'not a number', change: { seats: 'many' }, errors: { seats: { key: 'form.error.number' } } },
		{ name: 'a fraction', change: { seats: '2.5' }, errors: { seats: { key: 'form.error.wholeNumber' } } },
		{
			name: 'below the minimum',
			change: { seats: '0' },
			errors: { seats: { key: 'form.error.tooSmall', values: { limit: 1 } } }
		},
		{
			name: 'above the maximum',
			change: { seats: '501' },
			errors: { seats: { key: 'form.error.tooLarge', values: { limit: 500 } } }
		},
		{
			name: 'too long a text',
			change: { room: 'Sala mare de conferințe' },
			errors: { room: { key: 'form.error.tooLong', values: { limit: 10 } } }
		},
		{ name: 'a choice not offered', change: { format: 'gala' }, errors: { format: { key: 'form.error.choice' } } },
		{ name: 'no date', change: { day: '' }, errors: { day: { key: 'form.error.required' } } },
		{ name: 'not a date', change: { day: '28.11.2026' }, errors: { day: { key: 'form.error.date' } } },
		{
			name: 'a date before the earliest',
			change: { day: '2025-12-31' },
			errors: { day: { key: 'form.error.tooSmall', values: { limit: '2026-01-01' } } }
		},
		{
			name: 'a bad item in a list belongs to the list',
			change: { languages: ['ro', 'de'] },
			errors: { languages: { key: 'form.error.choice' } }
		},
		{
			name: 'the schema’s own key for a field',
			change: { contact: 'ioana@' },
			errors: { contact: { key: 'auth.errors.emailInvalid' } }
		},
		{
			name: 'a translated group with no language filled in',
			change: { 'title.en': ' ', 'title.ro': '' },
			errors: { title: { key: 'form.error.translationRequired' } }
		},
		{
			name: 'one language of a group too long',
			change: { 'title.ro': 'Reforma sistemului de îngrijire și protecție a copiilor' },
			errors: { 'title.ro': { key: 'form.error.tooLong', values: { limit: 40 } } }
		},
		{
			name: 'a rule about the whole form',
			change: { languages: [] },
			errors: { form: { key: 'form.error.invalid' } }
		},
		{
			name: 'several fields at once, first issue of each',
			change: { seats: '0', format: '', 'title.en': '', 'title.ro': '' },
			errors: {
				title: { key: 'form.error.translationRequired' },
				seats: { key: 'form.error.tooSmall', values: { limit: 1 } },
				format: { key: 'form.error.required' }
			}
		}
	];

	it.each(refused)('refuses $name with a message key per field and keeps what was typed', ({ change, errors }) => {
		const entries = { ...valid, ...change };
		const form = parseForm(post(entries), SessionForm);
		expect(form.valid).toBe(false);
		if (form.valid) return;
		expect(form.errors).toEqual(errors);
		const failure = form.fail();
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toEqual(errors);
		expect(failure.data.values).toMatchObject({
			seats: entries.seats,
			format: entries.format,
			languages: [entries.languages].flat().filter(Boolean),
			title: { en: entries['title.en'], ro: entries['title.ro'] },
			published: true
		});
	});

	it('fails with a message about the whole form and a status of its own', () => {
		const form = parseForm(post(valid), SessionForm);
		const failure = form.fail(429, 'auth.errors.rateLimited');
		expect(failure.status).toBe(429);
		expect(failure.data).toEqual({ errors: { form: { key: 'auth.errors.rateLimited' } }, values: form.values });
	});

	it('gives keys that exist in English, Romanian and Russian', () => {
		const lookup = (messages: Messages, key: string): unknown =>
			key.split('.').reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], messages);
		const keys = new Set(refused.flatMap(({ errors }) => Object.values(errors).map((message) => message.key)));
		for (const key of keys) {
			for (const [locale, messages] of Object.entries({ en, ro, ru })) {
				expect(typeof lookup(messages, key), `${locale}: ${key}`).toBe('string');
			}
		}
	});
});
