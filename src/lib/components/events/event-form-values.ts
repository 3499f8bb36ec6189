// What the event form shows: the event as stored, or what the person typed when the
// server refused it (every field as text, nothing lost).
import type { Locale } from '$lib/domain/locale';

type Texts = Partial<Record<Locale, string>>;

export interface EventFormValues {
	slug: string;
	title: Texts;
	summary: Texts;
	venue: Texts;
	timezone: string;
	starts_on: string;
	ends_on: string;
	languages: string[];
	default_language: string;
}

export interface StoredEvent {
	slug: string;
	title: unknown;
	summary: unknown;
	venue: unknown;
	timezone: string;
	starts_on: string;
	ends_on: string;
	languages: string[];
	default_language: string;
}

function texts(value: unknown): Texts {
	return value && typeof value === 'object' ? (value as Texts) : {};
}

export function formValuesOf(event: StoredEvent): EventFormValues {
	return {
		slug: event.slug,
		title: texts(event.title),
		summary: texts(event.summary),
		venue: texts(event.venue),
		timezone: event.timezone,
		starts_on: event.starts_on,
		ends_on: event.ends_on,
		languages: [...event.languages],
		default_language: event.default_language
	};
}

/** The refused form's echo laid over the starting values (fields it did not send keep theirs). */
export function typedOver(
	start: EventFormValues,
	typed: Partial<Record<string, unknown>> | undefined
): EventFormValues {
	if (!typed) return start;
	const text = (key: keyof EventFormValues) => (typeof typed[key] === 'string' ? (typed[key] as string) : undefined);
	return {
		slug: text('slug') ?? start.slug,
		title: { ...texts(typed.title) },
		summary: { ...texts(typed.summary) },
		venue: { ...texts(typed.venue) },
		timezone: text('timezone') ?? start.timezone,
		starts_on: text('starts_on') ?? start.starts_on,
		ends_on: text('ends_on') ?? start.ends_on,
		languages: Array.isArray(typed.languages) ? (typed.languages as string[]) : [],
		default_language: text('default_language') ?? start.default_language
	};
}
