import { describe, expect, it } from 'vitest';
import { guardDecision, routeAccess } from './route-access.ts';

describe('routeAccess', () => {
	it.each([
		[null, 'public'],
		['/(public)', 'public'],
		['/[event=slug]/(public)/programme', 'public'],
		['/(app)/account', 'signed-in'],
		['/[event=slug]/(app)/notes', 'signed-in'],
		['/[event=slug]/(organiser)/manage', 'organiser'],
		['/(organiser)/[event=slug]/members', 'organiser'],
		// A folder merely named like a group is not one.
		['/[event=slug]/(public)/apps', 'public']
	] as const)('%s is %s', (routeId, access) => {
		expect(routeAccess(routeId)).toBe(access);
	});
});

describe('guardDecision', () => {
	const requested = '/bucharest-2026/manage?tab=people';

	it('lets everyone through to public pages', () => {
		expect(guardDecision({ access: 'public', signedIn: false, requested })).toEqual({ kind: 'allow' });
	});

	it.each(['signed-in', 'organiser'] as const)(
		'sends a visitor asking for a %s page to sign in, then back',
		(access) => {
			expect(guardDecision({ access, signedIn: false, requested })).toEqual({
				kind: 'sign-in',
				location: '/sign-in?next=%2Fbucharest-2026%2Fmanage%3Ftab%3Dpeople'
			});
		}
	);

	it('never builds a next that leaves the site', () => {
		expect(guardDecision({ access: 'signed-in', signedIn: false, requested: '//evil.example/x' })).toEqual({
			kind: 'sign-in',
			location: '/sign-in?next=%2F'
		});
	});

	it('lets any signed-in person into app pages', () => {
		expect(guardDecision({ access: 'signed-in', signedIn: true, requested })).toEqual({ kind: 'allow' });
	});

	it('admits organisers of the event to organiser pages', () => {
		expect(guardDecision({ access: 'organiser', signedIn: true, requested, role: 'organiser' })).toEqual({
			kind: 'allow'
		});
	});

	it.each(['delegate', 'rapporteur', 'observer', null])('refuses a %s with 403', (role) => {
		expect(guardDecision({ access: 'organiser', signedIn: true, requested, role })).toEqual({
			kind: 'deny',
			status: 403
		});
	});

	it('answers 404 when the event is not visible to the caller, so a draft stays hidden', () => {
		expect(guardDecision({ access: 'organiser', signedIn: true, requested, role: undefined })).toEqual({
			kind: 'deny',
			status: 404
		});
	});
});
