import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import Dialog from './Dialog.svelte';

const body = createRawSnippet(() => ({ render: () => '<p>The round closes for every delegate.</p>' }));
const actions = createRawSnippet<[{ close: () => void }]>((args) => ({
	render: () => '<button type="button">Cancel</button>',
	setup: (button) => {
		button.addEventListener('click', () => args().close());
	}
}));

/** Waits for the focus a dialog moves (bits-ui moves it after it mounts). */
async function focusOn(element: HTMLElement): Promise<void> {
	await expect.poll(() => document.activeElement).toBe(element);
}

describe('Dialog', () => {
	const props = { title: 'Close the voting round?', trigger: 'Close round', children: body, actions };

	it('opens from its trigger as a named modal dialog with focus inside', async () => {
		render(Dialog, { props });
		expect(screen.queryByRole('dialog')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Close round' }));
		const dialog = await screen.findByRole('dialog', { name: 'Close the voting round?' });
		expect(dialog.getAttribute('aria-modal')).toBe('true');
		expect(dialog.textContent).toContain('The round closes for every delegate.');
		await expect.poll(() => dialog.contains(document.activeElement)).toBe(true);
	});

	it('closes on Escape and gives focus back to the trigger', async () => {
		render(Dialog, { props });
		const trigger = screen.getByRole('button', { name: 'Close round' });
		trigger.focus();
		await fireEvent.click(trigger);
		const dialog = await screen.findByRole('dialog');
		await expect.poll(() => dialog.contains(document.activeElement)).toBe(true);
		await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
		await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
		await focusOn(trigger);
	});

	it('closes from its translated close button and from its own actions', async () => {
		render(Dialog, { props });
		await fireEvent.click(screen.getByRole('button', { name: 'Close round' }));
		await fireEvent.click(await screen.findByRole('button', { name: 'Close' }));
		await expect.poll(() => screen.queryByRole('dialog')).toBeNull();

		await fireEvent.click(screen.getByRole('button', { name: 'Close round' }));
		await fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
		await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
	});

	it('opens and closes by its bound `open` without a trigger', async () => {
		const { rerender } = render(Dialog, { props: { title: 'Session saved', children: body, open: true } });
		expect(await screen.findByRole('dialog', { name: 'Session saved' })).toBeTruthy();
		await rerender({ open: false });
		flushSync();
		await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
	});
});
