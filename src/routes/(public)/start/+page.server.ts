// How a person without an account starts an event. Sign-in only admits people who have an
// account (shouldCreateUser: false: delegates are invited), so a new organiser asks here:
// if the installation lets them start events, Auth mails them an invitation (a new
// account) or, when they already have one, a sign-in link; either way the link opens
// /events/new. The answer is the same whether the address was known, so nobody learns
// who is registered.
import * as v from 'valibot';
import { readForm } from '$lib/forms';
import { adminClient, mailClient } from '$lib/server/auth-admin';
import { mayStartEvents } from '$lib/server/event-creators';
import { outboxVisibleTo } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

const StartForm = v.object({
	email: v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.email('auth.errors.emailInvalid'),
		v.maxLength(254, 'auth.errors.emailInvalid')
	)
});

export const load = (({ getClientAddress, request }) => ({
	showOutbox: outboxVisibleTo({ clientAddress: getClientAddress(), headers: request.headers })
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const form = await readForm(request, StartForm);
		if (!form.valid) return form.fail();
		if (!(await mayStartEvents(form.data.email))) return form.fail(403, 'events.start.notAllowed');

		const landing = new URL('/auth/accept', url.origin);
		landing.searchParams.set('next', '/events/new');
		landing.searchParams.set('locale', locals.locale);
		const invited = await adminClient().auth.admin.inviteUserByEmail(form.data.email, {
			data: { preferred_language: locals.locale },
			redirectTo: landing.href
		});
		let error = invited.error;
		if (error?.code === 'email_exists') {
			({ error } = await mailClient().auth.signInWithOtp({
				email: form.data.email,
				options: { shouldCreateUser: false, emailRedirectTo: landing.href }
			}));
		}
		if (error?.status === 429) return form.fail(429, 'auth.errors.rateLimited');
		if (error) return form.fail(502, 'auth.errors.sendFailed');
		return { sent: true, email: form.data.email };
	}
} satisfies Actions;
