// Translated content fields are jsonb {en, ro, ru}; not every event fills every language.
import { LOCALES, type Locale } from './locale.ts';

export type TranslatedText = Partial<Record<Locale, string>>;

export interface LocalizedText {
	text: string;
	/** The language the text is actually in. */
	locale: Locale;
	/** True when the requested language was missing and another one is shown. */
	isFallback: boolean;
}

function present(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/**
 * The text in the wanted language, else in the event's default language, else in any
 * language that has it, so a reader always sees something and is told when it is not theirs.
 */
export function localize(field: unknown, wanted: Locale, eventDefault: Locale = 'en'): LocalizedText {
	const record = field && typeof field === 'object' ? (field as Record<string, unknown>) : {};
	for (const locale of [wanted, eventDefault, ...LOCALES]) {
		const value = record[locale];
		if (present(value)) return { text: value, locale, isFallback: locale !== wanted };
	}
	return { text: '', locale: wanted, isFallback: false };
}
