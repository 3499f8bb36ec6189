// Plain Node (tests, scripts): a locale's messages read from disk, merged as the app merges
// them. The app itself imports them through Vite (`locales/<locale>/index.ts`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeMessages, type Messages } from './merge-messages.ts';

const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** Each feature file of a locale, by file name. */
export function messageFiles(locale: string): Record<string, Messages> {
	const dir = path.join(LOCALES_DIR, locale);
	const files = readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort();
	return Object.fromEntries(files.map((name) => [name, JSON.parse(readFileSync(path.join(dir, name), 'utf8'))]));
}

/** All of a locale's messages, as svelte-i18n gets them. */
export function readMessages(locale: string): Messages {
	return mergeMessages(messageFiles(locale));
}
