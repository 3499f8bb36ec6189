import { LOCALES, type Locale } from './locale.ts';

/**
 * The languages a translated field lacks, among the event's languages. A field left empty
 * in every language is not "missing a translation" (it is optional and unused).
 */
export function missingLanguages(field: unknown, languages: readonly Locale[] = LOCALES): Locale[] {
	if (!field || typeof field !== 'object') return [];
	const text = field as Partial<Record<Locale, unknown>>;
	const present = languages.filter((language) => typeof text[language] === 'string' && text[language] !== '');
	if (present.length === 0) return [];
	return languages.filter((language) => !present.includes(language));
}
