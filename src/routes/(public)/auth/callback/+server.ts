import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/domain/redirect';
import type { RequestHandler } from './$types';

// PKCE: the magic link lands here with ?code=…; the verifier is in this browser's cookie.
export const GET: RequestHandler = async ({ url, locals }) => {
	const code = url.searchParams.get('code');
	const next = safeRedirectPath(url.searchParams.get('next'));
	if (code) {
		const { error } = await locals.supabase.auth.exchangeCodeForSession(code);
		if (!error) redirect(303, next);
	}
	redirect(303, `/sign-in?error=link&next=${encodeURIComponent(next)}`);
};
