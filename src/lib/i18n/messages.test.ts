// The three message files stay complete, real and well-formed: every key in every
// language, Romanian and Russian actually translated, ICU plurals with the categories
// each language needs.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(messages)) {
		if (typeof value === 'string') out.set(prefix + key, value);
		else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
	}
	return out;
}

const locales = { en: flatten(en), ro: flatten(ro), ru: flatten(ru) };

/** Strings that are the same in every language by nature: names and pure punctuation. */
const SAME_EVERYWHERE = new Set(['app.name', 'event.dates', 'programme.format.panel', 'programme.format.webinar']);
const SAME_IN_RUSSIAN = new Set(['app.name', 'event.dates']);

/** Placeholders and plural/select branches of a message, for comparing across languages. */
function walk(elements: MessageFormatElement[], visit: (element: MessageFormatElement) => void): void {
	for (const element of elements) {
		visit(element);
		if (element.type === TYPE.plural || element.type === TYPE.select) {
			for (const option of Object.values(element.options)) walk(option.value, visit);
		}
		if (element.type === TYPE.tag) walk(element.children, visit);
	}
}

function placeholders(message: string): string[] {
	const names = new Set<string>();
	walk(parse(message), (element) => {
		if ('value' in element && element.type !== TYPE.literal) {
			names.add(String(element.value));
		}
	});
	return [...names].sort();
}

function pluralCategories(message: string): string[][] {
	const found: string[][] = [];
	walk(parse(message), (element) => {
		if (element.type === TYPE.plural) found.push(Object.keys(element.options).sort());
	});
	return found;
}

/** Text a reader sees: ICU syntax and placeholders removed. */
function visibleText(message: string): string {
	const parts: string[] = [];
	walk(parse(message), (element) => {
		if (element.type === TYPE.literal) parts.push(element.value);
	});
	return parts.join(' ');
}

describe('message files', () => {
	it('have the same keys in English, Romanian and Russian', () => {
		const keys = [...locales.en.keys()].sort();
		expect([...locales.ro.keys()].sort()).toEqual(keys);
		expect([...locales.ru.keys()].sort()).toEqual(keys);
	});

	it('are all valid ICU messages with the same placeholders in each language', () => {
		for (const [key, message] of locales.en) {
			const expected = placeholders(message);
			for (const locale of ['ro', 'ru'] as const) {
				const translated = locales[locale].get(key) ?? '';
				expect(() => parse(translated), `${locale}:${key}`).not.toThrow();
				expect(placeholders(translated), `${locale}:${key}`).toEqual(expected);
			}
		}
	});

	it('are translated, not copied from English', () => {
		for (const [key, message] of locales.en) {
			if (!SAME_EVERYWHERE.has(key)) expect(locales.ro.get(key), `ro:${key}`).not.toBe(message);
			if (!SAME_IN_RUSSIAN.has(key)) expect(locales.ru.get(key), `ru:${key}`).not.toBe(message);
		}
	});

	it('write Romanian with its diacritics, comma-below ș and ț', () => {
		const corpus = [...locales.ro.values()].map(visibleText).join('\n');
		for (const letter of ['ș', 'ț', 'ă', 'â', 'î']) expect(corpus, `Romanian uses ${letter}`).toContain(letter);
		// Cedilla ş/ţ are a legacy encoding error; Romanian uses comma-below letters.
		expect(corpus).not.toMatch(/[şţŞŢ]/);
		// Common words that are misspelt without their diacritics.
		const bare = /\b(si|in|intr|pana|dupa|inca|fara|tari|limba romana|sedinta|incercati|deschideti|aceasta pagina)\b/i;
		for (const [key, message] of locales.ro) {
			expect(visibleText(message), `ro:${key}`).not.toMatch(bare);
		}
	});

	it('write Russian in Cyrillic', () => {
		for (const [key, message] of locales.ru) {
			if (SAME_IN_RUSSIAN.has(key)) continue;
			// Example addresses and the product name stay in Latin script.
			const prose = visibleText(message).replace(/\S+@\S+|\bAccord\b/g, '');
			const letters = prose.match(/\p{L}/gu) ?? [];
			if (letters.length === 0) continue;
			const cyrillic = letters.filter((letter) => /\p{Script=Cyrillic}/u.test(letter)).length;
			expect(cyrillic / letters.length, `ru:${key}`).toBeGreaterThan(0.8);
		}
	});

	it('give counts the plural categories each language needs', () => {
		const needed = { en: ['one', 'other'], ro: ['few', 'one', 'other'], ru: ['few', 'many', 'one', 'other'] };
		let pluralMessages = 0;
		for (const [key, message] of locales.en) {
			if (pluralCategories(message).length === 0) continue;
			pluralMessages++;
			for (const locale of ['en', 'ro', 'ru'] as const) {
				const categories = pluralCategories(locales[locale].get(key) ?? '');
				expect(categories.length, `${locale}:${key}`).toBeGreaterThan(0);
				for (const found of categories) {
					expect(found, `${locale}:${key}`).toEqual(expect.arrayContaining(needed[locale]));
				}
			}
		}
		expect(pluralMessages).toBeGreaterThan(0);
	});
});
