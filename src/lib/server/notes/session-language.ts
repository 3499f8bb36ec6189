// Words of the notes feature in a session's language (not the reader's): the template the
// collab server writes and the reports the app exports. Read from the same message files
// as the UI, so a translation fixed there is fixed here.
import enNotes from '../../i18n/locales/en/notes.json' with { type: 'json' };
import roNotes from '../../i18n/locales/ro/notes.json' with { type: 'json' };
import ruNotes from '../../i18n/locales/ru/notes.json' with { type: 'json' };

export type NotesLanguage = 'en' | 'ro' | 'ru';
type NotesMessages = (typeof enNotes)['notes'];

const MESSAGES: Record<NotesLanguage, NotesMessages> = {
	en: enNotes.notes,
	ro: roNotes.notes,
	ru: ruNotes.notes
};

function notesMessages(language: string): NotesMessages {
	return MESSAGES[(language in MESSAGES ? language : 'en') as NotesLanguage];
}

/** One message by its full key (`notes.report.title`), in `language`; plain text, no ICU. */
export function notesText(language: string, key: string): string {
	let node: unknown = notesMessages(language);
	for (const part of key.split('.').slice(1)) node = (node as Record<string, unknown> | undefined)?.[part];
	if (typeof node !== 'string') throw new Error(`no message ${key}`);
	return node;
}

/** A translated {en, ro, ru} value in `language`, else the first language that has one. */
export function inLanguage(field: unknown, language: string): string {
	if (!field || typeof field !== 'object') return '';
	const values = field as Record<string, unknown>;
	const preferred = values[language];
	if (typeof preferred === 'string' && preferred.trim()) return preferred;
	for (const lang of ['en', 'ro', 'ru']) {
		const value = values[lang];
		if (typeof value === 'string' && value.trim()) return value;
	}
	return '';
}
