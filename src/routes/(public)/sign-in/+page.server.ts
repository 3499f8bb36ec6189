import * as v from 'valibot';
import { safeRedirectPath } from '$lib/domain/redirect';
import { readForm } from '$lib/forms';
import { outboxVisibleTo } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

const SignInForm = v.object({
	email: v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.email('auth.errors.emailInvalid'),
		v.maxLength(254, 'auth.errors.emailInvalid')
	),
	next: v.optional(v.string(), '/')
});

export const load = (({ url, getClientAddress, request }) => ({
	next: safeRedirectPath(url.searchParams.get('next')),
	linkError: url.searchParams.get('error') === 'link',
	showOutbox: outboxVisibleTo({ clientAddress: getClientAddress(), headers: request.headers })
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const form = await readForm(request, SignInForm);
		if (!form.valid) return form.fail();

		const next = safeRedirectPath(form.data.next);
		const callback = new URL('/auth/callback', url.origin);
		callback.searchParams.set('next', next);
		// The mail goes out in the language of this page unless the person has chosen one.
		callback.searchParams.set('locale', locals.locale);
		const { error } = await locals.supabase.auth.signInWithOtp({
			email: form.data.email,
			// Delegates are invited; an unknown address gets the same answer so nobody can
			// probe who is registered.
			options: { emailRedirectTo: callback.href, shouldCreateUser: false }
		});
		const unknownAddress = error?.code === 'otp_disabled' || error?.code === 'user_not_found';
		if (error?.status === 429) return form.fail(429, 'auth.errors.rateLimited');
		if (error && !unknownAddress) return form.fail(502, 'auth.errors.sendFailed');
		return { sent: true, email: form.data.email };
	}
} satisfies Actions;
