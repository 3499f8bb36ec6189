// GoTrue's redirect allow-list (IsRedirectURLValid, GetReferrer): links only ever send
// people back to the site or to an allowed URL, whatever redirect_to a client (or an
// attacker) puts in a request. A candidate is judged as the browser will read it — parsed
// with the WHATWG URL parser — never as a string prefix, so userinfo
// (http://site@evil.example), backslashes, encoded or control characters and dot segments
// cannot make an allowed-looking string land somewhere else.
//
// Allow-list entries are GoTrue's globs, matched part by part: the scheme and port
// exactly, the host with `*` standing for one label and `**` for any, the path with `*`
// for one segment and `**` for any. An entry without a path (http://localhost:3000) allows
// the whole origin. Two deliberate differences from GoTrue: loopback targets get no
// any-port allowance (RFC 8252 is for native apps, which Accord has none of; another port
// on a delegate's laptop is not Accord), and a loopback IP is not allowed just for being one.
import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context.ts';
import { headerValue } from './http.ts';

// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;
/** GoTrue refuses hosts with characters hostnames do not use (regularHostname). */
const REGULAR_HOSTNAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const WITHOUT_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*$/i;

function parse(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

function isWeb(url: URL): boolean {
	return url.protocol === 'http:' || url.protocol === 'https:';
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** GoTrue's glob (gobwas/glob with a separator): `**` crosses separators, `*` does not. */
function globMatches(glob: string, value: string, separator: string): boolean {
	const one = `[^${escapeRegExp(separator)}]*`;
	const source = glob
		.split('**')
		.map((part) => part.split('*').map(escapeRegExp).join(one))
		.join('.*');
	return new RegExp(`^${source}$`).test(value);
}

function matchesEntry(target: URL, entry: string): boolean {
	const pattern = parse(entry);
	if (!pattern || !isWeb(pattern)) {
		// A custom scheme (a native app's deep link): GoTrue's whole-string glob, without the fragment.
		return !isWeb(target) && globMatches(entry, target.href.split('#')[0] ?? '', '/');
	}
	const path = WITHOUT_PATH.test(entry) ? '/**' : pattern.pathname;
	return (
		pattern.protocol === target.protocol &&
		pattern.port === target.port &&
		globMatches(pattern.hostname, target.hostname, '.') &&
		globMatches(path, target.pathname, '/')
	);
}

/**
 * The URL to send someone to, as the browser will read it, if `candidate` is the site or
 * on the allow-list; undefined otherwise.
 */
export function allowedRedirect(ctx: StackContext, candidate: string | undefined): string | undefined {
	if (!candidate || CONTROL_OR_SPACE.test(candidate)) return undefined;
	// Browsers read \ as / in web URLs and other parsers do not: nobody needs one, refuse it.
	if (candidate.includes('\\')) return undefined;
	const target = parse(candidate);
	const site = parse(ctx.siteUrl);
	if (!target || !site) return undefined;
	if (target.username || target.password) return undefined;
	if (isWeb(target)) {
		const host = target.hostname;
		const ipLiteral = IPV4.test(host) || host.startsWith('[');
		if (!ipLiteral && !REGULAR_HOSTNAME.test(host)) return undefined;
		const isSite = target.protocol === site.protocol && host === site.hostname && target.port === site.port;
		if (isSite) return target.href;
	} else if (target.protocol === 'javascript:' || target.protocol === 'data:' || target.protocol === 'file:') {
		return undefined;
	}
	return ctx.redirectUrls.some((entry) => matchesEntry(target, entry)) ? target.href : undefined;
}

/** GoTrue's GetReferrer: redirect_to if allowed, else the Referer if allowed, else the site URL. */
export function referrer(ctx: StackContext, req: IncomingMessage, url: URL, fromBody?: string): string {
	for (const candidate of [url.searchParams.get('redirect_to') ?? undefined, fromBody, headerValue(req, 'referer')]) {
		const allowed = allowedRedirect(ctx, candidate);
		if (allowed) return allowed;
	}
	return ctx.siteUrl;
}
