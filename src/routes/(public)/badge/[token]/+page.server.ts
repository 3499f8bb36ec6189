// A scanned badge. The first scan spends the link and signs the phone in as the badge's
// owner; a spent, expired or unknown link shows why, with the usual sign-in by email.
// (A GET with an effect, as every emailed sign-in link is: the QR code can hold only an
// address, and the link is the key.)
import { redirect } from '@sveltejs/kit';
import { signInWithFreshLink } from '$lib/server/auth-admin';
import * as badges from '$lib/server/badges';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const redemption = await badges.redeem(params.token);
	if (redemption.status === 'ok') {
		await signInWithFreshLink(locals.supabase, redemption.email);
		// joined_at: this is the person's first sign-in to the event, or a later one (kept).
		await locals.supabase.rpc('join_event', { event_id: redemption.eventId });
		redirect(303, `/${redemption.slug}/programme`);
	}
	return {
		reason: redemption.status,
		next: redemption.slug ? `/${redemption.slug}/programme` : '/'
	};
}) satisfies PageServerLoad;
