import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { LOCALE_COOKIE, LOCALES } from '$lib/domain/locale';
import { safeRedirectPath } from '$lib/domain/redirect';
import type { Actions, PageServerLoad } from './$types';

const LocaleForm = v.object({
	locale: v.picklist(LOCALES),
	redirectTo: v.optional(v.string(), '/')
});

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, locals }) => {
		const parsed = v.safeParse(LocaleForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { error: 'language.invalid' });
		const { locale, redirectTo } = parsed.output;
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			sameSite: 'lax',
			httpOnly: false
		});
		// A signed-in person's preference outranks the cookie, so keep them in step.
		if (locals.user) {
			await locals.supabase.auth.updateUser({ data: { preferred_language: locale } });
		}
		redirect(303, safeRedirectPath(redirectTo));
	}
} satisfies Actions;
