// Request parsing and response writing the GoTrue way: JSON bodies, the
// X-Supabase-Api-Version header that selects the error shape, redirects, CORS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';
import {
	bodyRefusal,
	corsHeaders,
	handlePreflight,
	headerValue,
	InvalidJsonError,
	parseJsonText,
	readBody
} from '../http.ts';
import { AuthApiError } from './errors.ts';

const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = '2024-01-01';
const MAX_BODY_BYTES = 1024 * 1024;

export type JsonObject = Record<string, unknown>;

/** GoTrue answers in the 2024-01-01 shape only to clients that ask for it (auth-js always does). */
function wantsApiVersion2024(req: IncomingMessage): boolean {
	const asked = headerValue(req, API_VERSION_HEADER);
	return asked !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked >= API_VERSION_2024;
}

export { headerValue } from '../http.ts';

/** A JSON object body, read within the stack's body limits (../http.ts), refused in GoTrue's words. */
export async function readJsonBody(req: IncomingMessage): Promise<JsonObject> {
	let parsed: unknown;
	try {
		parsed = parseJsonText(await readBody(req, MAX_BODY_BYTES));
	} catch (error) {
		const refusal = bodyRefusal(error);
		if (refusal?.status === 413) {
			throw new AuthApiError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY_BYTES} bytes)`);
		}
		if (refusal) throw new AuthApiError(refusal.status, 'request_timeout', refusal.message);
		if (!(error instanceof InvalidJsonError)) throw error;
		throw new AuthApiError(400, 'bad_json', `Could not parse request body as JSON: ${error.message}`);
	}
	if (parsed === undefined) {
		throw new AuthApiError(400, 'bad_json', 'Could not parse request body as JSON: Unexpected end of JSON input');
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new AuthApiError(400, 'bad_json', 'Could not parse request body as JSON: expected an object');
	}
	return parsed as JsonObject;
}

export function sendJson(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	if (wantsApiVersion2024(req)) res.setHeader('X-Supabase-Api-Version', API_VERSION_2024);
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

export function sendNoContent(res: ServerResponse): void {
	res.writeHead(204);
	res.end();
}

export function redirect(res: ServerResponse, location: string): void {
	res.writeHead(303, { Location: location });
	res.end();
}

export function sendError(req: IncomingMessage, res: ServerResponse, error: AuthApiError): void {
	const weakPassword = error.weakPasswordReasons ? { weak_password: { reasons: error.weakPasswordReasons } } : {};
	const body = wantsApiVersion2024(req)
		? { code: error.errorCode, message: error.message, ...weakPassword }
		: { code: error.status, error_code: error.errorCode, msg: error.message, ...weakPassword };
	sendJson(req, res, error.status, body, { 'x-sb-error-code': error.errorCode });
}

/** The same CORS answer as every API of the local stack (../http.ts): one gateway in front of all. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
	for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
	handlePreflight(req, res);
}

/** Everything a route handler gets. */
export interface AuthRequest {
	ctx: StackContext;
	req: IncomingMessage;
	res: ServerResponse;
	url: URL;
}
