// Shapes a read result into PostgREST's response: JSON array or single object,
// Content-Range, and 200/206/406/416 by the same rules PostgREST uses.
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { restErrors } from './errors.ts';
import type { Preferences, Representation } from './request.ts';

export interface RestResponse {
	status: number;
	headers: Record<string, string>;
	/** Absent for 204 and return=minimal. */
	body?: string;
}

export interface ReadRow {
	total: number | null;
	page: number;
	body: string;
	first: string | null;
}

export const jsonType = 'application/json; charset=utf-8';
export const objectType = 'application/vnd.pgrst.object+json; charset=utf-8';

export async function runRead(tx: Queryable, sql: string, params: unknown[]): Promise<ReadRow> {
	const { rows } = await tx.query<ReadRow>(sql, params);
	const row = rows[0]!;
	return { ...row, total: row.total === null ? null : Number(row.total), page: Number(row.page) };
}

export function contentRange(offset: number, page: number, total: number | null): string {
	const totalText = total === null ? '*' : String(total);
	return page > 0 && total !== 0 ? `${offset}-${offset + page - 1}/${totalText}` : `*/${totalText}`;
}

/** The body for a result set, or PGRST116 when one object was asked for and there is not exactly one. */
export function resultBody(result: ReadRow, accept: Representation): { body: string; contentType: string } {
	if (!accept.singleObject) return { body: result.body, contentType: jsonType };
	if (result.page !== 1 || result.first === null) throw restErrors.singleObject(result.page);
	return { body: result.first, contentType: objectType };
}

export function readResponse(
	result: ReadRow,
	offset: number,
	accept: Representation,
	prefs: Preferences
): RestResponse {
	const { total, page } = result;
	const upper = offset + page - 1;
	let status = 200;
	if (total !== null && offset > total) {
		throw restErrors.rangeNotSatisfiable(`An offset of ${offset} was requested, but there are only ${total} rows.`);
	}
	if (total !== null && 1 + upper - offset < total) status = 206;
	const { body, contentType } = resultBody(result, accept);
	const headers: Record<string, string> = {
		'content-type': contentType,
		'content-range': contentRange(offset, page, total)
	};
	if (prefs.applied.length) headers['preference-applied'] = prefs.applied.join(', ');
	return { status, headers, body };
}
