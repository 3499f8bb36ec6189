// Where an invitation (or an organiser's resent sign-in link) lands. Auth's invitation
// links carry the session in the URL fragment, which never reaches a server, so the page
// hands it over with a small script posting to the action below; the server then owns the
// session (HttpOnly cookies) as it does for every other sign-in.
//
// An invitation's address also carries Accord's own single-use token (`invitation`),
// which outlives Auth's one-hour link: when Auth's link has expired (the fragment holds an
// error instead of a session) or JavaScript is off, the token alone signs the person in.
// Either way it is spent, so the mail's link works once. A spent or expired token offers
// the usual sign-in by email.
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { safeRedirectPath } from '$lib/domain/redirect';
import { readForm } from '$lib/forms';
import { signInWithFreshLink } from '$lib/server/auth-admin';
import * as invitations from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url, setHeaders }) => {
	// The address holds a key: never cached, never sent to another site as a referrer
	// (same-origin, not no-referrer: that makes the browser post the handover with Origin
	// null, which SvelteKit's cross-site check refuses).
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
	return {
		next: safeRedirectPath(url.searchParams.get('next')),
		invitation: url.searchParams.get('invitation') ?? ''
	};
}) satisfies PageServerLoad;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Handover = v.object({
	access_token: v.optional(v.string(), ''),
	refresh_token: v.optional(v.string(), ''),
	invitation: v.optional(v.string(), ''),
	event: v.optional(v.string(), ''),
	next: v.optional(v.string(), '/')
});

export const actions = {
	default: async ({ request, locals }) => {
		const form = await readForm(request, Handover);
		if (!form.valid) return fail(400, { expired: true });
		const { access_token, refresh_token, invitation } = form.data;
		let eventId = form.data.event;
		const fromAuth =
			access_token && refresh_token
				? !(await locals.supabase.auth.setSession({ access_token, refresh_token })).error
				: false;
		// Spent in both cases: the mail's link works once.
		const redemption = invitation ? await invitations.redeem(invitation) : null;
		if (!fromAuth) {
			if (redemption?.status !== 'ok') return fail(400, { expired: true });
			await signInWithFreshLink(locals.supabase, redemption.email);
			eventId = redemption.eventId;
		}
		// First sign-in after the invitation: the member has joined (kept if already set).
		if (UUID.test(eventId)) await locals.supabase.rpc('join_event', { event_id: eventId });
		redirect(303, safeRedirectPath(form.data.next));
	}
} satisfies Actions;
