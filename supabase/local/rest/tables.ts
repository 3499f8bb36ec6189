// Reads and writes on /rest/v1/<table>: GET/HEAD, POST (insert, upsert), PATCH, DELETE,
// each one statement built from the plan, answered with PostgREST's status codes.
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { restErrors } from './errors.ts';
import { parseColumnList, parseSelect } from './parse.ts';
import { MAX_ROWS } from './limits.ts';
import { applyQueryParams, buildReadNode } from './plan.ts';
import type { ReadNode } from './plan.ts';
import type { Preferences, RangeRequest, Representation } from './request.ts';
import { contentRange, readResponse, resultBody, runRead } from './response.ts';
import type { RestResponse } from './response.ts';
import type { SchemaCache, TableInfo } from './schema-cache.ts';
import { conditionSql, ident, limitedRowsSql, readQuery, SqlParams, tableSql } from './sql.ts';

export interface TableCall {
	tx: Queryable;
	cache: SchemaCache;
	table: TableInfo;
	params: URLSearchParams;
	prefs: Preferences;
	accept: Representation;
	range?: RangeRequest;
	/** Parsed JSON body for POST and PATCH. */
	body?: unknown;
}

function planFor(call: TableCall): ReadNode {
	const node = buildReadNode(call.cache, call.table, call.table.name, parseSelect(call.params.get('select') ?? '*'));
	applyQueryParams(node, call.params);
	if (call.range) {
		node.offset ??= call.range.offset;
		if (call.range.limit !== undefined) node.limit ??= call.range.limit;
	}
	node.limit = Math.min(node.limit ?? MAX_ROWS, MAX_ROWS);
	return node;
}

export async function readTable(call: TableCall): Promise<RestResponse> {
	const node = planFor(call);
	const params = new SqlParams();
	const sql = readQuery(
		node,
		{
			from: tableSql(call.table),
			alias: call.table.name,
			count: call.prefs.count !== undefined,
			stripNulls: call.accept.stripNulls
		},
		params
	);
	const result = await runRead(call.tx, sql, params.values);
	return readResponse(result, node.offset ?? 0, call.accept, call.prefs);
}

/** Rows to write: an object or an array of objects, as PostgREST accepts them. */
function payloadRows(body: unknown): Record<string, unknown>[] {
	const rows = Array.isArray(body) ? body : [body];
	if (body === undefined || rows.some((row) => typeof row !== 'object' || row === null || Array.isArray(row))) {
		throw restErrors.invalidBody('Empty or invalid json');
	}
	return rows as Record<string, unknown>[];
}

/** The columns written: `columns=` when given, else the payload's keys (all rows alike). */
function payloadColumns(call: TableCall, rows: Record<string, unknown>[]): string[] {
	const listed = call.params.get('columns');
	let columns: string[];
	if (listed !== null) {
		columns = parseColumnList('columns parameter', listed);
	} else {
		columns = Object.keys(rows[0] ?? {});
		const signature = [...columns].sort().join('\u0000');
		if (rows.some((row) => Object.keys(row).sort().join('\u0000') !== signature)) {
			throw restErrors.invalidBody('All object keys must match');
		}
	}
	const known = new Set(call.table.columns.map((c) => c.name));
	for (const column of columns) {
		if (!known.has(column)) throw restErrors.unknownBodyColumn(column, call.table.name);
	}
	return columns;
}

function writeReturnsRows(call: TableCall): boolean {
	return call.prefs.return === 'representation';
}

/** Finishes a write: the representation (read through the write's CTE) or just the count. */
async function finishWrite(
	call: TableCall,
	writeSql: string,
	params: SqlParams,
	created: boolean
): Promise<RestResponse> {
	const prefsHeader: Record<string, string> = call.prefs.applied.length
		? { 'preference-applied': call.prefs.applied.join(', ') }
		: {};
	const location = created && call.prefs.return === 'headers-only' && call.table.primaryKey.length > 0;
	if (writeReturnsRows(call) || location) {
		const select = location
			? call.table.primaryKey.map((c) => `"${c.replace(/"/g, '\\"')}"`).join(',')
			: (call.params.get('select') ?? '*');
		const node = buildReadNode(call.cache, call.table, call.table.name, parseSelect(select));
		const sql = readQuery(
			node,
			{
				with: `"pgrst_write" as (${writeSql} returning ${ident(call.table.name)}.*)`,
				from: '"pgrst_write"',
				alias: call.table.name,
				count: false,
				stripNulls: call.accept.stripNulls
			},
			params
		);
		const result = await runRead(call.tx, sql, params.values);
		checkMaxAffected(call, result.page);
		if (location) return { status: 201, headers: { ...locationHeader(call.table, result.first), ...prefsHeader } };
		const { body, contentType } = resultBody(result, call.accept);
		const range = created
			? `*/${call.prefs.count ? result.page : '*'}`
			: contentRange(0, result.page, call.prefs.count ? result.page : null);
		return {
			status: created ? 201 : 200,
			headers: { 'content-type': contentType, 'content-range': range, ...prefsHeader },
			body
		};
	}
	// return=minimal writes without RETURNING, so rows the caller may insert but not
	// read (RLS select policies) do not fail the request, as on PostgREST.
	const { affectedRows } = await call.tx.query(writeSql, params.values);
	checkMaxAffected(call, affectedRows);
	if (call.accept.singleObject && affectedRows !== 1) throw restErrors.singleObject(affectedRows);
	const total = call.prefs.count ? affectedRows : null;
	return {
		status: created ? 201 : 204,
		headers: { 'content-range': created ? `*/${total ?? '*'}` : contentRange(0, affectedRows, total), ...prefsHeader }
	};
}

/** Thrown inside the transaction, so the write is rolled back. */
function checkMaxAffected(call: TableCall, affected: number): void {
	if (call.prefs.maxAffected !== undefined && affected > call.prefs.maxAffected) throw restErrors.maxAffected(affected);
}

/** `Location: /table?id=eq.5` for the one row a return=headers-only insert created. */
function locationHeader(table: TableInfo, firstRow: string | null): Record<string, string> {
	if (firstRow === null) return {};
	const row = JSON.parse(firstRow) as Record<string, unknown>;
	const query = table.primaryKey.map(
		(column) => `${encodeURIComponent(column)}=eq.${encodeURIComponent(String(row[column]))}`
	);
	return { location: `/${encodeURIComponent(table.name)}?${query.join('&')}` };
}

export async function insertRows(call: TableCall): Promise<RestResponse> {
	const rows = payloadRows(call.body);
	const columns = payloadColumns(call, rows);
	const { table } = call;
	const params = new SqlParams();
	const target = `${tableSql(table)} as ${ident(table.name)}`;
	const bodyParam = `${params.add(JSON.stringify(rows))}::json`;
	let sql: string;
	if (columns.length === 0) {
		// Every column from its default, one row per payload object.
		sql = `insert into ${target} select from json_array_elements(${bodyParam})`;
	} else if (call.prefs.missingDefault) {
		const values = columns.map((name) => {
			const column = table.columns.find((c) => c.name === name)!;
			const fallback = column.identity
				? `nextval(pg_catalog.pg_get_serial_sequence(${params.add(`${ident(table.schema)}.${ident(table.name)}`)}, ${params.add(name)}))`
				: (column.defaultExpr ?? 'null');
			return `case when ("pgrst_elem"."value" -> ${params.add(name)}::text) is not null then "pgrst_rec".${ident(name)} else ${fallback} end`;
		});
		sql = `insert into ${target} (${columns.map(ident).join(', ')})
			select ${values.join(', ')}
			from json_array_elements(${bodyParam}) as "pgrst_elem"("value")
			cross join lateral json_populate_record(null::${tableSql(table)}, "pgrst_elem"."value") as "pgrst_rec"`;
	} else {
		sql = `insert into ${target} (${columns.map(ident).join(', ')})
			select ${columns.map((c) => `"pgrst_rec".${ident(c)}`).join(', ')}
			from json_populate_recordset(null::${tableSql(table)}, ${bodyParam}) as "pgrst_rec"`;
	}
	if (call.prefs.resolution) sql += onConflictSql(call, columns);
	return finishWrite(call, sql, params, true);
}

function onConflictSql(call: TableCall, columns: string[]): string {
	const listed = call.params.get('on_conflict');
	const target = listed ? parseColumnList('on_conflict parameter', listed) : call.table.primaryKey;
	const known = new Set(call.table.columns.map((c) => c.name));
	for (const column of target) {
		if (!known.has(column)) throw restErrors.unknownBodyColumn(column, call.table.name);
	}
	const conflict = target.length ? ` on conflict (${target.map(ident).join(', ')})` : ' on conflict';
	if (call.prefs.resolution === 'ignore-duplicates' || columns.length === 0) return `${conflict} do nothing`;
	return `${conflict} do update set ${columns.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`;
}

/** The rows a PATCH or DELETE touches: its filters, and with `limit`/`offset` only that many. */
function whereSql(call: TableCall, params: SqlParams): string {
	const node = buildReadNode(call.cache, call.table, call.table.name, []);
	applyQueryParams(node, call.params);
	if (node.limit !== undefined || node.offset !== undefined) {
		return ` where ${ident(call.table.name)}.ctid in (${limitedRowsSql(node, call.table, params)})`;
	}
	const conditions = node.conditions.map((c) => conditionSql(call.table.name, c, params));
	return conditions.length ? ` where ${conditions.join(' and ')}` : '';
}

export async function updateRows(call: TableCall): Promise<RestResponse> {
	const body = call.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw restErrors.invalidBody('Empty or invalid json');
	}
	const columns = payloadColumns(call, [body as Record<string, unknown>]);
	const { table } = call;
	const params = new SqlParams();
	if (columns.length === 0) {
		// Nothing to set: PostgREST answers without touching a row.
		return writeReturnsRows(call)
			? {
					status: 200,
					headers: { 'content-type': 'application/json; charset=utf-8', 'content-range': '*/*' },
					body: '[]'
				}
			: { status: 204, headers: { 'content-range': '*/*' } };
	}
	const bodyParam = `${params.add(JSON.stringify(body))}::json`;
	const sets = columns.map((c) => `${ident(c)} = "pgrst_rec".${ident(c)}`).join(', ');
	const sql = `update ${tableSql(table)} as ${ident(table.name)} set ${sets}
		from json_populate_record(null::${tableSql(table)}, ${bodyParam}) as "pgrst_rec"${whereSql(call, params)}`;
	return finishWrite(call, sql, params, false);
}

export async function deleteRows(call: TableCall): Promise<RestResponse> {
	const params = new SqlParams();
	const sql = `delete from ${tableSql(call.table)} as ${ident(call.table.name)}${whereSql(call, params)}`;
	return finishWrite(call, sql, params, false);
}
