/**
 * A same-site path to send someone back to after a form post or sign-in. Anything that
 * could leave the site (absolute URLs, protocol-relative //host, backslash tricks) becomes '/'.
 */
export function safeRedirectPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
		return fallback;
	}
	try {
		const url = new URL(candidate, 'http://accord.invalid');
		if (url.origin !== 'http://accord.invalid') return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
