import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect.ts';

describe('safeRedirectPath', () => {
	it('keeps same-site paths with query and hash', () => {
		expect(safeRedirectPath('/social-workforce-2018/programme?day=2#s1')).toBe(
			'/social-workforce-2018/programme?day=2#s1'
		);
	});

	it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined])(
		'turns %s into the fallback',
		(candidate) => {
			expect(safeRedirectPath(candidate)).toBe('/');
		}
	);
});
