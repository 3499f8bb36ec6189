import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { eventOf } from '$lib/server/event-context';
import * as voting from '$lib/server/voting';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends, url }) => {
	depends('app:voting-round');
	const event = await eventOf(locals, params.event);
	await voting.settle(locals.supabase, event.id, params.round).catch(() => undefined);
	const round = await voting.round(locals.supabase, event.id, params.round);
	if (!round) error(404, { message: 'Voting round not found' });
	const ballotUrl = new URL(`/${event.slug}/vote/${round.id}`, url.origin).href;
	const [turnout, tally, qr] = await Promise.all([
		voting.turnout(locals.supabase, round.id),
		// round_tally decides: counts of an after-close round stay hidden until it closes
		round.status === 'draft' ? Promise.resolve(null) : voting.tally(locals.supabase, round.id),
		QRCode.toString(ballotUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
	]);
	return { round, turnout, tally, ballotUrl, qr };
}) satisfies PageServerLoad;
