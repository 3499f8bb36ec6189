// The `filter` of a postgres_changes binding, as realtime-js writes it (by hand or with
// its RealtimePostgresFilterBuilder): conditions `column=[not.]op.value` joined by
// commas, all of which must hold. Operators: eq, neq, lt, lte, gt, gte, in.(a,b),
// is.(null|true|false), isdistinct, like, ilike, match, imatch. Values with commas,
// parentheses, quotes or edge spaces come double-quoted with backslash escapes.
// Parsing only: filters are evaluated in SQL (filter-sql.ts).

export type FilterOperator =
	'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'is' | 'isdistinct' | 'like' | 'ilike' | 'match' | 'imatch';

export interface FilterCondition {
	column: string;
	operator: FilterOperator;
	negate: boolean;
	/** One value, or the list for `in`. */
	values: string[];
}

export class FilterError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FilterError';
	}
}

const operators: readonly string[] = [
	'eq',
	'neq',
	'lt',
	'lte',
	'gt',
	'gte',
	'in',
	'is',
	'isdistinct',
	'like',
	'ilike',
	'match',
	'imatch'
];
// Supabase Realtime caps `in` filters at 100 values. The length cap keeps a pattern
// (match, like) and the statement it becomes small.
const MAX_IN_VALUES = 100;
const MAX_FILTER_LENGTH = 4096;
const conditionStart = /^[^=,()"]+=(not\.)?[a-z]+\./;

export function parseRowFilter(text: string): FilterCondition[] {
	if (text.length > MAX_FILTER_LENGTH) throw new FilterError(`filters are limited to ${MAX_FILTER_LENGTH} characters`);
	const conditions = splitTopLevel(text)
		.reduce<string[]>((merged, part) => {
			// A comma inside an unquoted value (older clients did not quote) belongs to it.
			if (merged.length > 0 && !conditionStart.test(part)) merged[merged.length - 1] += `,${part}`;
			else merged.push(part);
			return merged;
		}, [])
		.map(parseCondition);
	if (conditions.length === 0) throw new FilterError('filter is empty');
	return conditions;
}

function parseCondition(text: string): FilterCondition {
	const equals = text.indexOf('=');
	if (equals < 1) throw new FilterError(`filter must look like column=op.value; got ${text}`);
	const column = text.slice(0, equals).trim();
	let rest = text.slice(equals + 1);
	const negate = rest.startsWith('not.');
	if (negate) rest = rest.slice(4);
	const dot = rest.indexOf('.');
	if (dot < 0) throw new FilterError(`filter must look like column=op.value; got ${text}`);
	const operator = rest.slice(0, dot);
	const value = rest.slice(dot + 1);
	if (!operators.includes(operator)) throw new FilterError(`filter operator ${operator} is not supported`);
	if (operator === 'in') {
		if (!value.startsWith('(') || !value.endsWith(')')) throw new FilterError('in filters look like col=in.(a,b)');
		const values = splitTopLevel(value.slice(1, -1)).map(unquote);
		if (values.length > MAX_IN_VALUES) throw new FilterError(`in filters take at most ${MAX_IN_VALUES} values`);
		return { column, operator, negate, values };
	}
	const single = unquote(value);
	if (operator === 'is' && !['null', 'true', 'false', 'unknown'].includes(single.toLowerCase())) {
		throw new FilterError(`is filters take null, true, false or unknown; got ${single}`);
	}
	return { column, operator: operator as FilterOperator, negate, values: [single] };
}

/** Splits on commas outside double quotes and parentheses. */
function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let current = '';
	let quoted = false;
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted && char === '\\' && i + 1 < text.length) {
			current += char + text[++i];
			continue;
		}
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === '(') depth++;
		else if (!quoted && char === ')') depth--;
		if (char === ',' && !quoted && depth === 0) {
			parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	if (quoted || depth !== 0) throw new FilterError('unbalanced quotes or parentheses in filter');
	if (current !== '' || parts.length > 0) parts.push(current);
	return parts;
}

function unquote(value: string): string {
	const trimmed = value.trim();
	if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
		return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
	}
	return trimmed;
}
