import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { filtersFrom, matches } from '$lib/domain/member-filters';
import { parseForm } from '$lib/forms';
import { Constants } from '$lib/supabase/database.types';
import { DataError } from '$lib/server/errors';
import { eventOf } from '$lib/server/event-context';
import * as invitations from '$lib/server/invitations';
import * as members from '$lib/server/members';
import * as programme from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, url, depends }) => {
	depends('app:members');
	const event = await eventOf(locals, params.event);
	const [all, countries] = await Promise.all([
		members.list(locals.supabase, event.id),
		programme.countries(locals.supabase)
	]);
	const filters = filtersFrom(url.searchParams);
	const present = new Set(all.map((member) => member.country_code).filter(Boolean));
	return {
		filters,
		total: all.length,
		members: all.filter((member) => matches(member, filters)),
		// Only the delegations this event has, for the country filter.
		countries: countries.filter((country) => present.has(country.code)),
		allCountries: countries
	};
}) satisfies PageServerLoad;

const MemberId = v.pipe(v.string(), v.uuid());
const RoleForm = v.object({ member: MemberId, role: v.picklist(Constants.public.Enums.member_role) });
const RemoveForm = v.object({ member: MemberId });
const InviteForm = v.object({ member: MemberId });

/** A refusal for one member's row: the page shows it beside that member. */
function refusedFor(member: string, error: unknown) {
	if (!(error instanceof DataError)) throw error;
	return fail(errorStatus(error), { member, message: errorMessageKey(error) });
}

export const actions = {
	role: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const form = parseForm(await request.formData(), RoleForm);
		if (!form.valid) return fail(400, { member: String(form.values.member ?? ''), message: 'form.error.choice' });
		try {
			await members.setRole(locals.supabase, event.id, form.data.member, form.data.role);
		} catch (error) {
			return refusedFor(form.data.member, error);
		}
		return { member: form.data.member, done: 'role' as const };
	},

	remove: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const form = parseForm(await request.formData(), RemoveForm);
		if (!form.valid) return fail(400, { member: '', message: 'form.error.invalid' });
		try {
			await members.remove(locals.supabase, event.id, form.data.member);
		} catch (error) {
			return refusedFor(form.data.member, error);
		}
		return { member: form.data.member, done: 'removed' as const };
	},

	/** Invites one member, or sends again to one invited but not joined (the invitations page's mail). */
	invite: async ({ request, params, locals, url }) => {
		const event = await eventOf(locals, params.event);
		const form = parseForm(await request.formData(), InviteForm);
		if (!form.valid) return fail(400, { member: '', message: 'form.error.invalid' });
		let result: invitations.SendResult;
		try {
			result = await invitations.sendTo(locals.supabase, event, [form.data.member], url.origin);
		} catch (error) {
			return refusedFor(form.data.member, error);
		}
		const refusal = result.refused[0];
		if (refusal) {
			const message =
				refusal.reason === 'rateLimited' ? 'peopleInvitations.rateLimited' : 'peopleInvitations.sendFailed';
			return fail(refusal.reason === 'rateLimited' ? 429 : 502, {
				member: form.data.member,
				message,
				name: refusal.displayName
			});
		}
		return { member: form.data.member, done: 'invited' as const };
	}
} satisfies Actions;
