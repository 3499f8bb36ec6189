// Schemas for fields the app's forms share.
import * as v from 'valibot';
import type { TranslatedText } from '../domain/translated.ts';

interface TranslatedTextOptions {
	/** At least one language must be filled in. */
	required?: boolean;
	maxLength?: number;
}

/**
 * A translated-text group (`title.en`, `title.ro`, `title.ru`) → the `{en, ro, ru}` jsonb
 * the database stores: languages left empty are left out, each text is trimmed.
 */
export function translatedText({ required = false, maxLength = 2000 }: TranslatedTextOptions = {}) {
	const text = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(maxLength)));
	const group = v.object({ en: text, ro: text, ru: text });
	return v.pipe(
		group,
		v.check(
			(value: TranslatedText) => !required || Object.values(value).some((t) => t !== undefined && t !== ''),
			'form.error.translationRequired'
		)
	);
}
