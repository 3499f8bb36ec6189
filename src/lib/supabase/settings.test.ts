import { describe, expect, it } from 'vitest';
import { needsFreshToken } from './settings.ts';

describe('needsFreshToken', () => {
	const now = Date.UTC(2026, 10, 28, 10, 0, 0);
	const inSeconds = (seconds: number) => now / 1000 + seconds;

	it('keeps a token with more than a minute left', () => {
		expect(needsFreshToken(inSeconds(61), now)).toBe(false);
		expect(needsFreshToken(inSeconds(3600), now)).toBe(false);
	});

	it('replaces a token about to expire or already expired', () => {
		expect(needsFreshToken(inSeconds(59), now)).toBe(true);
		expect(needsFreshToken(inSeconds(-10), now)).toBe(true);
	});

	it('has nothing to replace for a visitor', () => {
		expect(needsFreshToken(null, now)).toBe(false);
	});
});
