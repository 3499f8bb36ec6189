import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { readForm } from '$lib/forms';
import { DataError } from '$lib/server/errors';
import { eventOf } from '$lib/server/event-context';
import * as invitations from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:members');
	const event = await eventOf(locals, params.event);
	return { contacts: await invitations.contacts(locals.supabase, event.id) };
}) satisfies PageServerLoad;

const OneMember = v.object({ member: v.pipe(v.string(), v.uuid()) });

/** Sends to the chosen members; a refusal by the database comes back translated. */
async function sendTo(
	locals: App.Locals,
	slug: string,
	origin: string,
	choose: (contacts: invitations.Contact[]) => invitations.Contact[]
) {
	const event = await eventOf(locals, slug);
	try {
		const chosen = choose(await invitations.contacts(locals.supabase, event.id));
		const result = await invitations.send(locals.supabase, event, chosen, origin);
		return { sent: result.sent.length, refused: result.refused };
	} catch (error) {
		if (!(error instanceof DataError)) throw error;
		return fail(errorStatus(error), { sendError: errorMessageKey(error) });
	}
}

export const actions = {
	invite: async ({ request, locals, params, url }) => {
		const form = await readForm(request, OneMember);
		if (!form.valid) return form.fail();
		return sendTo(locals, params.event, url.origin, (all) => all.filter((c) => c.memberId === form.data.member));
	},
	inviteAll: async ({ locals, params, url }) =>
		sendTo(locals, params.event, url.origin, (all) => all.filter((c) => !c.invitedAt && !c.joinedAt))
} satisfies Actions;
