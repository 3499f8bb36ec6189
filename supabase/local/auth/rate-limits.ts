// GoTrue's rate limits (config.toml [auth.rate_limit]), per client IP as GoTrue applies
// them, and per e-mail address, which GoTrue leaves to the mail provider: a token bucket
// per key that holds `limit` requests and refills over the limit's window, so a burst
// spends it and a steady trickle within the limit never notices. The clock is the stack's
// (settings.now), so tests move time instead of waiting.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { StackContext } from '../context.ts';
import { tooManyRequests } from './errors.ts';
import { headerValue } from './http.ts';
import { authSettings, type RateLimits } from './settings.ts';
import { isLoopback } from '../../../src/lib/server/deployment.ts';

const FIVE_MINUTES = 5 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

/** Which limit a request spends, and over what window it refills (GoTrue's NewLimiterOptions). */
const WINDOWS: Record<keyof RateLimits, number> = {
	emailSent: ONE_HOUR,
	signInSignUps: FIVE_MINUTES,
	tokenRefresh: FIVE_MINUTES,
	tokenVerifications: FIVE_MINUTES
};

/** Past this many keys, buckets that have refilled completely are forgotten. */
const PRUNE_ABOVE = 10_000;

interface Bucket {
	tokens: number;
	at: number;
}

const bucketsByStack = new WeakMap<StackContext, Map<string, Bucket>>();

function bucketsOf(ctx: StackContext): Map<string, Bucket> {
	let buckets = bucketsByStack.get(ctx);
	if (!buckets) {
		buckets = new Map();
		bucketsByStack.set(ctx, buckets);
	}
	return buckets;
}

function refilled(bucket: Bucket, limit: number, window: number, now: number): number {
	return Math.min(limit, bucket.tokens + ((now - bucket.at) * limit) / window);
}

function prune(buckets: Map<string, Bucket>, ctx: StackContext, now: number): void {
	const limits = authSettings(ctx).rateLimits;
	for (const [key, bucket] of buckets) {
		const kind = key.slice(0, key.indexOf(' ')) as keyof RateLimits;
		if (refilled(bucket, limits[kind], WINDOWS[kind], now) >= limits[kind]) buckets.delete(key);
	}
}

/** Spends one request of `kind` for `key`; false when the bucket is empty. */
function spend(ctx: StackContext, kind: keyof RateLimits, key: string): boolean {
	const settings = authSettings(ctx);
	const limit = settings.rateLimits[kind];
	const now = settings.now();
	const buckets = bucketsOf(ctx);
	const id = `${kind} ${key}`;
	const bucket = buckets.get(id) ?? { tokens: limit, at: now };
	const tokens = refilled(bucket, limit, WINDOWS[kind], now);
	if (tokens < 1) {
		buckets.set(id, { tokens, at: now });
		return false;
	}
	buckets.set(id, { tokens: tokens - 1, at: now });
	if (buckets.size > PRUNE_ABOVE) prune(buckets, ctx, now);
	return true;
}

/**
 * The client's IP. X-Forwarded-For is believed only from loopback — the app's own server
 * asking on a person's behalf (it forwards their address), as GoTrue believes it only from
 * its proxy; anyone else could write any address there.
 */
export function clientAddress(req: IncomingMessage): string {
	const peer = req.socket.remoteAddress ?? '';
	if (isLoopback(peer)) {
		const forwarded = headerValue(req, 'x-forwarded-for')
			?.split(',')
			.map((part) => part.trim())
			.find((part) => isIP(part) !== 0);
		if (forwarded) return forwarded;
	}
	return peer;
}

/** GoTrue's per-IP limit for an endpoint: 429 over_request_rate_limit once it is spent. */
export function limitByAddress(ctx: StackContext, req: IncomingMessage, kind: keyof RateLimits): void {
	if (!spend(ctx, kind, `ip:${clientAddress(req)}`)) {
		throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
	}
}

/** The same limit per e-mail address, so many IPs cannot share out one person's attempts. */
export function limitByEmail(ctx: StackContext, kind: 'signInSignUps', email: string): void {
	if (!spend(ctx, kind, `email:${email}`)) {
		throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
	}
}

/** Mails one address may be sent in an hour (email_sent): 429 over_email_send_rate_limit. */
export function limitMailTo(ctx: StackContext, email: string): void {
	if (!spend(ctx, 'emailSent', `email:${email}`)) {
		throw tooManyRequests('over_email_send_rate_limit', 'Email rate limit exceeded');
	}
}
