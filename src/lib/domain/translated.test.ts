import { describe, expect, it } from 'vitest';
import { localize } from './translated.ts';

describe('localize', () => {
	const title = { en: 'Opening plenary', ro: 'Sesiunea plenară de deschidere', ru: 'Пленарное заседание' };

	it('returns the wanted language when present', () => {
		expect(localize(title, 'ro')).toEqual({ text: 'Sesiunea plenară de deschidere', locale: 'ro', isFallback: false });
	});

	it("falls back to the event's default language and says so", () => {
		expect(localize({ en: 'Only English', ro: 'Doar română' }, 'ru', 'ro')).toEqual({
			text: 'Doar română',
			locale: 'ro',
			isFallback: true
		});
	});

	it('treats blank strings as missing and uses any language left', () => {
		expect(localize({ en: '  ', ru: 'Только русский' }, 'ro', 'en')).toEqual({
			text: 'Только русский',
			locale: 'ru',
			isFallback: true
		});
	});

	it('copes with null and non-objects', () => {
		expect(localize(null, 'en')).toEqual({ text: '', locale: 'en', isFallback: false });
		expect(localize('plain', 'en').text).toBe('');
	});
});
