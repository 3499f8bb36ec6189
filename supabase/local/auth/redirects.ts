// GoTrue's redirect allow-list: links only ever send people back to the site or to
// an allowed URL, whatever redirect_to a client (or an attacker) puts in a request.
import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context.ts';
import { headerValue } from './http.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

export function isRedirectAllowed(ctx: StackContext, redirectTo: string | undefined): boolean {
	if (!redirectTo) return false;
	const target = parse(redirectTo);
	const site = parse(ctx.siteUrl);
	if (!target || !site) return false;
	// Back to the site itself: same scheme and host; any port on loopback (RFC 8252 §7.3).
	if (
		target.protocol === site.protocol &&
		target.hostname === site.hostname &&
		(target.port === site.port || LOOPBACK_HOSTS.has(target.hostname))
	) {
		return true;
	}
	const withoutFragment = redirectTo.split('#')[0] ?? '';
	return ctx.redirectUrls.some((allowed) => {
		// Supabase configs often end entries in /** or *: read them as prefixes.
		const prefix = allowed.replace(/\*+$/, '');
		return prefix !== '' && withoutFragment.startsWith(prefix);
	});
}

/** GoTrue's GetReferrer: redirect_to if allowed, else the Referer if allowed, else the site URL. */
export function referrer(ctx: StackContext, req: IncomingMessage, url: URL, fromBody?: string): string {
	for (const candidate of [url.searchParams.get('redirect_to') ?? undefined, fromBody, headerValue(req, 'referer')]) {
		if (isRedirectAllowed(ctx, candidate)) return candidate!;
	}
	return ctx.siteUrl;
}
