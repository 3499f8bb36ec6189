// postgres_changes bindings from phx_join: {event, schema, table, filter, select}; the
// filter grammar is in row-filter.ts.
import { isObject } from './protocol.ts';
import { FilterError, parseRowFilter } from './row-filter.ts';
import type { FilterCondition } from './row-filter.ts';

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

export interface ChangeBinding {
	id: number;
	event: ChangeType | '*';
	schema: string;
	/** Undefined or '*' means every table of the schema. */
	table: string | undefined;
	/** All must hold; undefined when the binding has no filter. */
	filter: FilterCondition[] | undefined;
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

const events = ['*', 'INSERT', 'UPDATE', 'DELETE'] as const;

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
	let filter: FilterCondition[] | undefined;
	try {
		filter = typeof raw.filter === 'string' && raw.filter !== '' ? parseRowFilter(raw.filter) : undefined;
	} catch (error) {
		if (error instanceof FilterError) throw new BindingError(error.message);
		throw error;
	}
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

export function bindingAccepts(binding: ChangeBinding, schema: string, table: string, type: ChangeType): boolean {
	if (binding.event !== '*' && binding.event !== type) return false;
	if (binding.schema !== '*' && binding.schema !== schema) return false;
	return binding.table === undefined || binding.table === '*' || binding.table === table;
}
