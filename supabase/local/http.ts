// What every HTTP part of the local stack shares: who is calling (apikey and bearer
// token, checked the way Supabase's gateway and PostgREST check them), reading JSON
// bodies with a size limit, JSON responses, and CORS for browsers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JwtError, verifyJwt } from './jwt.ts';
import type { JwtClaims } from './jwt.ts';
import { isApiRole } from './request-role.ts';
import type { RequestIdentity } from './request-role.ts';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

// The headers supabase-js, @supabase/ssr and realtime-js send, so preflights pass.
const allowedHeaders = [
	'authorization',
	'x-client-info',
	'apikey',
	'content-type',
	'accept',
	'accept-profile',
	'content-profile',
	'prefer',
	'range',
	'range-unit',
	'x-supabase-api-version',
	'x-upsert',
	'x-retry-count'
].join(', ');

const exposedHeaders = [
	'content-range',
	'content-profile',
	'location',
	'preference-applied',
	'range-unit',
	'x-supabase-api-version'
].join(', ');

export function corsHeaders(req: IncomingMessage): Record<string, string> {
	return {
		'access-control-allow-origin': req.headers.origin ?? '*',
		'access-control-allow-credentials': 'true',
		'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
		'access-control-allow-headers': allowedHeaders,
		'access-control-expose-headers': exposedHeaders,
		'access-control-max-age': '86400',
		vary: 'Origin'
	};
}

/** Answers a CORS preflight; true when the request was one. */
export function handlePreflight(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.method !== 'OPTIONS') return false;
	res.writeHead(200, { ...corsHeaders(req), 'content-length': '0' });
	res.end();
	return true;
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	sendText(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** Writes an already serialised body; HEAD requests get the headers only. */
export function sendText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: Record<string, string> = {}
): void {
	if (res.headersSent) {
		res.end();
		return;
	}
	const req = res.req as IncomingMessage | undefined;
	const cors = req ? corsHeaders(req) : {};
	res.writeHead(status, { ...cors, 'content-length': String(Buffer.byteLength(text)), ...headers });
	res.end(req?.method === 'HEAD' ? undefined : text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
	if (res.headersSent) {
		res.end();
		return;
	}
	const req = res.req as IncomingMessage | undefined;
	res.writeHead(status, { ...(req ? corsHeaders(req) : {}), ...headers });
	res.end();
}

/** A request the caller got wrong; `status` and `body` are what the client receives. */
export class HttpError extends Error {
	readonly status: number;
	readonly body: Record<string, unknown>;
	readonly headers: Record<string, string>;
	constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
		super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
		this.name = 'HttpError';
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

export class BodyTooLargeError extends Error {
	constructor(limit: number) {
		super(`request body larger than ${limit} bytes`);
		this.name = 'BodyTooLargeError';
	}
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limit) throw new BodyTooLargeError(limit);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export class InvalidJsonError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidJsonError';
	}
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON throws InvalidJsonError. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
	const text = await readBody(req, limit);
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new InvalidJsonError(error instanceof Error ? error.message : 'invalid JSON');
	}
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

/** The request's headers as PostgREST puts them in request.headers (lower-case names). */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export function bearerToken(req: IncomingMessage): string | undefined {
	const authorization = headerValue(req, 'authorization');
	const match = authorization ? /^bearer\s+(.+)$/i.exec(authorization.trim()) : null;
	return match?.[1]?.trim();
}

export function apiKey(req: IncomingMessage, url: URL): string | undefined {
	return headerValue(req, 'apikey') ?? url.searchParams.get('apikey') ?? undefined;
}

export interface ResolvedIdentity extends RequestIdentity {
	/** The token the identity came from (the bearer token, else the apikey). */
	token: string;
}

/**
 * Who is calling, as Supabase decides it: the gateway requires a valid `apikey`
 * (header or query) even with a bearer token, then PostgREST takes the role and claims from the bearer token,
 * or from the apikey when there is no Authorization header. Failures throw HttpError
 * with the bodies Supabase answers with.
 */
export async function resolveIdentity(req: IncomingMessage, url: URL, jwtSecret: string): Promise<ResolvedIdentity> {
	const key = apiKey(req, url);
	const bearer = bearerToken(req);
	if (!key) {
		throw new HttpError(401, {
			message: 'No API key found in request',
			hint: 'No `apikey` request header or url param was found.'
		});
	}
	try {
		await verifyJwt(key, jwtSecret);
	} catch {
		throw new HttpError(401, {
			message: 'Invalid API key',
			hint: 'Double check your Supabase `anon` or `service_role` API key.'
		});
	}
	const token = bearer ?? key;
	let claims: JwtClaims;
	try {
		claims = await verifyJwt(token, jwtSecret);
	} catch (error) {
		throw jwtHttpError(error, token);
	}
	if (!isApiRole(claims.role)) {
		throw new HttpError(401, {
			code: 'PGRST301',
			details: null,
			hint: null,
			message: `JWT role "${claims.role}" is not one of anon, authenticated, service_role`
		});
	}
	return { role: claims.role, claims, token };
}

// PostgREST 12: a token that fails verification is PGRST301, an expired one PGRST303,
// both 401 with a WWW-Authenticate challenge.
function jwtHttpError(error: unknown, token: string): HttpError {
	const expired = error instanceof JwtError && error.reason === 'expired';
	const message = expired ? 'JWT expired' : jwtInvalidMessage(error, token);
	return new HttpError(
		401,
		{ code: expired ? 'PGRST303' : 'PGRST301', details: null, hint: null, message },
		{ 'www-authenticate': `Bearer error="invalid_token", error_description="${message}"` }
	);
}

function jwtInvalidMessage(error: unknown, token: string): string {
	const parts = token.split('.').length;
	if (parts !== 3) return `JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got ${parts})`;
	const reason = error instanceof Error ? error.message : '';
	if (/signature/i.test(reason)) return 'JWSError JWSInvalidSignature';
	if (/role/i.test(reason)) return 'JWT has no role claim';
	return `JWT could not be decoded: ${reason}`;
}

export function sendHttpError(res: ServerResponse, error: HttpError): void {
	sendJson(res, error.status, error.body, error.headers);
}
