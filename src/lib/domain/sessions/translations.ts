// Which of an event's working languages a session still lacks. A title must be there in
// each; a description only once the session has one at all.
import type { Locale } from '../locale.ts';
import type { TranslatedText } from '../translated.ts';

export interface TranslatableSession {
	title: unknown;
	description: unknown;
}

function filled(field: unknown, locale: Locale): boolean {
	const value = field && typeof field === 'object' ? (field as TranslatedText)[locale] : undefined;
	return typeof value === 'string' && value.trim() !== '';
}

function hasAny(field: unknown, languages: readonly Locale[]): boolean {
	return languages.some((locale) => filled(field, locale));
}

/** The working languages a text is missing in, if it has any text at all. */
export function missingIn(field: unknown, languages: readonly Locale[]): Locale[] {
	return hasAny(field, languages) ? languages.filter((locale) => !filled(field, locale)) : [];
}

/** The working languages in which a session's title or description is missing. */
export function untranslated(session: TranslatableSession, languages: readonly Locale[]): Locale[] {
	return languages.filter(
		(locale) =>
			!filled(session.title, locale) || (hasAny(session.description, languages) && !filled(session.description, locale))
	);
}

/** For each working language, how many sessions miss a translation in it. */
export function untranslatedCounts(
	sessions: readonly TranslatableSession[],
	languages: readonly Locale[]
): { locale: Locale; count: number }[] {
	const missing = sessions.map((session) => untranslated(session, languages));
	return languages.map((locale) => ({ locale, count: missing.filter((list) => list.includes(locale)).length }));
}
