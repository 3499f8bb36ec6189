// Shared by the Call to Action pages: the document of the URL (404 when the caller may not
// read it), the language asked for, and form refusals as translated messages.
import { error, fail } from '@sveltejs/kit';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { DataError } from '../errors';
import { eventOf } from '../event-context';
import { CallToActionRefusal, documentOf, isLanguage, type Language } from './call-to-action';
import { LiveTextUnavailable } from './live-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function documentPage(locals: App.Locals, params: { event: string; document: string }) {
	const event = await eventOf(locals, params.event);
	if (!UUID.test(params.document)) error(404, { message: 'Document not found' });
	const document = await documentOf(locals.supabase, event.id, params.document);
	if (!document) error(404, { message: 'Document not found' });
	return { event, document };
}

/** The event's working languages, master first. */
export function languagesOf(event: { languages: string[] }, master: Language): Language[] {
	const languages = event.languages.filter(isLanguage);
	return [master, ...languages.filter((language) => language !== master)];
}

/** `?lang=` when it is one of the document's languages, else the reader's, else the master. */
export function chosenLanguage(url: URL, languages: Language[], locale: string): Language {
	const asked = url.searchParams.get('lang');
	if (isLanguage(asked) && languages.includes(asked)) return asked;
	if (isLanguage(locale) && languages.includes(locale)) return locale;
	return languages[0]!;
}

/** A form refused: the reason as a message key, the form's id so the page shows it in place. */
export function refuse(formId: string, cause: unknown, values: Record<string, string> = {}) {
	if (cause instanceof CallToActionRefusal) {
		return fail(cause.messageKey.endsWith('readOnly') ? 403 : 409, { formId, message: cause.messageKey, values });
	}
	if (cause instanceof LiveTextUnavailable) return fail(503, { formId, message: 'cta.errors.unavailable', values });
	if (cause instanceof DataError) {
		return fail(errorStatus(cause), { formId, message: errorMessageKey(cause), values });
	}
	throw cause;
}

export const textOf = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
};
