// Which language a person sees: their member preference, else the cookie they chose,
// else what their browser asks for, else English (DESIGN §6).

export const LOCALES = ['en', 'ro', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'accord_locale';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Language tags from an Accept-Language header, best first (q=0 dropped, bad entries ignored). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
	if (!header) return [];
	return header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index)
		.map((entry) => entry.tag);
}

/** The first supported locale among Accept-Language tags, matching on the primary subtag (ro-MD → ro). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
	for (const tag of parseAcceptLanguage(header)) {
		const primary = tag.split('-')[0];
		if (isLocale(primary)) return primary;
	}
	return undefined;
}

export interface LocaleSources {
	preference?: string | null;
	cookie?: string | null;
	acceptLanguage?: string | null;
}

export function resolveLocale(sources: LocaleSources): Locale {
	if (isLocale(sources.preference)) return sources.preference;
	if (isLocale(sources.cookie)) return sources.cookie;
	return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}
