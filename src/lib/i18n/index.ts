// svelte-i18n for en, ro, ru. The server holds every message, so it renders any locale
// synchronously and never flashes English; the browser downloads only the reader's
// language, once, before it hydrates (the root +layout.ts waits for it).
import { addMessages, init, locale, register, waitLocale } from 'svelte-i18n';

type LocaleDictionary = Parameters<typeof addMessages>[1];
import { DEFAULT_LOCALE, type Locale } from '$lib/domain/locale';

/** `./locales/ro/index.ts` → `ro` */
const localeOf = (file: string) => file.split('/').at(-2)!;

// One chunk per locale: each `locales/<locale>/index.ts` merges that locale's feature files.
const chunks = import.meta.glob<LocaleDictionary>('./locales/*/index.ts', { import: 'default' });
if (import.meta.env.SSR) {
	for (const [file, load] of Object.entries(chunks)) addMessages(localeOf(file), await load());
} else {
	for (const [file, load] of Object.entries(chunks)) register(localeOf(file), load);
}

let initialised = false;

/**
 * Sets the active locale. SSR renders synchronously after load, so setting the shared
 * store at the start of the root layout keeps concurrent requests from mixing languages.
 */
export function useLocale(wanted: Locale): void {
	if (!initialised) {
		// In the browser the fallback is the reader's own language: every key exists in all
		// three files (a test checks), so a second language would be downloaded for nothing.
		void init({ fallbackLocale: import.meta.env.SSR ? DEFAULT_LOCALE : wanted, initialLocale: wanted });
		initialised = true;
	}
	void locale.set(wanted);
}

/** Browser only: the reader's messages, fetched before the page renders in that language. */
export async function loadLocale(wanted: Locale): Promise<void> {
	useLocale(wanted);
	await waitLocale(wanted);
}

/** Each language named in itself, as a language switcher should show it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	en: 'English',
	ro: 'Română',
	ru: 'Русский'
};
