// svelte-i18n with every message bundled: three small files, so the server can render
// any locale synchronously and the browser never flashes English while loading.
import { addMessages, init, locale } from 'svelte-i18n';
import { DEFAULT_LOCALE, type Locale } from '$lib/domain/locale';
import en from './locales/en.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';

export const messages = { en, ro, ru } as const;

addMessages('en', en);
addMessages('ro', ro);
addMessages('ru', ru);

let initialised = false;

/**
 * Sets the active locale. SSR renders synchronously after load, so setting the shared
 * store at the start of the root layout keeps concurrent requests from mixing languages.
 */
export function useLocale(wanted: Locale): void {
	if (!initialised) {
		// Every message is added synchronously above, so nothing is left to wait for.
		void init({ fallbackLocale: DEFAULT_LOCALE, initialLocale: wanted });
		initialised = true;
	}
	void locale.set(wanted);
}

/** Each language named in itself, as a language switcher should show it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	en: 'English',
	ro: 'Română',
	ru: 'Русский'
};
