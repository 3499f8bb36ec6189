// postgres_changes bindings from phx_join: {event, schema, table, filter, select}, with
// filters in Supabase's form `column=op.value` (eq, neq, lt, lte, gt, gte, in.(a,b)).
import { isObject } from './protocol.ts';

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

export type FilterOperator = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export interface RowFilter {
	column: string;
	operator: FilterOperator;
	/** One value, or the list for `in`. */
	values: string[];
}

export interface ChangeBinding {
	id: number;
	event: ChangeType | '*';
	schema: string;
	/** Undefined or '*' means every table of the schema. */
	table: string | undefined;
	filter: RowFilter | undefined;
	select: string[] | undefined;
	/** The binding as the client sent it: realtime-js matches the reply against it. */
	echo: Record<string, unknown>;
}

export class BindingError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BindingError';
	}
}

const operators: readonly FilterOperator[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'];
const events = ['*', 'INSERT', 'UPDATE', 'DELETE'] as const;
// Supabase Realtime caps `in` filters at 100 values.
const MAX_IN_VALUES = 100;

export function parseBinding(raw: unknown, id: number): ChangeBinding {
	if (!isObject(raw)) throw new BindingError('each postgres_changes entry must be an object');
	const event = typeof raw.event === 'string' ? raw.event.toUpperCase() : '';
	if (!(events as readonly string[]).includes(event)) {
		throw new BindingError(`event must be one of *, INSERT, UPDATE, DELETE; got ${String(raw.event)}`);
	}
	if (typeof raw.schema !== 'string' || raw.schema === '') throw new BindingError('schema is required');
	if (raw.table !== undefined && raw.table !== null && typeof raw.table !== 'string') {
		throw new BindingError('table must be a string');
	}
	if (raw.filter !== undefined && raw.filter !== null && typeof raw.filter !== 'string') {
		throw new BindingError('filter must be a string');
	}
	const select = raw.select;
	if (
		select !== undefined &&
		select !== null &&
		!(Array.isArray(select) && select.every((c) => typeof c === 'string'))
	) {
		throw new BindingError('select must be a list of column names');
	}
	const table = typeof raw.table === 'string' && raw.table !== '' ? raw.table : undefined;
	const filter = typeof raw.filter === 'string' && raw.filter !== '' ? parseFilter(raw.filter) : undefined;
	const echo: Record<string, unknown> = { event: raw.event, schema: raw.schema };
	if (raw.table !== undefined) echo.table = raw.table;
	if (raw.filter !== undefined) echo.filter = raw.filter;
	return {
		id,
		event: event as ChangeBinding['event'],
		schema: raw.schema,
		table,
		filter,
		select: Array.isArray(select) && select.length > 0 ? (select as string[]) : undefined,
		echo
	};
}

export function parseFilter(text: string): RowFilter {
	const equals = text.indexOf('=');
	const dot = text.indexOf('.', equals + 1);
	if (equals < 1 || dot < 0) throw new BindingError(`filter must look like column=op.value; got ${text}`);
	const column = text.slice(0, equals).trim();
	const operator = text.slice(equals + 1, dot) as FilterOperator;
	const value = text.slice(dot + 1);
	if (!operators.includes(operator)) throw new BindingError(`filter operator ${operator} is not supported`);
	if (operator !== 'in') return { column, operator, values: [value] };
	if (!value.startsWith('(') || !value.endsWith(')')) throw new BindingError('in filters look like col=in.(a,b)');
	const values = splitList(value.slice(1, -1));
	if (values.length > MAX_IN_VALUES) throw new BindingError(`in filters take at most ${MAX_IN_VALUES} values`);
	return { column, operator, values };
}

/** Splits `a,"b,c",d` the way PostgREST reads in-lists: double quotes protect commas. */
function splitList(text: string): string[] {
	const values: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (char === '"') {
			quoted = !quoted;
		} else if (char === '\\' && quoted && i + 1 < text.length) {
			current += text[++i];
		} else if (char === ',' && !quoted) {
			values.push(current.trim());
			current = '';
		} else {
			current += char;
		}
	}
	if (current.trim() !== '' || values.length > 0) values.push(current.trim());
	return values;
}

export function bindingAccepts(binding: ChangeBinding, schema: string, table: string, type: ChangeType): boolean {
	if (binding.event !== '*' && binding.event !== type) return false;
	if (binding.schema !== '*' && binding.schema !== schema) return false;
	return binding.table === undefined || binding.table === '*' || binding.table === table;
}

/**
 * Whether a row passes the filter. Values compare as the column's type does in SQL:
 * numbers numerically, timestamps by instant, the rest as text; NULL matches nothing.
 * A column the record does not carry (a DELETE's old row without replica identity
 * full) cannot be checked, and the event goes through, as on Supabase.
 */
export function filterAccepts(
	filter: RowFilter,
	record: Record<string, unknown>,
	columnType: string | undefined
): boolean {
	if (!(filter.column in record)) return true;
	const value = record[filter.column];
	if (value === null || value === undefined) return false;
	const comparisons = filter.values.map((literal) => compare(columnType ?? 'text', value, literal));
	if (comparisons.some((result) => result === undefined)) return false;
	const results = comparisons as number[];
	switch (filter.operator) {
		case 'eq':
			return results[0] === 0;
		case 'neq':
			return results[0] !== 0;
		case 'lt':
			return results[0]! < 0;
		case 'lte':
			return results[0]! <= 0;
		case 'gt':
			return results[0]! > 0;
		case 'gte':
			return results[0]! >= 0;
		case 'in':
			return results.includes(0);
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
	let left = typeof value === 'string' ? value : JSON.stringify(value);
	let right = literal;
	if (type === 'uuid') {
		left = left.toLowerCase();
		right = right.toLowerCase();
	}
	return left < right ? -1 : left > right ? 1 : 0;
}
