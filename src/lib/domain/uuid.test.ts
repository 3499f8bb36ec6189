import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid.ts';

describe('isUuid', () => {
	it('accepts a row id in either case', () => {
		expect(isUuid('3f1c2a4e-8b7d-4c6a-9e2f-0a1b2c3d4e5f')).toBe(true);
		expect(isUuid('3F1C2A4E-8B7D-4C6A-9E2F-0A1B2C3D4E5F')).toBe(true);
	});
	it('refuses anything else', () => {
		for (const value of ['', 'programme.ics', '3f1c2a4e8b7d4c6a9e2f0a1b2c3d4e5f', "1' or '1'='1"]) {
			expect(isUuid(value), value).toBe(false);
		}
	});
});
