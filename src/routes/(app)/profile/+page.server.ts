import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { LOCALES } from '$lib/domain/locale';
import { readForm } from '$lib/forms';
import { Constants } from '$lib/supabase/database.types';
import { DataError } from '$lib/server/errors';
import * as programme from '$lib/server/programme';
import * as profile from '$lib/server/profile';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const user = locals.user!;
	const [memberships, countries] = await Promise.all([
		profile.memberships(locals.supabase, user.id),
		programme.countries(locals.supabase)
	]);
	return { profile: profile.of(user, memberships), memberships, countries };
}) satisfies PageServerLoad;

const optionalText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));

const ProfileForm = v.object({
	display_name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
	organisation: optionalText(300),
	country_code: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'form.error.choice'))),
	sector: v.optional(v.picklist(Constants.public.Enums.sector)),
	preferred_language: v.picklist(LOCALES)
});

export const actions = {
	default: async ({ request, locals }) => {
		const form = await readForm(request, ProfileForm);
		if (!form.valid) return form.fail();
		try {
			await profile.save(locals.supabase, form.data);
		} catch (error) {
			if (!(error instanceof DataError)) throw error;
			return form.fail(errorStatus(error), errorMessageKey(error));
		}
		return { saved: true };
	}
} satisfies Actions;
