import { redirect } from '@sveltejs/kit';
import type { EmailOtpType } from '@supabase/supabase-js';
import { safeRedirectPath } from '$lib/domain/redirect';
import type { RequestHandler } from './$types';

const OTP_TYPES: readonly EmailOtpType[] = ['magiclink', 'invite', 'signup', 'recovery', 'email', 'email_change'];

// Token-hash links (invitations, printed demo links) work in any browser: no PKCE verifier needed.
export const GET: RequestHandler = async ({ url, locals }) => {
	const tokenHash = url.searchParams.get('token_hash');
	const type = OTP_TYPES.find((known) => known === url.searchParams.get('type'));
	const next = safeRedirectPath(url.searchParams.get('next'));
	if (tokenHash && type) {
		const { error } = await locals.supabase.auth.verifyOtp({ token_hash: tokenHash, type });
		if (!error) redirect(303, next);
	}
	redirect(303, `/sign-in?error=link&next=${encodeURIComponent(next)}`);
};
