// /rest/v1/rpc/<fn>: named arguments from the JSON body (POST) or the query string
// (GET), typed through json_to_record with the function's own argument types, and the
// result shaped as PostgREST shapes it (scalar, array, object, 204 for void).
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { restErrors } from './errors.ts';
import { parseSelect } from './parse.ts';
import { MAX_RESPONSE_BYTES, MAX_ROWS } from './limits.ts';
import { applyQueryParams, buildReadNode, reservedParams } from './plan.ts';
import type { Preferences, RangeRequest, Representation } from './request.ts';
import { jsonType, readResponse, resultBody, runRead } from './response.ts';
import type { RestResponse } from './response.ts';
import { inputArgs } from './schema-cache.ts';
import type { FunctionInfo, SchemaCache } from './schema-cache.ts';
import { ident, qualified, readQuery, SqlParams } from './sql.ts';

export interface RpcCall {
	tx: Queryable;
	cache: SchemaCache;
	candidates: FunctionInfo[];
	method: string;
	params: URLSearchParams;
	prefs: Preferences;
	accept: Representation;
	range?: RangeRequest;
	body?: unknown;
}

const jsonTypes = new Set(['json', 'jsonb']);

function takesSingleJson(fn: FunctionInfo): boolean {
	const args = inputArgs(fn);
	return args.length === 1 && args[0]!.name === '' && jsonTypes.has(args[0]!.type);
}

/** Picks the overload PostgREST would: every given name known, every required one given. */
export function chooseFunction(
	candidates: FunctionInfo[],
	given: string[],
	singleObject: boolean
): { fn: FunctionInfo; singleJson: boolean } | undefined {
	const named = candidates.filter((fn) => {
		if (singleObject) return false;
		const args = inputArgs(fn);
		const names = new Set(args.map((a) => a.name));
		const required = args.slice(0, args.length - fn.defaultCount);
		return given.every((name) => names.has(name)) && required.every((a) => given.includes(a.name));
	});
	if (named.length > 1) {
		// The closest match wins: fewest parameters left to their defaults.
		named.sort((a, b) => inputArgs(a).length - inputArgs(b).length);
		if (inputArgs(named[0]!).length === inputArgs(named[1]!).length) {
			throw restErrors.ambiguousFunction(named[0]!.schema, named[0]!.name);
		}
	}
	if (named[0]) return { fn: named[0], singleJson: false };
	const single = candidates.find((fn) => takesSingleJson(fn) || (singleObject && inputArgs(fn).length === 1));
	return single ? { fn: single, singleJson: true } : undefined;
}

export async function callFunction(call: RpcCall): Promise<RestResponse> {
	const read = call.method === 'GET' || call.method === 'HEAD';
	const args: Record<string, unknown> = {};
	const consumed = new Set<string>();
	if (read) {
		const names = new Set(call.candidates.flatMap((fn) => inputArgs(fn).map((a) => a.name)));
		for (const [key, value] of call.params) {
			if (names.has(key) && !reservedParams.has(key)) {
				args[key] = value;
				consumed.add(key);
			}
		}
	} else if (call.body !== undefined) {
		if (typeof call.body === 'object' && call.body !== null && !Array.isArray(call.body)) {
			Object.assign(args, call.body);
		}
	}
	const bodyIsObject =
		read ||
		call.body === undefined ||
		(typeof call.body === 'object' && call.body !== null && !Array.isArray(call.body));
	const given = bodyIsObject ? Object.keys(args) : [];
	const first = call.candidates[0]!;
	const chosen = chooseFunction(call.candidates, given, call.prefs.singleObjectParams || !bodyIsObject);
	if (!chosen) throw restErrors.noFunction(first.schema, first.name, given.sort());
	const { fn } = chosen;
	const params = new SqlParams();
	const fnSql = qualified(fn.schema, fn.name);
	let argsFrom = '';
	let callSql: string;
	if (chosen.singleJson) {
		const arg = inputArgs(fn)[0]!;
		callSql = `${fnSql}(${params.add(JSON.stringify(read ? args : (call.body ?? {})))}::${arg.type})`;
	} else {
		const used = inputArgs(fn).filter((a) => given.includes(a.name));
		if (used.length) {
			const record = used.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
			argsFrom = `json_to_record(${params.add(JSON.stringify(args))}::json) as "pgrst_args"(${record})`;
		}
		const named = used.map(
			(a) => `${a.mode === 'v' ? 'variadic ' : ''}${ident(a.name)} := "pgrst_args".${ident(a.name)}`
		);
		callSql = `${fnSql}(${named.join(', ')})`;
	}
	const from = argsFrom ? ` from ${argsFrom}` : '';
	const prefix = argsFrom ? `${argsFrom} cross join lateral ` : '';

	if (fn.returnType === 'void') {
		await call.tx.query(`select ${callSql}${from}`, params.values);
		return { status: 204, headers: {} };
	}
	const composite = fn.returnTable !== null || fn.returnType === 'record';
	if (!composite) {
		const cap = params.add(MAX_RESPONSE_BYTES);
		const sql = fn.returnsSet
			? `select local_rest.response_body(coalesce(json_agg("pgrst_value"."value"), '[]'::json)::text, ${cap}) as body from ${prefix}${callSql} as "pgrst_value"("value")`
			: `select local_rest.response_body(to_json(${callSql})::text, ${cap}) as body${from}`;
		const { rows } = await call.tx.query<{ body: string | null }>(sql, params.values);
		const body = rows[0]?.body ?? 'null';
		return { status: 200, headers: { 'content-type': jsonType }, body };
	}
	const table = fn.returnTable ? (call.cache.tables.get(fn.returnTable) ?? null) : null;
	const node = buildReadNode(call.cache, table, fn.name, parseSelect(call.params.get('select') ?? '*'));
	applyQueryParams(node, call.params, consumed);
	if (call.range) {
		node.offset ??= call.range.offset;
		if (call.range.limit !== undefined) node.limit ??= call.range.limit;
	}
	if (fn.returnsSet) node.limit = Math.min(node.limit ?? MAX_ROWS, MAX_ROWS);
	const sql = readQuery(
		node,
		{
			prefix,
			from: callSql,
			alias: fn.name,
			count: call.prefs.count !== undefined,
			stripNulls: call.accept.stripNulls
		},
		params
	);
	const result = await runRead(call.tx, sql, params.values);
	if (!fn.returnsSet && !call.accept.singleObject) {
		// A function returning one composite value answers with that object.
		return {
			status: 200,
			headers: { 'content-type': jsonType },
			body: resultBody(result, { ...call.accept, singleObject: true }).body
		};
	}
	return readResponse(result, node.offset ?? 0, call.accept, call.prefs);
}
