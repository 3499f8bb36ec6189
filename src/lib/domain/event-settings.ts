// What an organiser fills in to start or change an event, checked before it reaches the
// database (which checks the same rules again: dates in order, the default language among
// the working ones, the title in the default language, a free slug).
import * as v from 'valibot';
import { translatedText } from '../forms/fields.ts';
import { LOCALES, type Locale } from './locale.ts';
import type { TranslatedText } from './translated.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

const isoDate = v.pipe(v.string(), v.trim(), v.isoDate('form.error.date'));

export const EventSettingsSchema = v.pipe(
	v.object({
		slug: v.optional(
			v.pipe(
				v.string(),
				v.trim(),
				v.toLowerCase(),
				v.maxLength(80),
				v.regex(SLUG_PATTERN, 'events.error.slugFormat'),
				v.minLength(3)
			)
		),
		title: translatedText({ required: true, maxLength: 300 }),
		summary: translatedText({ maxLength: 4000 }),
		venue: translatedText({ maxLength: 300 }),
		timezone: v.pipe(v.string(), v.trim(), v.check(isTimeZone, 'events.error.timeZone')),
		starts_on: isoDate,
		ends_on: isoDate,
		languages: v.pipe(v.array(v.picklist(LOCALES)), v.minLength(1, 'events.error.noLanguage')),
		default_language: v.picklist(LOCALES)
	}),
	v.forward(
		v.partialCheck(
			[['starts_on'], ['ends_on']],
			(input) => input.ends_on >= input.starts_on,
			'events.error.endsBeforeStarts'
		),
		['ends_on']
	),
	v.forward(
		v.partialCheck(
			[['languages'], ['default_language']],
			(input) => input.languages.includes(input.default_language),
			'events.error.defaultNotWorking'
		),
		['default_language']
	)
);

export type EventSettings = v.InferOutput<typeof EventSettingsSchema>;

/** The translated fields of an event that a working language has no text for, by field. */
export function missingTranslations(
	fields: Record<string, unknown>,
	languages: readonly Locale[]
): Record<string, Locale[]> {
	const missing: Record<string, Locale[]> = {};
	for (const [name, value] of Object.entries(fields)) {
		const text = value && typeof value === 'object' ? (value as TranslatedText) : undefined;
		// An empty optional field (no summary at all) is not a missing translation.
		const filled = LOCALES.filter((locale) => (text?.[locale] ?? '').trim() !== '');
		if (filled.length === 0 && name !== 'title') continue;
		const gaps = languages.filter((locale) => !filled.includes(locale));
		if (gaps.length > 0) missing[name] = gaps;
	}
	return missing;
}

const CYRILLIC: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'e',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'i',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'iu',
	я: 'ia'
};

/**
 * A web address segment from a title, for when the organiser leaves the slug empty:
 * Romanian letters lose their diacritics, Russian ones are transliterated.
 */
export function slugFromTitle(title: string): string {
	const latin = [...title.toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('');
	return latin
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
}
