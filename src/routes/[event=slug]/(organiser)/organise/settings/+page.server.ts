import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorsOf } from '$lib/forms/form-errors';
import { EventSettingsSchema, missingTranslations } from '$lib/domain/event-settings';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { parseForm, translatedText } from '$lib/forms';
import * as eventDays from '$lib/server/event-days';
import * as events from '$lib/server/events';
import { eventOf } from '$lib/server/event-context';
import { missingDefaultTitle, refusal } from '$lib/server/event-form';
import { timeZones } from '$lib/server/time-zones';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:event-settings');
	const event = await eventOf(locals, params.event);
	const days = await eventDays.list(locals.supabase, event.id);
	const languages = event.languages.filter((l): l is Locale => (LOCALES as readonly string[]).includes(l));
	const missing = missingTranslations({ title: event.title, summary: event.summary, venue: event.venue }, languages);
	const daysMissing = days.filter(
		(day) => Object.keys(missingTranslations({ theme: day.theme }, languages)).length > 0
	);
	return { days, missing, daysMissing: daysMissing.length, timeZones: timeZones() };
}) satisfies PageServerLoad;

const StatusForm = v.object({ status: v.picklist(['draft', 'published', 'closed'] as const) });
const DayForm = v.object({
	date: v.pipe(v.string(), v.trim(), v.isoDate('form.error.date')),
	theme: translatedText({ maxLength: 300 })
});
const DayId = v.object({ id: v.pipe(v.string(), v.uuid()) });

/** Every failure names the form it belongs to, so only that form shows it (a page has several). */
function failIn(scope: string, status: number, errors: Record<string, unknown>, values: unknown) {
	return fail(status, { scope, errors, values });
}

function refusalIn(scope: string, error: unknown, values: unknown) {
	const refused = refusal(error, values);
	return fail(refused.status, { scope, ...refused.data });
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const form = parseForm(await request.formData(), EventSettingsSchema);
		if (!form.valid) return failIn('settings', 400, form.errors, form.values);
		const titleMissing = missingDefaultTitle(form.data);
		if (titleMissing) return failIn('settings', 400, titleMissing, form.values);
		try {
			await events.update(locals.supabase, event.id, form.data);
		} catch (error) {
			return refusalIn('settings', error, form.values);
		}
		return { scope: 'settings', saved: true };
	},

	status: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const form = parseForm(await request.formData(), StatusForm);
		if (!form.valid) return failIn('status', 400, form.errors, form.values);
		try {
			await events.setStatus(locals.supabase, event.id, form.data.status);
		} catch (error) {
			return refusalIn('status', error, form.values);
		}
		return { scope: 'status', saved: true };
	},

	addDay: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const form = parseForm(await request.formData(), DayForm);
		if (!form.valid) return failIn('addDay', 400, form.errors, form.values);
		try {
			await eventDays.add(locals.supabase, event.id, form.data.date, form.data.theme);
		} catch (error) {
			return refusalIn('addDay', error, form.values);
		}
		return { scope: 'addDay', saved: true };
	},

	updateDay: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const data = await request.formData();
		const id = v.safeParse(DayId, { id: data.get('id') });
		if (!id.success) return failIn('form', 400, errorsOf(id.issues), {});
		const form = parseForm(data, DayForm);
		if (!form.valid) return failIn(id.output.id, 400, form.errors, form.values);
		try {
			await eventDays.update(locals.supabase, event.id, id.output.id, form.data.date, form.data.theme);
		} catch (error) {
			return refusalIn(id.output.id, error, form.values);
		}
		return { scope: id.output.id, saved: true };
	},

	deleteDay: async ({ request, params, locals }) => {
		const event = await eventOf(locals, params.event);
		const id = v.safeParse(DayId, { id: (await request.formData()).get('id') });
		if (!id.success) return failIn('form', 400, errorsOf(id.issues), {});
		try {
			await eventDays.remove(locals.supabase, event.id, id.output.id);
		} catch (error) {
			return refusalIn(id.output.id, error, {});
		}
		return { scope: 'days', deleted: true };
	}
} satisfies Actions;
