import { fail, redirect } from '@sveltejs/kit';
import { EventSettingsSchema, slugFromTitle } from '$lib/domain/event-settings';
import { readForm } from '$lib/forms';
import * as events from '$lib/server/events';
import { missingDefaultTitle, refusal } from '$lib/server/event-form';
import { timeZones } from '$lib/server/time-zones';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => ({
	mayCreate: await events.canCreate(locals.supabase),
	timeZones: timeZones()
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const form = await readForm(request, EventSettingsSchema);
		if (!form.valid) return form.fail();
		const titleMissing = missingDefaultTitle(form.data);
		if (titleMissing) return form.fail(400, titleMissing);

		// An empty slug is made from the title; the person sees it if it is refused.
		const slug = form.data.slug || slugFromTitle(form.data.title[form.data.default_language] ?? '');
		const values = { ...form.values, slug };
		if (slug.length < 3) return fail(400, { errors: { slug: { key: 'events.error.slugNeeded' } }, values });

		try {
			await events.create(locals.supabase, locals.user!.id, slug, form.data);
		} catch (error) {
			return refusal(error, values);
		}
		redirect(303, `/${slug}/organise/settings?created`);
	}
} satisfies Actions;
