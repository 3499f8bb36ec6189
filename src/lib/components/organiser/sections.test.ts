import { describe, expect, it } from 'vitest';
import { isCurrentSection, ORGANISER_SECTIONS, sectionHref } from './sections';

describe('organiser sections', () => {
	it('links the overview to the console root and others below it', () => {
		expect(sectionHref('sdg-2018', '')).toBe('/sdg-2018/organise');
		expect(sectionHref('sdg-2018', 'members')).toBe('/sdg-2018/organise/members');
	});

	it('marks the overview only on its own page, a section on its sub-pages too', () => {
		expect(isCurrentSection('/e/organise', 'e', '')).toBe(true);
		expect(isCurrentSection('/e/organise/members', 'e', '')).toBe(false);
		expect(isCurrentSection('/e/organise/members', 'e', 'members')).toBe(true);
		expect(isCurrentSection('/e/organise/members/import', 'e', 'members')).toBe(true);
		expect(isCurrentSection('/e/organise/membership', 'e', 'members')).toBe(false);
	});

	it('has unique paths', () => {
		const paths = ORGANISER_SECTIONS.map((section) => section.path);
		expect(new Set(paths).size).toBe(paths.length);
	});
});
