// PostgREST at /rest/v1: the subset supabase-js (postgrest-js 2) uses, answered with
// PostgREST 12's status codes, headers and error bodies (PGRST205 for unknown tables,
// as Supabase's PostgREST reports it). Each request runs in one transaction with the
// caller's role and JWT claims, so RLS decides what it sees.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import {
	bodyRefusal,
	flatHeaders,
	HttpError,
	InvalidJsonError,
	readJsonBody,
	sendEmpty,
	sendHttpError,
	sendJson,
	sendText
} from '../http.ts';
import { withRole } from '../request-role.ts';
import type { RequestIdentity } from '../request-role.ts';
import { requestIdentity } from '../identity.ts';
import { fromDatabaseError, isDatabaseError, RestError, restErrors, restIdentityError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { readAccept, readPreferences, readProfile, readRange } from './request.ts';
import type { RestResponse } from './response.ts';
import { callFunction } from './rpc.ts';
import { loadSchemaCache, tableKey } from './schema-cache.ts';
import type { SchemaCache } from './schema-cache.ts';
import { deleteRows, insertRows, readTable, updateRows } from './tables.ts';

export const REST_PREFIX = '/rest/v1';

const tableHandlers: Record<string, typeof readTable | undefined> = {
	GET: readTable,
	HEAD: readTable,
	POST: insertRows,
	PATCH: updateRows,
	DELETE: deleteRows
};

export interface RestApi {
	/** Serves one /rest/v1 request; never rejects. */
	handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
	/** Re-reads the schema cache (PostgREST does this on NOTIFY pgrst, 'reload schema'). */
	reloadSchema(): Promise<void>;
	close(): Promise<void>;
}

export interface RestOptions {
	/** Exposed schemas; the first is the default profile. */
	schemas?: string[];
}

/** Thrown inside the transaction to roll it back while still answering normally. */
class RollbackWith extends Error {
	readonly response: RestResponse;
	constructor(response: RestResponse) {
		super('rollback requested');
		this.response = response;
	}
}

export async function createRestApi(ctx: StackContext, options: RestOptions = {}): Promise<RestApi> {
	const schemas = options.schemas ?? ['public'];
	let cache: SchemaCache = await loadSchemaCache(ctx.db, schemas);
	let reloading: Promise<void> | undefined;
	const reloadSchema = (): Promise<void> => {
		reloading ??= loadSchemaCache(ctx.db, schemas)
			.then((fresh) => {
				cache = fresh;
			})
			.finally(() => {
				reloading = undefined;
			});
		return reloading;
	};
	// Names the cache does not know trigger a reload (a table made outside migrations),
	// at most once a second so unknown names cannot keep the catalog busy.
	let lastMissReload = 0;
	const reloadOnMiss = async (): Promise<void> => {
		if (Date.now() - lastMissReload < 1000) return;
		lastMissReload = Date.now();
		await reloadSchema();
	};
	const unlisten = await ctx.db.listen('pgrst', (payload) => {
		if (payload === '' || payload === 'reload schema') {
			reloadSchema().catch((error: unknown) => ctx.log(`[rest] schema reload failed: ${String(error)}`));
		}
	});

	async function serve(req: IncomingMessage, url: URL): Promise<RestResponse> {
		const method = req.method ?? 'GET';
		const identity = await requestIdentity(req, url, ctx.jwtSecret).catch((error: unknown) => {
			throw restIdentityError(error);
		});
		const route = url.pathname.slice(REST_PREFIX.length).replace(/^\/+/, '').replace(/\/+$/, '');
		if (route === '') {
			if (method !== 'GET' && method !== 'HEAD') throw restErrors.notAllowed(method);
			return {
				status: 200,
				headers: { 'content-type': 'application/openapi+json; charset=utf-8' },
				body: JSON.stringify(openApiDocument(cache, ctx.publicUrl))
			};
		}
		const schema = readProfile(req, schemas);
		const prefs = readPreferences(req);
		const accept = readAccept(req);
		const range = readRange(req);
		const body = method === 'POST' || method === 'PATCH' || method === 'PUT' ? await readBodyOrThrow(req) : undefined;
		const segments = route.split('/').map((segment) => decodeSegment(segment, schema));
		const settings = { method, path: url.pathname, headers: flatHeaders(req) };

		if (segments[0] === 'rpc' && segments.length === 2) {
			if (!['GET', 'HEAD', 'POST'].includes(method)) throw restErrors.notAllowed(method);
			const key = tableKey(schema, segments[1]!);
			if (!cache.functions.has(key)) await reloadOnMiss();
			const candidates = cache.functions.get(key);
			if (!candidates) throw restErrors.noFunction(schema, segments[1]!, bodyKeys(body, url, method));
			return inTransaction(identity, settings, prefs.rollback, (tx) =>
				callFunction({ tx, cache, candidates, method, params: url.searchParams, prefs, accept, range, body })
			);
		}
		if (segments.length !== 1) throw restErrors.unknownTable(schema, route);
		const key = tableKey(schema, segments[0]!);
		if (!cache.tables.has(key)) await reloadOnMiss();
		const table = cache.tables.get(key);
		if (!table) throw restErrors.unknownTable(schema, segments[0]!);
		const handler = tableHandlers[method];
		if (!handler) throw restErrors.notAllowed(method);
		return inTransaction(identity, settings, prefs.rollback, (tx) =>
			handler({ tx, cache, table, params: url.searchParams, prefs, accept, range, body })
		);
	}

	async function inTransaction(
		identity: RequestIdentity,
		settings: { method: string; path: string; headers: Record<string, string> },
		rollback: boolean,
		work: (tx: Queryable) => Promise<RestResponse>
	): Promise<RestResponse> {
		try {
			return await withRole(
				ctx.db,
				identity,
				async (tx) => {
					// PostgREST runs GET and HEAD read-only: a write there fails with 25006 (405).
					if (settings.method === 'GET' || settings.method === 'HEAD') await tx.exec('set transaction read only');
					const response = await work(tx);
					if (rollback) throw new RollbackWith(response);
					return response;
				},
				settings
			);
		} catch (error) {
			if (error instanceof RollbackWith) return error.response;
			if (isDatabaseError(error)) throw fromDatabaseError(error, identity.role);
			throw error;
		}
	}

	return {
		async handle(req, res, url) {
			try {
				const response = await serve(req, url);
				if (response.body === undefined) sendEmpty(res, response.status, response.headers);
				else sendText(res, response.status, response.body, response.headers);
			} catch (error) {
				if (error instanceof RestError) sendJson(res, error.status, error.body, error.headers);
				else if (error instanceof HttpError) sendHttpError(res, error);
				else if (isConnectionError(error)) {
					ctx.log(`[rest] database unreachable: ${(error as Error).message}`);
					sendJson(res, 503, {
						code: 'PGRST000',
						details: (error as Error).message,
						hint: null,
						message: 'Database connection error. Retrying the connection.'
					});
				} else {
					ctx.log(
						`[rest] ${req.method} ${url.pathname}${url.search} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
					);
					sendJson(res, 500, {
						code: 'XX000',
						details: null,
						hint: null,
						message: 'Internal error in the local REST API'
					});
				}
			}
		},
		reloadSchema,
		async close() {
			await unlisten();
			await reloading?.catch(() => undefined);
		}
	};
}

function decodeSegment(segment: string, schema: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw restErrors.unknownTable(schema, segment);
	}
}

/** Node's socket errors (ECONNREFUSED…): the database is down, not the request wrong. */
function isConnectionError(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

async function readBodyOrThrow(req: IncomingMessage): Promise<unknown> {
	try {
		return await readJsonBody(req);
	} catch (error) {
		if (error instanceof InvalidJsonError) throw restErrors.invalidBody('Empty or invalid json');
		const refusal = bodyRefusal(error);
		if (refusal) {
			// PostgREST has no code of its own for these; Supabase's gateway answers them.
			throw new RestError(
				refusal.status,
				{ code: `PGRST${refusal.status}`, details: null, hint: null, message: refusal.message },
				{ connection: 'close' }
			);
		}
		throw error;
	}
}

function bodyKeys(body: unknown, url: URL, method: string): string[] {
	if (method === 'GET' || method === 'HEAD') return [...new Set(url.searchParams.keys())].sort();
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body).sort() : [];
}
