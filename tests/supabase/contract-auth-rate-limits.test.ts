// Auth contract tests, as the attack: bursts against sign-in and sign-up from one address,
// or aimed at one person from many, run into GoTrue's rate limits (its default sizes) and
// get GoTrue's 429 bodies; people signing in at a human pace never notice. The stack's
// clock is moved instead of waiting.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureAuth, DEFAULT_AUTH_SETTINGS } from '../../supabase/local/auth/index.ts';
import { IN_MEMORY, serveLocalStack, type LocalStack } from '../../supabase/local/index.ts';
import { newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

const LIMITS = DEFAULT_AUTH_SETTINGS.rateLimits;
const FIVE_MINUTES = 5 * 60;

let stack: AuthStack;
let clock = Date.now();

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0, emailConfirmations: false, now: () => clock });
});

afterAll(async () => {
	await stack?.close();
});

function advance(seconds: number): void {
	clock += seconds * 1000;
}

/** Each test starts with GoTrue's limits and full buckets (a fresh hour). */
function realisticLimits(): void {
	configureAuth(stack.ctx, { rateLimits: LIMITS });
	advance(2 * 60 * 60);
}

let ipCounter = 0;
/** A client address as the app's server forwards it (X-Forwarded-For from loopback). */
function newIp(): string {
	ipCounter += 1;
	return `198.51.100.${ipCounter % 250}`;
}

function post(pathAndQuery: string, body: unknown, ip: string): Promise<Response> {
	return stack.authFetch(pathAndQuery, {
		method: 'POST',
		body: JSON.stringify(body),
		headers: { 'x-forwarded-for': ip }
	});
}

async function expectRateLimited(response: Response, code = 'over_request_rate_limit'): Promise<void> {
	expect(response.status).toBe(429);
	expect(response.headers.get('x-sb-error-code')).toBe(code);
	const body = (await response.json()) as { code: string; message: string };
	expect(body.code).toBe(code);
	expect(body.message).toBe(
		code === 'over_request_rate_limit' ? 'Request rate limit reached' : 'Email rate limit exceeded'
	);
}

describe('password sign-in', () => {
	it('a burst of wrong passwords from one address is cut off, the right one included', async () => {
		realisticLimits();
		const email = newEmail('guess');
		await stack.confirmedUser(email, 'the-right-password');
		const ip = newIp();
		for (let attempt = 0; attempt < LIMITS.signInSignUps; attempt += 1) {
			const wrong = await post('/token?grant_type=password', { email, password: `guess-${attempt}` }, ip);
			expect(wrong.status).toBe(400);
		}
		await expectRateLimited(await post('/token?grant_type=password', { email, password: 'the-right-password' }, ip));

		advance(FIVE_MINUTES);
		const later = await post('/token?grant_type=password', { email, password: 'the-right-password' }, ip);
		expect(later.status).toBe(200);
	});

	it('guesses at one person spread over many addresses run out too', async () => {
		realisticLimits();
		const email = newEmail('spread');
		await stack.confirmedUser(email, 'the-right-password');
		for (let attempt = 0; attempt < LIMITS.signInSignUps; attempt += 1) {
			expect((await post('/token?grant_type=password', { email, password: `g-${attempt}` }, newIp())).status).toBe(400);
		}
		await expectRateLimited(
			await post('/token?grant_type=password', { email, password: 'the-right-password' }, newIp())
		);
	});

	it('signing in at a human pace is never throttled', async () => {
		realisticLimits();
		const email = newEmail('pace');
		await stack.confirmedUser(email, 'the-right-password');
		const ip = newIp();
		// Twice the limit, spread evenly over two windows.
		for (let attempt = 0; attempt < 2 * LIMITS.signInSignUps; attempt += 1) {
			advance(FIVE_MINUTES / LIMITS.signInSignUps);
			expect((await post('/token?grant_type=password', { email, password: 'the-right-password' }, ip)).status).toBe(
				200
			);
		}
	});
});

describe('sign-up, links and resets', () => {
	it('a burst of sign-ups from one address is cut off', async () => {
		realisticLimits();
		const ip = newIp();
		for (let attempt = 0; attempt < LIMITS.signInSignUps; attempt += 1) {
			expect((await post('/signup', { email: newEmail('bulk'), password: 'a-fine-password' }, ip)).status).toBe(200);
		}
		await expectRateLimited(await post('/signup', { email: newEmail('bulk'), password: 'a-fine-password' }, ip));
		// Another client is not affected.
		expect((await post('/signup', { email: newEmail('bulk'), password: 'a-fine-password' }, newIp())).status).toBe(200);
	});

	it.each(['/otp', '/magiclink', '/recover'])(
		'a burst of %s requests from one address is cut off',
		async (endpoint) => {
			realisticLimits();
			const ip = newIp();
			for (let attempt = 0; attempt < LIMITS.signInSignUps; attempt += 1) {
				expect((await post(endpoint, { email: newEmail('link') }, ip)).status).toBe(200);
			}
			await expectRateLimited(await post(endpoint, { email: newEmail('link') }, ip));
		}
	);

	it('mail to one person is capped per hour, whoever asks', async () => {
		realisticLimits();
		const email = newEmail('bombed');
		await stack.confirmedUser(email, 'the-right-password');
		for (let attempt = 0; attempt < LIMITS.emailSent; attempt += 1) {
			expect((await post('/otp', { email }, newIp())).status).toBe(200);
		}
		await expectRateLimited(await post('/otp', { email }, newIp()), 'over_email_send_rate_limit');
		await expectRateLimited(await post('/recover', { email }, newIp()), 'over_email_send_rate_limit');
		advance(60 * 60);
		expect((await post('/otp', { email }, newIp())).status).toBe(200);
	});
});

describe('verification and refresh', () => {
	it('a burst of code guesses from one address is cut off', async () => {
		realisticLimits();
		const ip = newIp();
		for (let attempt = 0; attempt < LIMITS.tokenVerifications; attempt += 1) {
			const guess = await post('/verify', { type: 'magiclink', token_hash: `guess-${attempt}-${'x'.repeat(40)}` }, ip);
			expect(guess.status).toBe(403);
		}
		await expectRateLimited(await post('/verify', { type: 'magiclink', token_hash: 'y'.repeat(56) }, ip));
	});

	it('a burst of refreshes from one address is cut off', async () => {
		realisticLimits();
		const ip = newIp();
		for (let attempt = 0; attempt < LIMITS.tokenRefresh; attempt += 1) {
			const refresh = await post('/token?grant_type=refresh_token', { refresh_token: `unknown-${attempt}-token` }, ip);
			expect(refresh.status).toBe(400);
		}
		await expectRateLimited(await post('/token?grant_type=refresh_token', { refresh_token: 'unknown-token-x' }, ip));
	});
});

describe('config.toml [auth]', () => {
	let project: string;
	let local: LocalStack & { close(): Promise<void> };

	beforeAll(async () => {
		project = await mkdtemp(path.join(tmpdir(), 'accord-auth-config-'));
		await writeFile(
			path.join(project, 'config.toml'),
			['[auth]', 'enable_signup = false', '', '[auth.rate_limit]', 'sign_in_sign_ups = 3', ''].join('\n')
		);
		local = await serveLocalStack({ port: 0, host: '127.0.0.1', workdir: project, dataDir: IN_MEMORY, log: () => {} });
	});

	afterAll(async () => {
		await local?.close();
		await rm(project, { recursive: true, force: true });
	});

	function localPost(pathAndQuery: string, body: unknown): Promise<Response> {
		return fetch(`${local.url}/auth/v1${pathAndQuery}`, {
			method: 'POST',
			headers: {
				apikey: local.anonKey,
				'content-type': 'application/json',
				'x-supabase-api-version': '2024-01-01',
				'x-forwarded-for': newIp()
			},
			body: JSON.stringify(body)
		});
	}

	it('enable_signup = false closes /signup and sign-up by link with GoTrue’s signup_disabled', async () => {
		const signup = await localPost('/signup', { email: newEmail('closed'), password: 'a-fine-password' });
		expect(signup.status).toBe(422);
		expect(await signup.json()).toEqual({ code: 'signup_disabled', message: 'Signups not allowed for this instance' });

		const otp = await localPost('/otp', { email: newEmail('closed'), create_user: true });
		expect(otp.status).toBe(422);
		expect(((await otp.json()) as { code: string }).code).toBe('signup_disabled');
	});

	it('[auth.rate_limit] sizes the limits', async () => {
		const email = newEmail('sized');
		const headers = {
			apikey: local.anonKey,
			'content-type': 'application/json',
			'x-supabase-api-version': '2024-01-01',
			'x-forwarded-for': newIp()
		};
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 4; attempt += 1) {
			const response = await fetch(`${local.url}/auth/v1/token?grant_type=password`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ email, password: 'whatever-it-is' })
			});
			statuses.push(response.status);
		}
		expect(statuses).toEqual([400, 400, 400, 429]);
	});
});
