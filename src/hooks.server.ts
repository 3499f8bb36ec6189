import { createServerClient } from '@supabase/ssr';
import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { LOCALE_COOKIE, resolveLocale } from '$lib/domain/locale';
import { supabaseAnonKey, supabaseServerUrl } from '$lib/server/config';
import type { Database } from '$lib/supabase/database.types';

const supabase: Handle = async ({ event, resolve }) => {
	event.locals.supabase = createServerClient<Database>(supabaseServerUrl(), supabaseAnonKey(), {
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookiesToSet) => {
				for (const { name, value, options } of cookiesToSet) {
					event.cookies.set(name, value, { ...options, path: '/' });
				}
			}
		}
	});

	// getSession() only reads the cookie; getUser() asks Auth to validate the token.
	event.locals.safeGetSession = async () => {
		const {
			data: { session }
		} = await event.locals.supabase.auth.getSession();
		if (!session) return { session: null, user: null };
		const {
			data: { user },
			error
		} = await event.locals.supabase.auth.getUser();
		if (error || !user) return { session: null, user: null };
		return { session, user };
	};

	return resolve(event, {
		filterSerializedResponseHeaders: (name) => name === 'content-range' || name === 'x-supabase-api-version'
	});
};

/** Route groups that need a signed-in person; guarded here so client navigation cannot skip it. */
const signedInOnly = ['/(app)/'];

const auth: Handle = async ({ event, resolve }) => {
	const { session, user } = await event.locals.safeGetSession();
	event.locals.session = session;
	event.locals.user = user;
	const routeId = event.route.id ?? '';
	if (!user && signedInOnly.some((group) => routeId.startsWith(group))) {
		redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
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
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const reference = crypto.randomUUID().slice(0, 8);
	console.error(`[error ${reference}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message, reference };
};
