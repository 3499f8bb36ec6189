// Schema issues → one message key per field. A schema may name its own key
// (`v.email('auth.errors.emailInvalid')`); any issue without one gets a generic key here,
// never valibot's English sentence, so every refusal reaches the reader translated.
import type * as v from 'valibot';

/** A message key and the values its ICU message needs (e.g. the length limit). */
export interface FormMessage {
	key: string;
	values?: Record<string, string | number>;
}

type Issue = v.BaseIssue<unknown>;

const KEY_BY_ISSUE: Record<string, string> = {
	email: 'form.error.email',
	url: 'form.error.url',
	min_length: 'form.error.tooShort',
	max_length: 'form.error.tooLong',
	min_value: 'form.error.tooSmall',
	gt_value: 'form.error.tooSmall',
	max_value: 'form.error.tooLarge',
	lt_value: 'form.error.tooLarge',
	number: 'form.error.number',
	integer: 'form.error.wholeNumber',
	date: 'form.error.date',
	iso_date: 'form.error.date',
	iso_date_time: 'form.error.date',
	picklist: 'form.error.choice',
	enum: 'form.error.choice',
	literal: 'form.error.choice'
};

function isEmpty(input: unknown): boolean {
	return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/** The key for an issue the schema gave no message: empty fields are "required" whatever failed. */
export function defaultMessageKey(issue: Issue): string {
	if (isEmpty(issue.input) || issue.type === 'non_empty') return 'form.error.required';
	return KEY_BY_ISSUE[issue.type] ?? 'form.error.invalid';
}

/** The limit a length, size or date rule names, for messages such as "at most {limit} characters". */
function limitOf(issue: Issue): FormMessage['values'] {
	const requirement: unknown = 'requirement' in issue ? issue.requirement : undefined;
	if (typeof requirement === 'number') return { limit: requirement };
	if (requirement instanceof Date) return { limit: requirement.toISOString().slice(0, 10) };
	return undefined;
}

/**
 * The field an issue belongs to, as the form names it (`title.ro`). Null for an issue
 * about the whole form.
 */
export function fieldOf(issue: Issue): string | null {
	const keys: string[] = [];
	for (const item of issue.path ?? []) {
		// A list's items have number keys: an issue about one item belongs to the list.
		if (typeof item.key !== 'string') break;
		keys.push(item.key);
	}
	return keys.length > 0 ? keys.join('.') : null;
}

/** The first issue of each field, as a message; issues about the whole form under `form`. */
export function errorsOf(issues: readonly Issue[]): Record<string, FormMessage> {
	const errors: Record<string, FormMessage> = {};
	for (const issue of issues) {
		const field = fieldOf(issue) ?? 'form';
		if (field in errors) continue;
		const values = limitOf(issue);
		errors[field] = values ? { key: issue.message, values } : { key: issue.message };
	}
	return errors;
}
