/**
 * A same-site path to send someone back to after a form post or sign-in. Anything that
 * could leave the site becomes the fallback: absolute URLs, protocol-relative //host, and
 * paths a URL parser or a browser turns into one — backslashes (browsers read \ as /),
 * tabs and newlines (the URL parser drops them), dot segments (/.//host resolves to //host).
 * The check runs on what the parser made of the candidate, since that is what the browser
 * will follow, and the result is that parsed form.
 */
const PROBE_ORIGIN = 'http://accord.invalid';

// ASCII control characters and space: never part of a path we send, and stripped or
// reinterpreted by parsers in ways the raw string does not show.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;

function leavesTheSite(path: string): boolean {
	return !path.startsWith('/') || path.startsWith('//') || path.includes('\\');
}

/** Decoded once, as a proxy or a later redirect might; undecodable paths count as hostile. */
function decodedOnce(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return '//';
	}
}

export function safeRedirectPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate || CONTROL_OR_SPACE.test(candidate) || leavesTheSite(candidate)) return fallback;
	let url: URL;
	try {
		url = new URL(candidate, PROBE_ORIGIN);
	} catch {
		return fallback;
	}
	if (url.origin !== PROBE_ORIGIN) return fallback;
	// /.//host parses to the path //host; %2F%2F and %5C become // and \ once decoded.
	if (leavesTheSite(url.pathname) || leavesTheSite(decodedOnce(url.pathname))) return fallback;
	return url.pathname + url.search + url.hash;
}
