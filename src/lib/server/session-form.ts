// The organisers' session form: what it posts, how it is checked (fields by the schema,
// then the rules that need the event: its days and dates, its default language, its
// members), and the clashes it warns about before saving. A refusal keeps every character
// typed; a warning keeps them too and asks the organiser to confirm.
import * as v from 'valibot';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { formatDateRange } from '$lib/domain/format';
import type { Locale } from '$lib/domain/locale';
import { checkSchedule } from '$lib/domain/sessions/schedule';
import {
	conflictsFingerprint,
	findConflicts,
	type BookedSession,
	type Conflict
} from '$lib/domain/sessions/double-booking';
import { wallClockOf } from '$lib/domain/sessions/wall-clock';
import { parseForm, translatedText, type FormMessage, type FormValues } from '$lib/forms';
import { Constants } from '$lib/supabase/database.types';
import type { EventContext } from './events';
import type { ListedSession, PersonInput, SessionInput } from './sessions';
import type * as sessions from './sessions';

type Event = EventContext['event'];
type Member = Awaited<ReturnType<typeof sessions.members>>[number];
type Day = { id: string; date: string };

/** Blank rows the form offers for new people, with or without JavaScript. */
export const BLANK_PEOPLE_ROWS = 2;
/** More rows than any real session has; a post with more is refused as a whole. */
const MAX_PEOPLE_ROWS = 60;

const text = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)), '');

/** What <input type="time"> sends: 24-hour hours and minutes. */
const clockTime = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(),
	v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'sessions.error.time')
);

const PersonRow = v.object({
	id: v.optional(v.pipe(v.string(), v.uuid())),
	role: v.picklist(Constants.public.Enums.session_person_role),
	member: text(40),
	name: text(200),
	affiliation: translatedText({ maxLength: 300 })
});

function sessionSchema(peopleRows: number) {
	const rows = Object.fromEntries(Array.from({ length: peopleRows }, (_, i) => [String(i), PersonRow]));
	return v.object({
		day: text(40),
		date: text(10),
		startTime: clockTime,
		endTime: clockTime,
		room: text(200),
		format: v.picklist(Constants.public.Enums.session_format),
		title: translatedText({ required: true, maxLength: 300 }),
		description: translatedText({ maxLength: 4000 }),
		people: v.object(rows),
		/** The clashes the organiser saw and chose to accept (see conflictsFingerprint). */
		acknowledged: text(40)
	});
}

type Schema = ReturnType<typeof sessionSchema>;

const SCHEDULE_MESSAGES = {
	notInZone: 'sessions.error.notInZone',
	endsBeforeStart: 'sessions.error.endsBeforeStart',
	outsideEvent: 'sessions.error.outsideEvent'
} as const;
export type SessionFormValues = FormValues<v.InferInput<Schema>>;
export type SessionFormErrors = Record<string, FormMessage>;

/** A clash, with what the page needs to name the other session. */
export interface ConflictView {
	kind: Conflict['kind'];
	what: string;
	session: Pick<ListedSession, 'id' | 'title' | 'starts_at' | 'ends_at'>;
}

export interface SessionFormFailure {
	errors: SessionFormErrors;
	values: SessionFormValues;
	conflicts?: ConflictView[];
	fingerprint?: string;
}

/** The number of person rows a post carries (`people.<n>.role`). */
function peopleRowsIn(data: FormData): number {
	let rows = 0;
	for (const key of data.keys()) {
		const match = /^people\.(\d+)\.role$/.exec(key);
		if (match) rows = Math.max(rows, Number(match[1]) + 1);
	}
	return rows;
}

interface Context {
	event: Event;
	days: readonly Day[];
	members: readonly Member[];
	/** The event's sessions (with people) as they are now, for the clash check. */
	existing: readonly ListedSession[];
	/** The session being edited; null for a new one. */
	sessionId: string | null;
	/** The organiser's language, for the dates a message names. */
	locale: Locale;
}

export type SessionFormResult =
	| { ok: true; input: SessionInput; values: SessionFormValues }
	| { ok: false; failure: ActionFailure<SessionFormFailure> };

export function readSessionForm(data: FormData, context: Context): SessionFormResult {
	const rows = peopleRowsIn(data);
	if (rows > MAX_PEOPLE_ROWS) {
		return { ok: false, failure: fail(413, { errors: { form: { key: 'sessions.error.tooManyPeople' } }, values: {} }) };
	}
	const form = parseForm(data, sessionSchema(rows));
	const values = form.values as SessionFormValues;
	const errors: SessionFormErrors = form.valid ? {} : { ...(form.errors as SessionFormErrors) };
	const refuse = (status = 400) => ({ ok: false as const, failure: fail(status, { errors, values }) });
	if (!form.valid) return refuse();
	const input = form.data;
	const { event } = context;

	// The default language is what every reader falls back to: it cannot be missing.
	const defaultLanguage = event.default_language as Locale;
	if (!input.title[defaultLanguage]) {
		errors[['title', defaultLanguage].join('.')] = {
			key: 'sessions.error.titleInDefaultLanguage',
			values: { language: defaultLanguage }
		};
	}

	const day = input.day ? context.days.find((d) => d.id === input.day) : undefined;
	if (input.day && !day) errors.day = { key: 'form.error.choice' };
	if (!input.day && context.days.length > 0) errors.day = { key: 'form.error.required' };
	const date = day?.date ?? input.date;
	if (!date) errors.date ??= { key: 'form.error.required' };

	let startsAt: Date | undefined;
	let endsAt: Date | undefined;
	if (date && !errors.day) {
		const schedule = checkSchedule({ date, startTime: input.startTime, endTime: input.endTime }, event);
		if (schedule.ok) ({ startsAt, endsAt } = schedule);
		else {
			const field = schedule.field === 'date' && day ? 'day' : schedule.field;
			errors[field] = {
				key: SCHEDULE_MESSAGES[schedule.problem],
				values: { dates: formatDateRange(event.starts_on, event.ends_on, context.locale) }
			};
		}
	}

	const people = readPeople(input.people, context.members, errors);
	if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return refuse();

	const session: SessionInput = {
		day_id: day?.id ?? null,
		starts_at: startsAt.toISOString(),
		ends_at: endsAt.toISOString(),
		room: input.room || null,
		format: input.format,
		title: input.title,
		description: Object.values(input.description).some(Boolean) ? input.description : null,
		people
	};

	const conflicts = clashes(session, context);
	const fingerprint = conflictsFingerprint(conflicts.map((c) => c.conflict));
	if (conflicts.length > 0 && input.acknowledged !== fingerprint) {
		return {
			ok: false,
			failure: fail(409, { errors, values, conflicts: conflicts.map((c) => c.view), fingerprint })
		};
	}
	return { ok: true, input: session, values };
}

/** Person rows → the people to save, in order; blank rows are left out. */
function readPeople(
	rows: Record<string, v.InferOutput<typeof PersonRow>>,
	members: readonly Member[],
	errors: SessionFormErrors
): PersonInput[] {
	const people: PersonInput[] = [];
	const seen = new Set<string>();
	for (const [index, row] of Object.entries(rows).sort(([a], [b]) => Number(a) - Number(b))) {
		const field = (name: string) => `people.${index}.${name}`;
		const affiliation = Object.values(row.affiliation).some(Boolean) ? row.affiliation : undefined;
		if (!row.member && !row.name && !affiliation) continue;
		if (row.member && row.name) {
			errors[field('name')] = { key: 'sessions.error.memberOrName' };
			continue;
		}
		if (!row.member && !row.name) {
			errors[field('name')] = { key: 'sessions.error.personNameRequired' };
			continue;
		}
		if (row.member && !members.some((m) => m.id === row.member)) {
			errors[field('member')] = { key: 'form.error.choice' };
			continue;
		}
		if (row.member) {
			const key = `${row.role}:${row.member}`;
			if (seen.has(key)) {
				errors[field('member')] = { key: 'sessions.error.personTwice' };
				continue;
			}
			seen.add(key);
		}
		people.push({
			...(row.id ? { id: row.id } : {}),
			role: row.role,
			...(row.member ? { member_id: row.member } : { name: row.name }),
			...(affiliation ? { affiliation } : {})
		});
	}
	return people;
}

function clashes(session: SessionInput, context: Context): { conflict: Conflict; view: ConflictView }[] {
	const nameOf = (memberId: string | null | undefined, name: string | null | undefined) =>
		(memberId ? context.members.find((m) => m.id === memberId)?.display_name : name) ?? '';
	const booked = (s: ListedSession): BookedSession => ({
		id: s.id,
		startsAt: s.starts_at,
		endsAt: s.ends_at,
		room: s.room,
		people: s.session_people.map((p) => ({ memberId: p.member_id, name: nameOf(p.member_id, p.name) }))
	});
	const mine: BookedSession = {
		id: context.sessionId ?? '',
		startsAt: session.starts_at,
		endsAt: session.ends_at,
		room: session.room,
		people: session.people.map((p) => ({ memberId: p.member_id ?? null, name: nameOf(p.member_id, p.name) }))
	};
	const others = context.existing.filter((s) => s.id !== context.sessionId);
	return findConflicts(mine, others.map(booked)).flatMap((conflict) => {
		const other = others.find((s) => s.id === conflict.sessionId);
		if (!other) return [];
		const { id, title, starts_at, ends_at } = other;
		const what = conflict.kind === 'room' ? conflict.room : conflict.person;
		return [{ conflict, view: { kind: conflict.kind, what, session: { id, title, starts_at, ends_at } } }];
	});
}

/** What the form shows for a saved session (and for a new one: the first day, nothing else). */
export function formValuesOf(session: ListedSession | null, event: Event, days: readonly Day[]): SessionFormValues {
	if (!session) {
		return { day: days[0]?.id ?? '', date: days.length ? '' : event.starts_on, format: 'plenary', people: {} };
	}
	const start = wallClockOf(session.starts_at, event.timezone);
	const end = wallClockOf(session.ends_at, event.timezone);
	const people = [...session.session_people].sort(
		(a, b) => roleOrder(a.role) - roleOrder(b.role) || a.position - b.position
	);
	return {
		day: session.day_id ?? '',
		date: session.day_id ? '' : start.date,
		startTime: start.time,
		endTime: end.time,
		room: session.room ?? '',
		format: session.format,
		title: { ...(session.title as Record<string, string>) },
		description: { ...((session.description as Record<string, string> | null) ?? {}) },
		people: Object.fromEntries(
			people.map((p, i) => [
				String(i),
				{
					id: p.id,
					role: p.role,
					member: p.member_id ?? '',
					name: p.name ?? '',
					affiliation: { ...((p.affiliation as Record<string, string> | null) ?? {}) }
				}
			])
		)
	};
}

function roleOrder(role: string): number {
	return (Constants.public.Enums.session_person_role as readonly string[]).indexOf(role);
}
