import { describe, expect, it } from 'vitest';
import { missingLanguages } from './missing-translations';

describe('missingLanguages', () => {
	it('lists the languages a filled field lacks', () => {
		expect(missingLanguages({ en: 'Leadership', ro: '' })).toEqual(['ro', 'ru']);
		expect(missingLanguages({ en: 'a', ro: 'b', ru: 'c' })).toEqual([]);
	});

	it('says nothing of an empty or absent field, and honours the event languages', () => {
		expect(missingLanguages(null)).toEqual([]);
		expect(missingLanguages({})).toEqual([]);
		expect(missingLanguages({ en: 'a' }, ['en', 'ro'])).toEqual(['ro']);
	});
});
