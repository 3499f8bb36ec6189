import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { safeRedirectPath } from '$lib/domain/redirect';
import { isLocalStack } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

const SignInForm = v.object({
	email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email(), v.maxLength(254)),
	next: v.optional(v.string(), '/')
});

export const load = (({ url }) => ({
	next: safeRedirectPath(url.searchParams.get('next')),
	linkError: url.searchParams.get('error') === 'link',
	showOutbox: isLocalStack()
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const raw = Object.fromEntries(await request.formData());
		const email = typeof raw.email === 'string' ? raw.email : '';
		const parsed = v.safeParse(SignInForm, raw);
		if (!parsed.success) return fail(400, { email, error: 'auth.errors.emailInvalid' });

		const next = safeRedirectPath(parsed.output.next);
		const callback = new URL('/auth/callback', url.origin);
		callback.searchParams.set('next', next);
		// The mail goes out in the language of this page unless the person has chosen one.
		callback.searchParams.set('locale', locals.locale);
		const { error } = await locals.supabase.auth.signInWithOtp({
			email: parsed.output.email,
			// Delegates are invited; an unknown address gets the same answer so nobody can
			// probe who is registered.
			options: { emailRedirectTo: callback.href, shouldCreateUser: false }
		});
		const unknownAddress = error?.code === 'otp_disabled' || error?.code === 'user_not_found';
		if (error?.status === 429) return fail(429, { email, error: 'auth.errors.rateLimited' });
		if (error && !unknownAddress) return fail(502, { email, error: 'auth.errors.sendFailed' });
		return { sent: true, email: parsed.output.email };
	}
} satisfies Actions;
