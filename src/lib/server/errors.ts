// Supabase answers { data, error }; data access turns that into a value or a typed error.
import type { PostgrestError } from '@supabase/supabase-js';

export class DataError extends Error {
	readonly code: string;
	/** The reason our SQL gave (`raise … using hint`), which $lib/domain/errors translates. */
	readonly hint: string | null;
	readonly status: number;
	constructor(
		operation: string,
		error: Pick<PostgrestError, 'code' | 'message'> & { hint?: string | null; status?: number }
	) {
		super(`${operation}: ${error.message}`);
		this.name = 'DataError';
		this.code = error.code;
		this.hint = error.hint ?? null;
		this.status = error.status ?? 500;
	}
}

/** The data of a Supabase response, or a DataError naming what failed. */
export function unwrap<T>(
	operation: string,
	response: { data: T; error: PostgrestError | null; status?: number }
): NonNullable<T> {
	if (response.error) throw new DataError(operation, { ...response.error, status: response.status });
	if (response.data === null || response.data === undefined) {
		throw new DataError(operation, { code: 'PGRST116', message: 'no data', status: 404 });
	}
	return response.data as NonNullable<T>;
}
