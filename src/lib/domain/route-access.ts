import { safeRedirectPath } from './redirect.ts';

/**
 * Who may open a route, read from its route group: `(app)` pages need a signed-in person,
 * `(organiser)` pages an organiser of the event in the URL. Everything else is public and
 * RLS decides what it shows. Groups may sit at any depth (`/[event=slug]/(organiser)/…`).
 */
export type RouteAccess = 'public' | 'signed-in' | 'organiser';

export function routeAccess(routeId: string | null): RouteAccess {
	const segments = routeId?.split('/') ?? [];
	if (segments.includes('(organiser)')) return 'organiser';
	if (segments.includes('(app)')) return 'signed-in';
	return 'public';
}

export type GuardDecision =
	{ kind: 'allow' } | { kind: 'sign-in'; location: string } | { kind: 'deny'; status: 403 | 404 };

/**
 * What the hook does with a request. `role` is the caller's role at the event, `undefined`
 * when the event is not visible to them (a draft they are not a member of, or no such event):
 * that is a 404, so a draft's existence is not revealed.
 */
export function guardDecision(input: {
	access: RouteAccess;
	signedIn: boolean;
	/** The path and query asked for, sent along to sign-in as `next`. */
	requested: string;
	role?: string | null;
}): GuardDecision {
	if (input.access === 'public') return { kind: 'allow' };
	if (!input.signedIn) {
		return { kind: 'sign-in', location: `/sign-in?next=${encodeURIComponent(safeRedirectPath(input.requested))}` };
	}
	if (input.access === 'signed-in') return { kind: 'allow' };
	if (input.role === undefined) return { kind: 'deny', status: 404 };
	return input.role === 'organiser' ? { kind: 'allow' } : { kind: 'deny', status: 403 };
}
