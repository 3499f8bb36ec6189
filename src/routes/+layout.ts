import { browser } from '$app/environment';
import { loadLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const load = (async ({ data }) => {
	// Hydration must render the same words the server sent: wait for the reader's messages.
	if (browser) await loadLocale(data.locale);
	return data;
}) satisfies LayoutLoad;
