import { describe, expect, it } from 'vitest';
import { variants } from './variant-classes.ts';

const chip = variants({
	base: ['rounded', 'px-2'],
	variants: {
		tone: { neutral: 'bg-slate-100', warning: 'bg-amber-100' },
		block: { true: 'w-full' }
	},
	defaults: { tone: 'neutral', block: false }
});

describe('variants', () => {
	it.each([
		{ props: undefined, classes: 'rounded px-2 bg-slate-100' },
		{ props: { tone: 'warning' as const }, classes: 'rounded px-2 bg-amber-100' },
		{ props: { tone: undefined, block: true }, classes: 'rounded px-2 bg-slate-100 w-full' },
		{ props: { block: false, class: 'mt-3' }, classes: 'rounded px-2 bg-slate-100 mt-3' }
	])('$props → $classes', ({ props, classes }) => {
		expect(chip(props)).toBe(classes);
	});
});
