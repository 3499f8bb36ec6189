import { describe, expect, it } from 'vitest';
import { filtersFrom, isFiltered, joinState, matches } from './member-filters';

const ana = {
	display_name: 'Ștefania Ionescu',
	organisation: 'Ministerul Muncii',
	role: 'delegate',
	country_code: 'RO',
	sector: 'social_protection',
	invited_at: '2026-01-01T00:00:00Z',
	joined_at: null
};

describe('member filters', () => {
	it('read from the URL, ignoring a state that does not exist', () => {
		const filters = filtersFrom(new URLSearchParams('q=%20stef%20&role=delegate&state=nonsense'));
		expect(filters).toEqual({ q: 'stef', role: 'delegate', country: '', sector: '', state: '' });
		expect(isFiltered(filters)).toBe(true);
		expect(isFiltered(filtersFrom(new URLSearchParams()))).toBe(false);
	});

	it('search name and organisation without case or diacritics', () => {
		const none = filtersFrom(new URLSearchParams());
		expect(matches(ana, { ...none, q: 'stefania' })).toBe(true);
		expect(matches(ana, { ...none, q: 'MUNCII' })).toBe(true);
		expect(matches(ana, { ...none, q: 'popescu' })).toBe(false);
	});

	it('combine role, country, sector and join state', () => {
		const none = filtersFrom(new URLSearchParams());
		expect(matches(ana, { ...none, role: 'delegate', country: 'RO', state: 'invited' })).toBe(true);
		expect(matches(ana, { ...none, state: 'joined' })).toBe(false);
		expect(matches(ana, { ...none, sector: 'health' })).toBe(false);
		expect(joinState({ invited_at: null, joined_at: null })).toBe('not-invited');
		expect(joinState({ invited_at: null, joined_at: '2026-01-01' })).toBe('joined');
	});
});
