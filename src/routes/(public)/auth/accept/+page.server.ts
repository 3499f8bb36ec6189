// Where an invitation (or an organiser's resent sign-in link) lands. Auth's invitation
// links carry the session in the URL fragment, which never reaches a server, so the page
// hands it over with a small script posting to the action below; the server then owns the
// session (HttpOnly cookies) as it does for every other sign-in.
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { safeRedirectPath } from '$lib/domain/redirect';
import { readForm } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url }) => ({
	next: safeRedirectPath(url.searchParams.get('next'))
})) satisfies PageServerLoad;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Handover = v.object({
	access_token: v.pipe(v.string(), v.minLength(1)),
	refresh_token: v.pipe(v.string(), v.minLength(1)),
	event: v.optional(v.string(), ''),
	next: v.optional(v.string(), '/')
});

export const actions = {
	default: async ({ request, locals }) => {
		const form = await readForm(request, Handover);
		if (!form.valid) return fail(400, { expired: true });
		const { error } = await locals.supabase.auth.setSession({
			access_token: form.data.access_token,
			refresh_token: form.data.refresh_token
		});
		if (error) return fail(400, { expired: true });
		// First sign-in after the invitation: the member has joined (kept if already set).
		if (UUID.test(form.data.event)) await locals.supabase.rpc('join_event', { event_id: form.data.event });
		redirect(303, safeRedirectPath(form.data.next));
	}
} satisfies Actions;
