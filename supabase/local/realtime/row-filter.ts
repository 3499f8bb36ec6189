// The `filter` of a postgres_changes binding, as realtime-js writes it (by hand or with
// its RealtimePostgresFilterBuilder): conditions `column=[not.]op.value` joined by
// commas, all of which must hold. Operators: eq, neq, lt, lte, gt, gte, in.(a,b),
// is.(null|true|false), isdistinct, like, ilike, match, imatch. Values with commas,
// parentheses, quotes or edge spaces come double-quoted with backslash escapes.

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
// Supabase Realtime caps `in` filters at 100 values.
const MAX_IN_VALUES = 100;
const conditionStart = /^[^=,()"]+=(not\.)?[a-z]+\./;

export function parseRowFilter(text: string): FilterCondition[] {
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

/**
 * Whether a row passes every condition. Values compare as the column's type does in
 * SQL: numbers numerically, timestamps by instant, the rest as text; NULL passes only
 * `is.null` and `isdistinct`. A column the record does not carry (a DELETE's old row
 * without replica identity full) cannot be checked, and the event goes through, as on
 * Supabase.
 */
export function rowFilterAccepts(
	conditions: FilterCondition[],
	record: Record<string, unknown>,
	columnType: (column: string) => string | undefined
): boolean {
	return conditions.every((condition) => {
		if (!(condition.column in record)) return true;
		const result = evaluate(condition, record[condition.column], columnType(condition.column) ?? 'text');
		// SQL: NOT of unknown is still unknown, and unknown does not pass.
		return result === undefined ? false : condition.negate ? !result : result;
	});
}

/** true, false, or undefined for SQL's unknown (NULL operands, values of the wrong type). */
function evaluate(condition: FilterCondition, value: unknown, type: string): boolean | undefined {
	const literal = condition.values[0] ?? '';
	const isNull = value === null || value === undefined;
	switch (condition.operator) {
		case 'is': {
			const expected = literal.toLowerCase();
			if (expected === 'null' || expected === 'unknown') return isNull;
			return !isNull && value === (expected === 'true');
		}
		case 'isdistinct':
			if (isNull) return literal.toLowerCase() !== 'null';
			return literal.toLowerCase() === 'null' || compare(type, value, literal) !== 0;
		case 'like':
		case 'ilike':
			if (isNull) return undefined;
			return likePattern(literal, condition.operator === 'ilike').test(text(value));
		case 'match':
		case 'imatch':
			if (isNull) return undefined;
			try {
				return new RegExp(literal, condition.operator === 'imatch' ? 'i' : '').test(text(value));
			} catch {
				return undefined;
			}
		case 'in': {
			if (isNull) return undefined;
			const results = condition.values.map((item) => compare(type, value, item));
			return results.includes(0) ? true : results.includes(undefined) ? undefined : false;
		}
		default: {
			if (isNull) return undefined;
			const sign = compare(type, value, literal);
			if (sign === undefined) return undefined;
			return { eq: sign === 0, neq: sign !== 0, lt: sign < 0, lte: sign <= 0, gt: sign > 0, gte: sign >= 0 }[
				condition.operator
			];
		}
	}
}

const numericTypes = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid', 'money']);
const instantTypes = new Set(['timestamp', 'timestamptz', 'date']);
const booleanWords: Record<string, boolean> = {
	true: true,
	t: true,
	yes: true,
	on: true,
	'1': true,
	false: false,
	f: false,
	no: false,
	off: false,
	'0': false
};

/** Sign of value − literal, or undefined when the literal is not of the column's type. */
function compare(type: string, value: unknown, literal: string): number | undefined {
	if (numericTypes.has(type)) {
		const left = Number(value);
		const right = Number(literal);
		if (Number.isNaN(left) || literal.trim() === '' || Number.isNaN(right)) return undefined;
		return Math.sign(left - right);
	}
	if (type === 'bool') {
		const right = booleanWords[literal.toLowerCase()];
		if (right === undefined || typeof value !== 'boolean') return undefined;
		return Number(value) - Number(right);
	}
	if (instantTypes.has(type)) {
		const left = Date.parse(String(value));
		const right = Date.parse(literal);
		if (!Number.isNaN(left) && !Number.isNaN(right)) return Math.sign(left - right);
	}
	let left = text(value);
	let right = literal;
	if (type === 'uuid') {
		left = left.toLowerCase();
		right = right.toLowerCase();
	}
	return left < right ? -1 : left > right ? 1 : 0;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** SQL LIKE (with PostgREST's `*` for `%`) as a regular expression. */
function likePattern(pattern: string, caseInsensitive: boolean): RegExp {
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i]!;
		if (char === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
		else if (char === '%' || char === '*') source += '[\\s\\S]*';
		else if (char === '_') source += '[\\s\\S]';
		else source += escapeRegExp(char);
	}
	return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '');
}

function escapeRegExp(char: string): string {
	return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
