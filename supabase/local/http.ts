// What every HTTP part of the local stack shares: reading request bodies within limits,
// JSON responses, errors with a status, and CORS for browsers. Who is calling is
// identity.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a request body may cost. Every body is held in memory until it is parsed, and
 * the whole stack shares one process (and, on PGlite, one thread), so each body has a
 * size cap, all bodies being read together share a budget, and a body that stops
 * arriving is cut off. Tests lower these to provoke each refusal quickly.
 */
export const bodyLimits = {
	/** One body; larger is 413. */
	maxBytes: 2 * 1024 * 1024,
	/** All bodies being read at once; a body that would exceed it is refused with 503. */
	maxBytesInFlight: 32 * 1024 * 1024,
	/** From the first byte read to the last; slower is 408. */
	timeoutMs: 60_000,
	/** Arrays and objects nested in a JSON body. */
	maxJsonDepth: 64
};

let bytesInFlight = 0;

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
	'link',
	'x-sb-error-code',
	'x-total-count',
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

/** Too many bodies are being read at once: the client may retry shortly. */
export class BodyBudgetError extends Error {
	constructor() {
		super('too many request bodies in flight');
		this.name = 'BodyBudgetError';
	}
}

export class BodyTimeoutError extends Error {
	constructor(timeoutMs: number) {
		super(`request body not received within ${timeoutMs} ms`);
		this.name = 'BodyTimeoutError';
	}
}

/**
 * Reads a whole body within bodyLimits. A refused body leaves the connection to be
 * closed (`connection: close` on the answer), since its rest is never read.
 */
export async function readBodyBytes(req: IncomingMessage, limit = bodyLimits.maxBytes): Promise<Buffer> {
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
	// A declared length is reserved up front, so a slow body holds its share while it trickles in.
	let reserved = 0;
	const reserve = (bytes: number): void => {
		if (bytesInFlight + bytes > bodyLimits.maxBytesInFlight) throw new BodyBudgetError();
		bytesInFlight += bytes;
		reserved += bytes;
	};
	const timeoutMs = bodyLimits.timeoutMs;
	let timer: NodeJS.Timeout | undefined;
	try {
		if (Number.isFinite(declared) && declared > 0) reserve(declared);
		const timedOut = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new BodyTimeoutError(timeoutMs)), timeoutMs);
		});
		const chunks: Buffer[] = [];
		let size = 0;
		const collect = (async () => {
			for await (const chunk of req as AsyncIterable<Buffer>) {
				size += chunk.length;
				if (size > limit) throw new BodyTooLargeError(limit);
				if (size > reserved) reserve(size - reserved);
				chunks.push(chunk);
			}
		})();
		// The loser of the race must not surface as an unhandled rejection.
		collect.catch(() => undefined);
		await Promise.race([collect, timedOut]);
		return Buffer.concat(chunks);
	} catch (error) {
		// Stop reading what is left; the answer closes the connection.
		req.pause();
		throw error;
	} finally {
		clearTimeout(timer);
		bytesInFlight -= reserved;
	}
}

export async function readBody(req: IncomingMessage, limit = bodyLimits.maxBytes): Promise<string> {
	return (await readBodyBytes(req, limit)).toString('utf8');
}

export class InvalidJsonError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidJsonError';
	}
}

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, by one pass over the
 * characters (brackets inside strings do not count), so no parser recursion is spent on it.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (inString) {
			if (code === 0x5c) i++;
			else if (code === 0x22) inString = false;
		} else if (code === 0x22) inString = true;
		else if (code === 0x5b || code === 0x7b) {
			if (++depth > limit) return true;
		} else if (code === 0x5d || code === 0x7d) depth--;
	}
	return false;
}

/** Parses JSON text; empty is `undefined`, malformed or too deeply nested throws InvalidJsonError. */
export function parseJsonText(text: string): unknown {
	if (text.trim() === '') return undefined;
	if (jsonNestsDeeperThan(text, bodyLimits.maxJsonDepth)) {
		throw new InvalidJsonError(`JSON nested deeper than ${bodyLimits.maxJsonDepth} levels`);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new InvalidJsonError(error instanceof Error ? error.message : 'invalid JSON');
	}
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON throws InvalidJsonError. */
export async function readJsonBody(req: IncomingMessage, limit = bodyLimits.maxBytes): Promise<unknown> {
	return parseJsonText(await readBody(req, limit));
}

/**
 * The status and message for a body readBody refused, or undefined for other errors;
 * each API wraps them in its own error body.
 */
export function bodyRefusal(error: unknown): { status: number; message: string } | undefined {
	if (error instanceof BodyTooLargeError) return { status: 413, message: 'Request body too large' };
	if (error instanceof BodyBudgetError) {
		return { status: 503, message: 'The server is reading too many request bodies; retry shortly' };
	}
	if (error instanceof BodyTimeoutError) return { status: 408, message: 'Request body not received in time' };
	return undefined;
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

export function sendHttpError(res: ServerResponse, error: HttpError): void {
	sendJson(res, error.status, error.body, error.headers);
}
