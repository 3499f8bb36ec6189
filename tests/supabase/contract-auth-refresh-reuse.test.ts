// Auth contract tests, as the attack: a refresh token copied from a delegate's browser.
// GoTrue lets a rotated token be replayed only within refresh_token_reuse_interval (10 s,
// for a client that lost the answer); after that a replay is abuse and ends the session,
// for good. The stack's clock is moved instead of waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

const REUSE_INTERVAL_SECONDS = 10;

let stack: AuthStack;
let clock = Date.now();

beforeAll(async () => {
	stack = await startAuthStack({
		emailMinInterval: 0,
		refreshTokenReuseInterval: REUSE_INTERVAL_SECONDS,
		now: () => clock
	});
});

afterAll(async () => {
	await stack?.close();
});

function advance(seconds: number): void {
	clock += seconds * 1000;
}

async function signedIn() {
	const email = newEmail('reuse');
	await stack.confirmedUser(email, 'password-123');
	const supabase = stack.client();
	const { data, error } = await supabase.auth.signInWithPassword({ email, password: 'password-123' });
	if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
	return { supabase, session: data.session };
}

async function refresh(refreshToken: string) {
	return stack.client().auth.refreshSession({ refresh_token: refreshToken });
}

describe('refresh token reuse', () => {
	it('a stolen token does not work 11 s after the delegate rotated it, and the session ends', async () => {
		const { session } = await signedIn();
		const stolen = session.refresh_token;
		const rotated = await refresh(stolen);
		expect(rotated.error).toBeNull();
		const legit = rotated.data.session!;

		advance(REUSE_INTERVAL_SECONDS + 1);
		const replay = await refresh(stolen);
		expect(replay.data.session).toBeNull();
		expect(replay.error?.status).toBe(400);
		expect(replay.error?.code).toBe('refresh_token_already_used');

		// The whole family goes: the delegate's current token and access token too.
		expect((await refresh(legit.refresh_token)).data.session).toBeNull();
		const me = await stack.authFetch('/user', { headers: { authorization: `Bearer ${legit.access_token}` } });
		expect(me.status).toBe(403);
	});

	it('a replay right after detection does not start a fresh chain', async () => {
		const { session } = await signedIn();
		const r0 = session.refresh_token;
		const r1 = (await refresh(r0)).data.session!.refresh_token;
		const r2 = (await refresh(r1)).data.session!.refresh_token;
		advance(REUSE_INTERVAL_SECONDS + 1);
		expect((await refresh(r0)).error?.code).toBe('refresh_token_already_used');

		for (const token of [r0, r1, r2, r0]) {
			const again = await refresh(token);
			expect(again.data.session).toBeNull();
			expect(again.error?.status).toBe(400);
		}
	});

	it('replaying within the interval cannot stretch it', async () => {
		const { session } = await signedIn();
		const stolen = session.refresh_token;
		const r1 = (await refresh(stolen)).data.session!.refresh_token;
		await refresh(r1);
		// Each replay inside the interval is answered, but the interval runs from the first rotation.
		for (const seconds of [REUSE_INTERVAL_SECONDS / 2, REUSE_INTERVAL_SECONDS / 2]) {
			advance(seconds);
			expect((await refresh(stolen)).error).toBeNull();
		}
		advance(1);
		expect((await refresh(stolen)).error?.code).toBe('refresh_token_already_used');
	});

	it('within the interval a client that lost the answer gets the current token back', async () => {
		const { session } = await signedIn();
		const r0 = session.refresh_token;
		const r1 = (await refresh(r0)).data.session!.refresh_token;
		advance(REUSE_INTERVAL_SECONDS - 1);
		const retried = await refresh(r0);
		expect(retried.error).toBeNull();
		expect(retried.data.session!.refresh_token).toBe(r1);
		expect((await refresh(r1)).error).toBeNull();
	});
});
