// Who is here on a Call to Action, from the Realtime presence of its topic: one entry per
// person and language (someone may have English open in one tab and Romanian in another),
// the reader left out, sorted by name. Presence payloads come from other browsers, so
// each field is checked before it is shown.
import { colourFor } from '../person-colour.ts';

export type PresenceLanguage = 'en' | 'ro' | 'ru';

export interface PersonHere {
	userId: string;
	name: string;
	color: string;
	language: PresenceLanguage;
}

const LANGUAGES = new Set<string>(['en', 'ro', 'ru']);
const COLOUR = /^#[0-9a-f]{6}$/i;

function personOf(payload: unknown): PersonHere | null {
	if (!payload || typeof payload !== 'object') return null;
	const { userId, name, color, language } = payload as Record<string, unknown>;
	if (typeof userId !== 'string' || !userId || typeof language !== 'string' || !LANGUAGES.has(language)) return null;
	return {
		userId,
		name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : '—',
		color: typeof color === 'string' && COLOUR.test(color) ? color : colourFor(userId),
		language: language as PresenceLanguage
	};
}

export function peopleHere(state: Record<string, unknown[]>, selfId: string): PersonHere[] {
	const people = new Map<string, PersonHere>();
	for (const entries of Object.values(state)) {
		for (const entry of entries) {
			const person = personOf(entry);
			if (!person || person.userId === selfId) continue;
			people.set(`${person.userId}:${person.language}`, person);
		}
	}
	return [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
}

export function initials(name: string): string {
	return name
		.split(/\s+/u)
		.filter(Boolean)
		.slice(0, 2)
		.map((part) => [...part][0]!.toUpperCase())
		.join('');
}
