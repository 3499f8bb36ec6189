import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect.ts';

describe('safeRedirectPath', () => {
	it.each([
		['/social-workforce-2018/programme?day=2#s1', '/social-workforce-2018/programme?day=2#s1'],
		['/', '/'],
		['/a/./b/../c', '/a/c'],
		['/sign-in?next=%2Fprogramme', '/sign-in?next=%2Fprogramme'],
		['/search?q=a//b', '/search?q=a//b'],
		['/.%2F/x', '/.%2F/x']
	])('keeps the same-site path %s as %s', (candidate, expected) => {
		expect(safeRedirectPath(candidate)).toBe(expected);
	});

	// Each of these, sent as a Location, takes the browser to another host (or runs script).
	it.each([
		'https://evil.example/',
		'HTTPS://evil.example/',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\/evil.example',
		'/.//evil.example/',
		'/./\\evil.example/',
		'/..//evil.example/',
		'/a/../..//evil.example/',
		'/\t/evil.example',
		'/\n/evil.example',
		'/ /evil.example',
		'/%2F/evil.example',
		'/%2f%2fevil.example',
		'/%5Cevil.example',
		'/%E0%A4%A',
		'javascript:alert(1)',
		'evil.example',
		'',
		null,
		undefined
	])('turns %j into the fallback', (candidate) => {
		expect(safeRedirectPath(candidate)).toBe('/');
	});

	it('answers with the given fallback', () => {
		expect(safeRedirectPath('//evil.example', '/home')).toBe('/home');
	});
});
