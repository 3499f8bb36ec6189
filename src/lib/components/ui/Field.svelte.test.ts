import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Field, { type ControlAttributes } from './Field.svelte';

/** A plain input given exactly the attributes Field hands its control. */
const control = createRawSnippet<[ControlAttributes]>((attributes) => ({
	render: () => '<input />',
	setup: (input) => {
		for (const [name, value] of Object.entries(attributes())) {
			if (value === undefined) continue;
			if (name === 'autofocus') (input as HTMLInputElement).autofocus = Boolean(value);
			else input.setAttribute(name, String(value));
		}
	}
}));

describe('Field', () => {
	it('names its control by the label and describes it by the hint', () => {
		render(Field, { props: { name: 'email', label: 'Email address', hint: 'We send you a link.', control } });
		const input = screen.getByRole('textbox', { name: 'Email address' });
		expect(input.getAttribute('name')).toBe('email');
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		const described = input
			.getAttribute('aria-describedby')!
			.split(' ')
			.map((id) => document.getElementById(id)?.textContent);
		expect(described).toEqual(['We send you a link.']);
	});

	it('marks a refused control invalid and reads the translated error before the hint', () => {
		render(Field, {
			props: {
				name: 'title.ro',
				label: 'Title (Romanian)',
				hint: 'As the programme shows it.',
				error: { key: 'form.error.tooLong', values: { limit: 40 } },
				control
			}
		});
		const input = screen.getByRole('textbox', { name: 'Title (Romanian)' });
		expect(input.getAttribute('aria-invalid')).toBe('true');
		const described = input
			.getAttribute('aria-describedby')!
			.split(' ')
			.map((id) => document.getElementById(id)?.textContent);
		expect(described).toEqual(['Use at most 40 characters.', 'As the programme shows it.']);
	});
});
