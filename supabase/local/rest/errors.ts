// PostgREST's error bodies and status codes: its own PGRSTxxx errors for requests it
// cannot serve, and Postgres errors passed through with PostgREST's status mapping.
import { HttpError } from '../http.ts';
import { IdentityError } from '../identity.ts';
import type { ApiRole } from '../jwt.ts';

export interface RestErrorBody {
	code: string;
	details: unknown;
	hint: string | null;
	message: string;
}

export class RestError extends Error {
	readonly status: number;
	readonly body: RestErrorBody;
	readonly headers: Record<string, string>;
	constructor(status: number, body: RestErrorBody, headers: Record<string, string> = {}) {
		super(body.message);
		this.name = 'RestError';
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

function pgrst(
	status: number,
	code: string,
	message: string,
	details: unknown = null,
	hint: string | null = null
): RestError {
	return new RestError(status, { code, details, hint, message });
}

export const restErrors = {
	parse: (what: string, text: string, detail: string) =>
		pgrst(400, 'PGRST100', `"failed to parse ${what} (${text})" (line 1, column 1)`, detail),
	invalidBody: (message: string) => pgrst(400, 'PGRST102', message),
	rangeNotSatisfiable: (details: string) => pgrst(416, 'PGRST103', 'Requested range not satisfiable', details),
	schemaNotExposed: (schemas: string[]) =>
		pgrst(406, 'PGRST106', `The schema must be one of the following: ${schemas.join(', ')}`),
	mediaType: (accept: string) => pgrst(406, 'PGRST107', `None of these media types are available: ${accept}`),
	singleObject: (rows: number) =>
		pgrst(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`),
	noRelationship: (schema: string, from: string, to: string) =>
		pgrst(
			400,
			'PGRST200',
			`Could not find a relationship between '${from}' and '${to}' in the schema cache`,
			`Searched for a foreign key relationship between '${from}' and '${to}' in the schema '${schema}', but no matches were found.`
		),
	ambiguousRelationship: (from: string, to: string, details: unknown, hints: string[]) =>
		pgrst(
			300,
			'PGRST201',
			`Could not embed because more than one relationship was found for '${from}' and '${to}'`,
			details,
			`Try changing '${to}' to one of the following: ${hints.map((h) => `'${h}'`).join(', ')}. Find the desired relationship in the 'details' key.`
		),
	noFunction: (schema: string, name: string, argNames: string[]) =>
		pgrst(
			404,
			'PGRST202',
			`Could not find the function ${schema}.${name}${argNames.length ? `(${argNames.join(', ')})` : ' without parameters'} in the schema cache`,
			`Searched for the function ${schema}.${name}${argNames.length ? ` with parameters ${argNames.join(', ')}` : ' without parameters'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
		),
	ambiguousFunction: (schema: string, name: string) =>
		pgrst(
			300,
			'PGRST203',
			`Could not choose the best candidate function between: ${schema}.${name}`,
			null,
			'Try renaming the parameters or the function itself in the database so function overloading can be resolved'
		),
	unknownBodyColumn: (column: string, table: string) =>
		pgrst(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`),
	unknownTable: (schema: string, table: string) =>
		pgrst(404, 'PGRST205', `Could not find the table '${schema}.${table}' in the schema cache`),
	maxAffected: (affected: number) =>
		pgrst(
			400,
			'PGRST124',
			'Query result exceeds max-affected preference constraint',
			`The query affects ${affected} rows`
		),
	notAllowed: (method: string) => pgrst(405, 'PGRST117', `Unsupported HTTP method: ${method}`),
	notEmbedded: (name: string) =>
		pgrst(
			400,
			'PGRST108',
			`'${name}' is not an embedded resource in this request`,
			null,
			`Verify that '${name}' is included in the 'select' query parameter.`
		),
	relatedOrderToMany: (from: string, name: string) =>
		pgrst(
			400,
			'PGRST118',
			`A related order on '${name}' is not possible`,
			`'${from}' and '${name}' do not form a many-to-one or one-to-one relationship`
		),
	spreadNotToOne: (name: string) =>
		pgrst(
			400,
			'PGRST119',
			`A spread operation on '${name}' is not possible`,
			"'...' can only be used on to-one relationships"
		)
};

interface DatabaseErrorLike {
	code: string;
	message: string;
	detail?: string;
	hint?: string;
}

export function isDatabaseError(error: unknown): error is DatabaseErrorLike {
	if (typeof error !== 'object' || error === null) return false;
	const { code, message } = error as { code?: unknown; message?: unknown };
	return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string';
}

/** PostgREST's mapping of SQLSTATE to HTTP status. */
export function statusForSqlState(code: string, role: ApiRole): number {
	if (code === '42501') return role === 'anon' ? 401 : 403;
	const exact: Record<string, number> = {
		'23503': 409,
		'23505': 409,
		'25006': 405,
		'42883': 404,
		'42P01': 404,
		P0001: 400
	};
	if (exact[code]) return exact[code];
	const custom = /^PT(\d{3})$/.exec(code);
	if (custom) return Number(custom[1]);
	const byClass: Record<string, number> = {
		'08': 503,
		'09': 500,
		'0L': 403,
		'0P': 403,
		'25': 500,
		'28': 403,
		'2D': 500,
		'38': 500,
		'39': 500,
		'3B': 500,
		'40': 500,
		'53': 503,
		'54': 500,
		'55': 500,
		'57': 500,
		'58': 500,
		F0: 500,
		HV: 500,
		P0: 500,
		XX: 500
	};
	return byClass[code.slice(0, 2)] ?? 400;
}

export function fromDatabaseError(error: DatabaseErrorLike, role: ApiRole): RestError {
	const status = statusForSqlState(error.code, role);
	const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
	return new RestError(
		status,
		{ code: error.code, details: error.detail ?? null, hint: error.hint ?? null, message: error.message },
		headers
	);
}

/**
 * A refused caller as Supabase answers on /rest/v1: the gateway's own body for a missing
 * or unknown apikey; PostgREST 12's PGRST301 (invalid) and PGRST303 (expired) for the
 * token, with a WWW-Authenticate challenge. Other errors pass through.
 */
export function restIdentityError(error: unknown): unknown {
	if (!(error instanceof IdentityError)) return error;
	switch (error.reason) {
		case 'no_api_key':
			return new HttpError(401, { message: error.message, hint: 'No `apikey` request header or url param was found.' });
		case 'invalid_api_key':
			return new HttpError(401, {
				message: error.message,
				hint: 'Double check your Supabase `anon` or `service_role` API key.'
			});
		case 'role':
			return new HttpError(401, { code: 'PGRST301', details: null, hint: null, message: error.message });
		default: {
			const expired = error.reason === 'expired';
			const message = expired ? 'JWT expired' : jwtInvalidMessage(error);
			return new HttpError(
				401,
				{ code: expired ? 'PGRST303' : 'PGRST301', details: null, hint: null, message },
				{ 'www-authenticate': `Bearer error="invalid_token", error_description="${message}"` }
			);
		}
	}
}

function jwtInvalidMessage(error: IdentityError): string {
	const parts = (error.token ?? '').split('.').length;
	if (parts !== 3) return `JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got ${parts})`;
	if (/signature/i.test(error.message)) return 'JWSError JWSInvalidSignature';
	if (/role/i.test(error.message)) return 'JWT has no role claim';
	return `JWT could not be decoded: ${error.message}`;
}
