import { browser } from '$app/environment';
import { loadLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const load = (async ({ data, route }) => {
	// Hydration must render the same words the server sent: wait for the reader's messages,
	// those of the page's features only (reading `route.id` reruns this on navigation).
	if (browser) await loadLocale(data.locale, route.id);
	return data;
}) satisfies LayoutLoad;
