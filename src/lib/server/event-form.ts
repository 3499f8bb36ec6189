// The parts of the event form's actions that /events/new and the settings page share:
// the default language's title is required, and database refusals land on their field.
import { fail } from '@sveltejs/kit';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import type { EventSettings } from '$lib/domain/event-settings';
import type { FormMessage } from '$lib/forms';
import { DataError } from './errors';

/** The error for a title left empty in the event's default language, on that language's field. */
export function missingDefaultTitle(data: EventSettings): Record<string, FormMessage> | null {
	const language = data.default_language;
	if ((data.title[language] ?? '').trim() !== '') return null;
	// The field name of that language's title input (a field, not a message key).
	return { [['title', language].join('.')]: { key: 'events.error.titleInDefault' } };
}

/** Which field a database refusal is about, when it is about one. */
const FIELD_OF_HINT: Record<string, string> = {
	slug_taken: 'slug',
	days_outside_event: 'starts_on',
	event_untranslated: 'form'
};

/** A refused write as the form shows it: on its field, translated, with what was typed. */
export function refusal(error: unknown, values: unknown) {
	if (!(error instanceof DataError)) throw error;
	const field = (error.hint && FIELD_OF_HINT[error.hint]) || 'form';
	return fail(errorStatus(error), { errors: { [field]: { key: errorMessageKey(error) } }, values });
}
