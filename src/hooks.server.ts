import { error, redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { errorMessageKey } from '$lib/domain/errors';
import { LOCALE_COOKIE, resolveLocale } from '$lib/domain/locale';
import { guardDecision, routeAccess } from '$lib/domain/route-access';
import { supabaseAnonKey, supabaseServerUrl } from '$lib/server/config';
import { DataError } from '$lib/server/errors';
import * as events from '$lib/server/events';
import { createSupabaseServerClient } from '$lib/supabase/server';

const supabase: Handle = async ({ event, resolve }) => {
	const client = createSupabaseServerClient(event.cookies, {
		url: supabaseServerUrl(),
		anonKey: supabaseAnonKey(),
		siteUrl: event.url,
		clientAddress: event.getClientAddress()
	});
	event.locals.supabase = client;

	// getSession() only reads the cookie; getUser() asks Auth to validate the token.
	event.locals.safeGetSession = async () => {
		const {
			data: { session }
		} = await client.auth.getSession();
		if (!session) return { session: null, user: null };
		const {
			data: { user },
			error
		} = await client.auth.getUser();
		if (error || !user) return { session: null, user: null };
		return { session, user };
	};

	// One question per request however many guards and loads ask it.
	const contexts = new Map<string, ReturnType<typeof events.context>>();
	event.locals.eventContext = (slug) => {
		let pending = contexts.get(slug);
		if (!pending) {
			pending = events.context(client, slug);
			contexts.set(slug, pending);
		}
		return pending;
	};

	return resolve(event, {
		filterSerializedResponseHeaders: (name) => name === 'content-range' || name === 'x-supabase-api-version'
	});
};

/**
 * The route guard: the route group decides (see route-access.ts). It runs here, not in a
 * layout, so client-side navigation (which may skip re-running layouts) cannot get round it.
 * RLS remains the boundary; this only turns people away before a page renders.
 */
const auth: Handle = async ({ event, resolve }) => {
	const { session, user } = await event.locals.safeGetSession();
	event.locals.session = session;
	event.locals.user = user;
	const access = routeAccess(event.route.id);
	const slug = event.params.event;
	const context = access === 'organiser' && user && slug ? await event.locals.eventContext(slug) : null;
	const decision = guardDecision({
		access,
		signedIn: user !== null,
		requested: event.url.pathname + event.url.search,
		// An organiser page outside an event has no one to admit: treat it as not found.
		role: context ? context.role : undefined
	});
	if (decision.kind === 'sign-in') redirect(303, decision.location);
	if (decision.kind === 'deny') {
		// A page request is refused by its group's layout, so the refusal renders as the app's
		// translated error page (an error thrown here gets only the static src/error.html).
		// A form posted without JavaScript is sent there too; its action never runs. Data
		// requests and enhanced actions (which ask for JSON) stop here, and the browser shows
		// the error page itself; so does anything else that did not ask for a page.
		const { method } = event.request;
		if (event.isDataRequest || !event.request.headers.get('accept')?.includes('text/html')) {
			error(decision.status, { message: decision.status === 404 ? 'Not found' : 'Forbidden' });
		}
		if (method !== 'GET' && method !== 'HEAD') redirect(303, event.url.pathname);
		event.locals.routeDenial = decision.status;
	}
	return resolve(event);
};

const i18n: Handle = async ({ event, resolve }) => {
	const preference = event.locals.user?.user_metadata?.preferred_language;
	const locale = resolveLocale({
		preference: typeof preference === 'string' ? preference : null,
		cookie: event.cookies.get(LOCALE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language')
	});
	event.locals.locale = locale;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
};

export const handle = sequence(supabase, auth, i18n);

// Unexpected errors are logged with a reference a delegate can read out to the organisers;
// the page itself shows only the translated message and that reference.
// A database refusal carries its reason, which the page shows translated (never SQL's text).
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const reference = crypto.randomUUID().slice(0, 8);
	console.error(`[error ${reference}] ${event.request.method} ${event.url.pathname}:`, error);
	if (error instanceof DataError) return { message, reference, messageKey: errorMessageKey(error) };
	return { message, reference };
};
