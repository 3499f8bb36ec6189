import { describe, expect, it } from 'vitest';
import { isAllowedHref } from './links';

describe('isAllowedHref', () => {
	it('keeps web and mail links, and paths on this site', () => {
		for (const href of ['https://example.org/a', 'http://example.org', 'MAILTO:a@b.test', '/programme', '#b-1']) {
			expect(isAllowedHref(href), href).toBe(true);
		}
	});

	it('drops other schemes, also when hidden behind control characters or spaces', () => {
		for (const href of [
			'javascript:alert(1)',
			'java\tscript:alert(1)',
			' \u0001javascript:x',
			'data:text/html,x',
			'vbscript:x'
		]) {
			expect(isAllowedHref(href), JSON.stringify(href)).toBe(false);
		}
	});

	it('drops protocol-relative and bare relative links', () => {
		expect(isAllowedHref('//evil.test/x')).toBe(false);
		expect(isAllowedHref('programme')).toBe(false);
	});
});
