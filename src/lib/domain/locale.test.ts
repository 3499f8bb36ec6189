import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, parseAcceptLanguage, resolveLocale } from './locale.ts';

describe('parseAcceptLanguage', () => {
	it('orders tags by weight, keeping header order for ties', () => {
		expect(parseAcceptLanguage('fr;q=0.5, ro-RO, ru;q=0.9, en;q=0.9')).toEqual(['ro-ro', 'ru', 'en', 'fr']);
	});

	it('drops q=0, wildcards and garbage without throwing', () => {
		expect(parseAcceptLanguage('ru;q=0, *, ;q=1, en;q=abc')).toEqual([]);
		expect(parseAcceptLanguage('')).toEqual([]);
		expect(parseAcceptLanguage(undefined)).toEqual([]);
	});
});

describe('localeFromAcceptLanguage', () => {
	it('matches on the primary subtag', () => {
		expect(localeFromAcceptLanguage('ro-MD,ro;q=0.9')).toBe('ro');
		expect(localeFromAcceptLanguage('ru-KZ')).toBe('ru');
	});

	it('skips unsupported languages to the first supported one', () => {
		expect(localeFromAcceptLanguage('uk, de;q=0.8, ru;q=0.7, en;q=0.6')).toBe('ru');
	});

	it('returns undefined when nothing is supported', () => {
		expect(localeFromAcceptLanguage('tlh, xx-YY')).toBeUndefined();
	});
});

describe('resolveLocale', () => {
	it('prefers the member preference, then the cookie, then the header', () => {
		expect(resolveLocale({ preference: 'ru', cookie: 'ro', acceptLanguage: 'en' })).toBe('ru');
		expect(resolveLocale({ cookie: 'ro', acceptLanguage: 'ru' })).toBe('ro');
		expect(resolveLocale({ acceptLanguage: 'ru' })).toBe('ru');
	});

	it('falls back to English for unknown values anywhere', () => {
		expect(resolveLocale({ preference: 'xx', cookie: 'de', acceptLanguage: 'zz' })).toBe('en');
		expect(resolveLocale({ cookie: '../../etc', acceptLanguage: '\u0000' })).toBe('en');
		expect(resolveLocale({})).toBe('en');
	});
});
