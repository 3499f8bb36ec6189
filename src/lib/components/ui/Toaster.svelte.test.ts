import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import Toaster from './Toaster.svelte';
import { Toasts } from './toasts.svelte';

describe('Toaster', () => {
	it('has both live regions in the page before any message, so the first one is announced', () => {
		render(Toaster, { props: { toasts: new Toasts() } });
		expect(screen.getByRole('status').textContent?.trim()).toBe('');
		expect(screen.getByRole('alert').textContent?.trim()).toBe('');
	});

	it('puts confirmations in the polite region and errors in the urgent one', () => {
		const toasts = new Toasts();
		render(Toaster, { props: { toasts } });
		toasts.show('Session saved', 'success');
		toasts.show('The session could not be saved', 'danger');
		flushSync();
		expect(within(screen.getByRole('status')).getByText('Session saved')).toBeTruthy();
		expect(within(screen.getByRole('alert')).getByText('The session could not be saved')).toBeTruthy();
	});

	it('lets a message be dismissed by a translated button', async () => {
		const toasts = new Toasts();
		render(Toaster, { props: { toasts } });
		toasts.show('Session saved', 'success');
		flushSync();
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(screen.queryByText('Session saved')).toBeNull();
		expect(toasts.items).toEqual([]);
	});

	it('keeps the newest three', () => {
		const toasts = new Toasts();
		render(Toaster, { props: { toasts } });
		for (const text of ['one', 'two', 'three', 'four']) toasts.show(text);
		flushSync();
		expect(
			within(screen.getByRole('status'))
				.getAllByRole('paragraph')
				.map((p) => p.textContent)
		).toEqual(['two', 'three', 'four']);
	});
});
