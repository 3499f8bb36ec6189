// The message files stay complete, real and well-formed: every key in every
// language, Romanian and Russian actually translated, ICU plurals with the categories
// each language needs.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/locale.ts';
import { GLOSSARY, RETIRED } from './glossary.ts';
import { readSeedTranslations } from './seed-translations.ts';
import type { Messages } from './merge-messages.ts';
import { messageFiles, readMessages } from './message-files.ts';

const [en, ro, ru] = (['en', 'ro', 'ru'] as const).map(readMessages) as [Messages, Messages, Messages];

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
const SAME_EVERYWHERE = new Set(['app.name', 'programme.format.panel', 'programme.format.webinar']);
const SAME_IN_RUSSIAN = new Set(['app.name']);

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
	it('are split the same way in each language, one feature per file', () => {
		const files = (locale: string) => Object.keys(messageFiles(locale));
		expect(files('ro')).toEqual(files('en'));
		expect(files('ru')).toEqual(files('en'));
		for (const locale of LOCALES) {
			for (const [file, messages] of Object.entries(messageFiles(locale))) {
				expect(Object.keys(messages).sort(), `${locale}/${file}`).toEqual(
					Object.keys(messageFiles('en')[file] ?? {}).sort()
				);
			}
		}
	});

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
		// Letter boundaries in any script: JavaScript's \b takes "ț" for a non-letter and would
		// find "in" inside "puțin".
		const bare =
			/(?<!\p{L})(si|in|intr|pana|dupa|inca|fara|tari|limba romana|sedinta|incercati|deschideti|aceasta pagina)(?!\p{L})/iu;
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

/** Every value a message's placeholders can take that changes its wording. */
function sampleValues(message: string): Record<string, string | number>[] {
	const selects = new Map<string, string[]>();
	const names = new Set<string>();
	walk(parse(message), (element) => {
		if (element.type === TYPE.literal || element.type === TYPE.pound) return;
		if ('value' in element) names.add(String(element.value));
		if (element.type === TYPE.select) selects.set(element.value, Object.keys(element.options));
	});
	let samples: Record<string, string | number>[] = [Object.fromEntries([...names].map((name) => [name, 2]))];
	for (const [name, options] of selects) {
		samples = samples.flatMap((sample) => options.map((option) => ({ ...sample, [name]: option })));
	}
	for (const count of [1, 5]) if (names.has('count')) samples.push({ ...samples[0], count });
	return samples;
}

function render(locale: string, message: string, values: Record<string, string | number>): string {
	return String(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values));
}

/** Every wording a reader can see of each message, for checks on the text itself. */
function renderings(locale: 'en' | 'ro' | 'ru'): [string, string][] {
	return [...locales[locale]].flatMap(([key, message]) =>
		sampleValues(message).map((values): [string, string] => [key, render(locale, message, values)])
	);
}

const seedSql = readFileSync(new URL('../../../supabase/seed.sql', import.meta.url), 'utf8');
const seedRows = readSeedTranslations(seedSql);

describe('the glossary', () => {
	it('is read from every translated row of the seed', () => {
		expect(seedRows.length).toBeGreaterThan(100);
	});

	it("is read from the seed's venue and every guest's affiliation too", () => {
		// A plain string there would escape every check below, and stay English on ro/ru pages.
		const guestRow = /^\s*\('[\w-]+', '(chair|resource_person|speaker|rapporteur)', null, '[^']+',(.*)$/gm;
		const guests = [...seedSql.matchAll(guestRow)];
		expect(guests.length).toBeGreaterThanOrEqual(15);
		for (const [row, , rest] of guests) expect(rest?.trim(), row).toBe('');
		const translatedGuests = seedSql.match(/null, '[^']+',\n\s*pg_temp\.tr\(/g) ?? [];
		expect(translatedGuests).toHaveLength(guests.length);
		expect(seedRows.find((row) => row.en === 'Bucharest, Romania')).toMatchObject({
			ro: 'București, România',
			ru: 'Бухарест, Румыния'
		});
	});

	for (const [term, pattern] of Object.entries(GLOSSARY)) {
		it(`renders "${term}" the same way in every message and seed row`, () => {
			const texts = [
				...[...locales.en.keys()].map((key) => ({
					where: key,
					en: visibleText(locales.en.get(key) ?? ''),
					ro: visibleText(locales.ro.get(key) ?? ''),
					ru: visibleText(locales.ru.get(key) ?? '')
				})),
				...seedRows.map((row) => ({ where: `seed.sql line ${row.line}`, ...row }))
			];
			const misses = texts
				.filter((text) => pattern.en.test(text.en))
				.flatMap((text) =>
					(['ro', 'ru'] as const).filter((l) => !pattern[l].test(text[l])).map((l) => `${l} ${text.where}: ${text[l]}`)
				);
			expect(misses, `"${term}" not rendered as the glossary says`).toEqual([]);
		});
	}

	it('leaves out the words it replaced', () => {
		for (const locale of ['ro', 'ru'] as const) {
			const texts = [
				...[...locales[locale]].map(([key, message]) => [key, visibleText(message)]),
				...seedRows.map((row) => [`seed.sql line ${row.line}`, row[locale]])
			];
			// Recommendations are single-language rows outside pg_temp.tr: read the whole file too.
			texts.push(['seed.sql', seedSql]);
			const found = texts.filter(([, text]) => RETIRED[locale].some((retired) => retired.test(text ?? '')));
			expect(found, `${locale}: retired words`).toEqual([]);
		}
	});

	it('says "Call to Action" in English, in the UI and the seed', () => {
		expect(seedSql).not.toMatch(/Call for Action/i);
		for (const [key, message] of locales.en) expect(message, key).not.toMatch(/Call for Action/i);
	});
});

describe('spelling and formatting policy', () => {
	it('writes Russian without ё, in the UI and the seed alike', () => {
		for (const [key, message] of locales.ru) expect(message, `ru:${key}`).not.toMatch(/[ёЁ]/);
		const lines = seedSql.split('\n');
		const withYo = lines.map((line, index) => [index + 1, line] as const).filter(([, line]) => /[ёЁ]/.test(line));
		expect(withYo, 'seed.sql lines with ё').toEqual([]);
	});

	it('writes percentages with the decimal comma and spacing of each language', () => {
		const values = { count: 12, quorum: 50, threshold: 66.67 };
		const summary = (locale: 'en' | 'ro' | 'ru') =>
			render(locale, locales[locale].get('indicators.roundSummary')!, values);
		expect(summary('en')).toContain('66.67%');
		// Romanian and Russian put a (no-break) space before the sign.
		expect(summary('ro')).toMatch(/cvorum 50\u00a0% · prag de adoptare 66,67\u00a0%/);
		expect(summary('ru')).toMatch(/кворум 50\u00a0% · порог принятия 66,67\u00a0%/);
		// No message prints a bare number argument where a decimal could appear.
		for (const locale of LOCALES) {
			for (const [key, message] of locales[locale]) {
				expect(message, `${locale}:${key}`).not.toMatch(/\{(quorum|threshold|percent|value)\}/);
			}
		}
	});

	it("names other languages in the reader's language, never by their endonym", () => {
		const endonyms = { en: 'English', ro: 'Română', ru: 'Русский' } as const;
		for (const reader of ['ro', 'ru'] as const) {
			const foreign = Object.entries(endonyms)
				.filter(([language]) => language !== reader)
				.map(([, name]) => name);
			// English names of languages are as out of place in a Romanian or Russian sentence.
			const forbidden = new RegExp(`(${[...foreign, 'Romanian', 'Russian'].join('|')})`, 'iu');
			for (const [key, text] of renderings(reader)) expect(text, `${reader}:${key}`).not.toMatch(forbidden);
		}
		// Both messages that name a language in a sentence take its code, not a name.
		for (const key of ['programme.fallback', 'cta.masterLanguage']) {
			for (const language of LOCALES) {
				expect(render('ro', locales.ro.get(key)!, { language }), key).not.toContain(endonyms[language]);
				expect(render('ru', locales.ru.get(key)!, { language }), key).not.toContain(endonyms[language]);
			}
		}
		expect(render('ro', locales.ro.get('programme.fallback')!, { language: 'en' })).toBe(
			'Text netradus încă; afișat în engleză.'
		);
		expect(render('ru', locales.ru.get('programme.fallback')!, { language: 'ro' })).toBe(
			'Перевод пока отсутствует; текст показан на румынском языке.'
		);
	});

	it('gives role labels over a list of people a plural', () => {
		const label = (locale: 'en' | 'ro' | 'ru', count: number) =>
			render(locale, locales[locale].get('programme.role.rapporteur')!, { count });
		expect([label('en', 1), label('en', 2)]).toEqual(['Rapporteur', 'Rapporteurs']);
		expect([label('ro', 1), label('ro', 2)]).toEqual(['Raportor', 'Raportori']);
		expect([label('ru', 1), label('ru', 2), label('ru', 5)]).toEqual(['Докладчик', 'Докладчики', 'Докладчики']);
		const chair = (locale: 'en' | 'ro' | 'ru', format: string) =>
			render(locale, locales[locale].get('programme.role.chair')!, { count: 1, format });
		expect([chair('ro', 'plenary'), chair('ro', 'panel')]).toEqual(['Președinte de sesiune', 'Moderator']);
	});

	it('keeps the static error page in step with the app', () => {
		const html = readFileSync(new URL('../../error.html', import.meta.url), 'utf8').replace(/\s+/g, ' ');
		for (const locale of LOCALES) {
			expect(html, `${locale} body`).toContain(locales[locale].get('error.server.body'));
			expect(html, `${locale} title`).toContain(`${locales[locale].get('error.server.title')} (`);
		}
	});
});
