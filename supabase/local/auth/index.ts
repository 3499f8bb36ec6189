// GoTrue's HTTP API at /auth/v1: the subset supabase-js and @supabase/ssr use, with
// Kong's API key check and CORS in front of it as on a Supabase project.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';
import { AuthApiError, notFound } from './errors.ts';
import { answerPreflight, applyCors, sendError, type AuthRequest } from './http.ts';
import { ApiKeyError, checkApiKey } from './request-auth.ts';
import {
	createUserByAdmin,
	deleteUserByAdmin,
	generateLink,
	getUserByAdmin,
	invite,
	listUsers,
	updateUserByAdmin
} from './routes-admin.ts';
import { otp, recover, signup, token, verifyCode, verifyLink } from './routes-signin.ts';
import { getUser, health, jwks, logout, settingsInfo, updateUser } from './routes-user.ts';

export {
	configureAuth,
	authSettings,
	DEFAULT_AUTH_SETTINGS,
	type AuthSettings,
	type AuthSettingsChange,
	type RateLimits
} from './settings.ts';
export { readAuthConfig } from './project-config.ts';

const PREFIX = '/auth/v1';

type Handler = (request: AuthRequest) => Promise<void> | void;

const routes: Record<string, Handler> = {
	'POST /signup': signup,
	'POST /otp': (request) => otp(request),
	'POST /magiclink': (request) => otp(request, true),
	'POST /recover': recover,
	'POST /token': token,
	'GET /verify': verifyLink,
	'POST /verify': verifyCode,
	'GET /user': getUser,
	'PUT /user': updateUser,
	'POST /logout': logout,
	'GET /settings': settingsInfo,
	'GET /health': health,
	'GET /.well-known/jwks.json': jwks,
	'POST /invite': invite,
	'POST /admin/users': createUserByAdmin,
	'GET /admin/users': listUsers,
	'POST /admin/generate_link': generateLink
};

const userRoutes: Record<string, (request: AuthRequest, id: string) => Promise<void>> = {
	GET: getUserByAdmin,
	PUT: updateUserByAdmin,
	DELETE: deleteUserByAdmin
};

/** Kong lets these through without an API key: links people open from a mail, and the public keys. */
const OPEN_PATHS = new Set(['/verify', '/callback', '/authorize', '/.well-known/jwks.json']);

function route(method: string, path: string): ((request: AuthRequest) => Promise<void> | void) | undefined {
	const direct = routes[`${method} ${path}`];
	if (direct) return direct;
	const userMatch = /^\/admin\/users\/([^/]+)$/.exec(path);
	const userRoute = userMatch ? userRoutes[method] : undefined;
	if (userMatch && userRoute) return (request) => userRoute(request, decodeURIComponent(userMatch[1]!));
	return undefined;
}

export async function handleAuthRequest(
	ctx: StackContext,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<void> {
	const path = url.pathname.startsWith(PREFIX)
		? url.pathname.slice(PREFIX.length).replace(/\/+$/, '') || '/'
		: url.pathname;
	const method = (req.method ?? 'GET').toUpperCase();
	applyCors(req, res);
	if (method === 'OPTIONS') {
		answerPreflight(req, res);
		return;
	}
	try {
		if (!OPEN_PATHS.has(path)) checkApiKey(ctx, req, url);
		const handler = route(method, path);
		if (!handler) throw notFound('not_found', 'Not found');
		await handler({ ctx, req, res, url });
	} catch (error) {
		if (res.headersSent) {
			ctx.log(`[auth] ${method} ${path} failed after responding: ${String(error)}`);
			res.end();
			return;
		}
		if (error instanceof ApiKeyError) {
			res.writeHead(401, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: error.message }));
		} else if (error instanceof AuthApiError) {
			sendError(req, res, error);
		} else {
			ctx.log(
				`[auth] ${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
			);
			sendError(
				req,
				res,
				new AuthApiError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information')
			);
		}
	}
}
