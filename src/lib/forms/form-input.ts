// Reads a form post the way its schema expects it. A browser sends every field as text,
// sends nothing for an unchecked box and repeats a name for multi-value fields; the
// schema says which field is which, so the page's schema stays in domain types
// (numbers, booleans, dates, lists, translated-text groups) and no action casts.
import type * as v from 'valibot';

type AnySchema = v.GenericSchema;

/** What a person typed, as text, to put back in the form when it is refused. */
export type RawValue = string | boolean | string[] | RawValues;
export interface RawValues {
	[name: string]: RawValue | undefined;
}

/** The shape of a schema's typed values as the form echoes them back. */
export type FormValues<T> = T extends boolean
	? boolean
	: T extends readonly unknown[]
		? string[]
		: T extends string | number | Date | File | Blob
			? string
			: T extends object
				? { [K in keyof T]?: FormValues<NonNullable<T[K]>> }
				: string;

const WRAPPERS = new Set([
	'optional',
	'exact_optional',
	'nullish',
	'nullable',
	'undefinedable',
	'non_optional',
	'non_nullable',
	'non_nullish'
]);
const MAY_BE_ABSENT = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable']);
const OBJECTS = new Set(['object', 'loose_object', 'strict_object']);

interface Shape {
	/** The schema under optional/nullable wrappers; a pipe's type is its first schema's. */
	base: AnySchema;
	/** An empty field may be left out (the schema's default, if any, then applies). */
	optional: boolean;
}

function unwrap(schema: AnySchema): Shape {
	let base = schema;
	let optional = false;
	while (WRAPPERS.has(base.type) && 'wrapped' in base) {
		if (MAY_BE_ABSENT.has(base.type)) optional = true;
		base = base.wrapped as AnySchema;
	}
	return { base, optional };
}

// A date-only value is a UTC calendar day by the spec; a date-time without an offset would
// be read in the server's zone, which is nobody's: it stays text, so v.date() refuses it.
// Wall-clock times in an event's zone are fields of their own (v.isoDateTime()).
const UNAMBIGUOUS_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}))?$/;

function coerce(base: AnySchema, text: string): unknown {
	switch (base.type) {
		case 'number':
			return Number(text);
		case 'date':
			return UNAMBIGUOUS_DATE.test(text) ? new Date(text) : text;
		default:
			return text;
	}
}

const textOf = (entry: FormDataEntryValue | null | undefined) => (typeof entry === 'string' ? entry : undefined);

interface Read {
	input: unknown;
	value: RawValue | undefined;
}

function readField(data: FormData, name: string, schema: AnySchema): Read {
	const { base, optional } = unwrap(schema);
	if (OBJECTS.has(base.type) && 'entries' in base) {
		// A group such as a translated title: fields `title.en`, `title.ro`, `title.ru`.
		const group = readEntries(data, `${name}.`, base.entries as Record<string, AnySchema>);
		return { input: group.input, value: group.values };
	}
	if (base.type === 'array' && 'item' in base) {
		// Repeated names (checkbox lists, multi-selects, repeated inputs); blank rows are not values.
		const texts = data
			.getAll(name)
			.map(textOf)
			.filter((text): text is string => !!text && text.trim() !== '');
		const item = unwrap(base.item as AnySchema).base;
		return { input: texts.map((text) => coerce(item, text)), value: texts };
	}
	if (base.type === 'boolean') {
		// An unchecked box sends nothing; a hidden "false" before a checkbox is also understood.
		const sent = data.getAll(name).map(textOf);
		const checked = sent.length > 0 && sent.at(-1) !== 'false';
		return { input: checked, value: checked };
	}
	if (base.type === 'file' || base.type === 'blob') {
		// A file is never echoed back: the browser cannot prefill a file input anyway.
		const file = data.get(name);
		return { input: file instanceof File && file.size > 0 ? file : undefined, value: undefined };
	}
	const text = textOf(data.get(name));
	if (text === undefined) return { input: undefined, value: undefined };
	// An empty number or date is no number or date; an empty optional text is left out.
	const empty = text.trim() === '' && (optional || base.type !== 'string');
	return { input: empty ? undefined : coerce(base, text), value: text };
}

function readEntries(
	data: FormData,
	prefix: string,
	entries: Record<string, AnySchema>
): { input: Record<string, unknown>; values: RawValues } {
	const input: Record<string, unknown> = {};
	const values: RawValues = {};
	for (const [key, schema] of Object.entries(entries)) {
		const read = readField(data, prefix + key, schema);
		if (read.input !== undefined) input[key] = read.input;
		if (read.value !== undefined) values[key] = read.value;
	}
	return { input, values };
}

/**
 * The input for an object schema from a form post (only the fields the schema names are
 * read), and the text to echo back if it is refused.
 */
export function readFormData(
	schema: v.GenericSchema,
	data: FormData
): { input: Record<string, unknown>; values: RawValues } {
	const { base } = unwrap(schema);
	if (!OBJECTS.has(base.type) || !('entries' in base)) {
		throw new TypeError(`A form schema is an object schema, not ${base.type}`);
	}
	return readEntries(data, '', base.entries as Record<string, AnySchema>);
}
