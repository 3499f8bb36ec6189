// svelte-i18n for en, ro, ru. The server holds every message, so it renders any locale
// synchronously and never flashes English. The browser downloads only the reader's
// language, and of it only the feature files the page uses (route-messages.ts), before it
// hydrates or navigates (the root +layout.ts waits for them).
import { addMessages, init, locale } from 'svelte-i18n';
import { DEFAULT_LOCALE, type Locale } from '$lib/domain/locale';
import { mergeMessages, type Messages } from './merge-messages.ts';
import { messageFilesFor } from './route-messages.ts';

type LocaleDictionary = Parameters<typeof addMessages>[1];

/** `./locales/ro/notes.json` → `['ro', 'notes']` */
const partsOf = (file: string) => file.slice('./locales/'.length, -'.json'.length).split('/') as [Locale, string];

// One chunk per file: the server adds them all at start; the browser fetches a file when a
// page first needs it. (An eager glob would be hoisted into the browser bundle too.)
const files = import.meta.glob<Messages>('./locales/*/*.json', { import: 'default' });

if (import.meta.env.SSR) {
	const byLocale = new Map<string, Record<string, Messages>>();
	for (const [file, load] of Object.entries(files)) {
		const [code] = partsOf(file);
		byLocale.set(code, { ...byLocale.get(code), [file]: await load() });
	}
	for (const [code, localeFiles] of byLocale) addMessages(code, mergeMessages(localeFiles) as LocaleDictionary);
}

const featuresOf = (wanted: Locale) =>
	Object.keys(files)
		.map(partsOf)
		.filter(([code]) => code === wanted)
		.map(([, feature]) => feature);
const loaded = new Set<string>();

let initialised = false;

/**
 * Sets the active locale. SSR renders synchronously after load, so setting the shared
 * store at the start of the root layout keeps concurrent requests from mixing languages.
 */
export function useLocale(wanted: Locale): void {
	if (!initialised) {
		// In the browser the fallback is the reader's own language: every key exists in all
		// three languages (a test checks), so a second language would be downloaded for nothing.
		void init({ fallbackLocale: import.meta.env.SSR ? DEFAULT_LOCALE : wanted, initialLocale: wanted });
		initialised = true;
	}
	void locale.set(wanted);
}

/** Browser only: the reader's messages for the page at `routeId`, fetched before it renders. */
export async function loadLocale(wanted: Locale, routeId: string | null): Promise<void> {
	const missing = messageFilesFor(routeId, featuresOf(wanted)).filter((feature) => !loaded.has(`${wanted}/${feature}`));
	const dictionaries = await Promise.all(missing.map((feature) => files[`./locales/${wanted}/${feature}.json`]!()));
	missing.forEach((feature, index) => {
		addMessages(wanted, dictionaries[index] as LocaleDictionary);
		loaded.add(`${wanted}/${feature}`);
	});
	useLocale(wanted);
}

/** Each language named in itself, as a language switcher should show it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	en: 'English',
	ro: 'Română',
	ru: 'Русский'
};
