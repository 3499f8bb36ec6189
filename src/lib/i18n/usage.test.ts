// Every message key is used by some code, and every key the code asks for exists. A key
// nobody uses has never been seen in context by a reader, so its translation is unchecked;
// a key the code asks for that does not exist shows the raw key on the page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Constants } from '../supabase/database.types.ts';
import { readMessages } from './message-files.ts';

type Messages = { [key: string]: string | Messages };

function keysOf(messages: Messages, prefix = ''): string[] {
	return Object.entries(messages).flatMap(([key, value]) =>
		typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`)
	);
}

const enums = Constants.public.Enums;

/**
 * Keys the code builds from a value, written as they appear in the template literal with
 * `*` for the interpolation, and every value that interpolation can take. A new dynamic
 * key fails the test until it is listed here, so its values are checked against the files.
 */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
	'cta.status.*': enums.document_status,
	'cta.statusHelp.*': enums.document_status,
	'cta.amend.status.*': enums.amendment_status,
	'cta.drift.*': ['ok', 'outdated', 'missing', 'extra'],
	'cta.versionsPage.change.*': ['added', 'removed', 'changed'],
	'event.status.*': enums.event_status,
	'indicators.domain.*': enums.indicator_domain,
	'indicators.roundStatus.*': enums.round_status,
	'programme.format.*': enums.session_format,
	'programme.role.*': enums.session_person_role,
	'programme.status.*': enums.session_status,
	// src/routes/+error.svelte picks the kind from the HTTP status.
	'error.*.title': ['notFound', 'forbidden', 'server'],
	'error.*.body': ['notFound', 'forbidden', 'server']
};

const SRC = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(full);
		return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
	});
}

const sources = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));
const allKeys = keysOf(readMessages('en'));
const known = new Set(allKeys);

/** Quoted strings that look like message keys ("a.b" or deeper, letters only). */
function literalKeys(text: string): string[] {
	return [...text.matchAll(/(['"`])([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)\1/g)].map((match) => match[2]!);
}

/** Template literals that build a key: `programme.format.${session.format}` → programme.format.* */
function dynamicKeys(text: string): string[] {
	return [...text.matchAll(/`([a-z][A-Za-z]*(?:\.[A-Za-z_]+)*)\.\$\{[^}`]+\}((?:\.[A-Za-z_]+)*)`/g)].map(
		(match) => `${match[1]}.*${match[2]}`
	);
}

describe('message keys', () => {
	const used = new Set<string>();
	for (const { text } of sources) {
		for (const key of literalKeys(text)) if (known.has(key)) used.add(key);
		for (const pattern of dynamicKeys(text)) {
			for (const value of DYNAMIC_KEYS[pattern] ?? []) used.add(pattern.replace('*', value));
		}
	}

	it('are all used by some code', () => {
		expect(allKeys.filter((key) => !used.has(key))).toEqual([]);
	});

	it('built from a value are listed with every value they can take, and each exists', () => {
		for (const { file, text } of sources) {
			for (const pattern of dynamicKeys(text)) {
				expect(DYNAMIC_KEYS, `${file} builds ${pattern}: list its values in DYNAMIC_KEYS`).toHaveProperty([pattern]);
			}
		}
		for (const [pattern, values] of Object.entries(DYNAMIC_KEYS)) {
			for (const value of values) expect(known, pattern).toContain(pattern.replace('*', value));
		}
	});

	it('that the code asks for exist', () => {
		for (const { file, text } of sources) {
			// $_('key'), $t('key') and keys handed to the page in a form result ({ error: 'key' }).
			const asked = [...text.matchAll(/(?:\$_|\$t|\$format)\(\s*'([^']+)'|\berror: '([a-z][\w.]+)'/g)].map(
				(match) => match[1] ?? match[2]!
			);
			for (const key of asked) expect(known, `${file} asks for ${key}`).toContain(key);
		}
	});

	it('never receive a language by its endonym: LANGUAGE_NAMES is for the switcher alone', () => {
		// "afișat în English" came from passing LANGUAGE_NAMES into a sentence; messages take the code.
		const users = sources.filter(({ text }) => text.includes('LANGUAGE_NAMES')).map(({ file }) => file);
		expect(users.sort()).toEqual(['lib/components/layout/LanguageSwitcher.svelte', 'lib/i18n/index.ts']);
	});

	it('are found in the code the way the scan expects', () => {
		// Guards the scan itself: a literal, a dynamic key and a form error key are all seen.
		expect(used).toContain('nav.skipToContent');
		expect(used).toContain('programme.role.rapporteur');
		expect(used).toContain('auth.errors.rateLimited');
	});
});
