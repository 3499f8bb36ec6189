import { describe, expect, it } from 'vitest';
import { missingIn, untranslated, untranslatedCounts } from './translations.ts';

const all = ['en', 'ro', 'ru'] as const;

describe('untranslated', () => {
	it('a title must be in every working language; a blank one counts as missing', () => {
		expect(untranslated({ title: { en: 'Opening', ro: ' ', ru: 'Открытие' }, description: null }, all)).toEqual(['ro']);
	});

	it('a description is needed in every language once it is in one', () => {
		const title = { en: 'Opening', ro: 'Deschidere', ru: 'Открытие' };
		expect(untranslated({ title, description: { en: 'Welcome' } }, all)).toEqual(['ro', 'ru']);
		expect(untranslated({ title, description: {} }, all)).toEqual([]);
	});

	it('only the event’s working languages count', () => {
		expect(untranslated({ title: { en: 'Opening', ro: 'Deschidere' }, description: null }, ['en', 'ro'])).toEqual([]);
	});
});

describe('untranslatedCounts', () => {
	it('counts sessions per missing language', () => {
		const sessions = [
			{ title: { en: 'A' }, description: null },
			{ title: { en: 'B', ro: 'B' }, description: null },
			{ title: { en: 'C', ro: 'C', ru: 'C' }, description: null }
		];
		expect(untranslatedCounts(sessions, all)).toEqual([
			{ locale: 'en', count: 0 },
			{ locale: 'ro', count: 1 },
			{ locale: 'ru', count: 2 }
		]);
	});
});

describe('missingIn', () => {
	it('names the languages a text lacks, none when there is no text at all', () => {
		expect(missingIn({ en: 'Hall' }, all)).toEqual(['ro', 'ru']);
		expect(missingIn(null, all)).toEqual([]);
	});
});
