// How another person's caret and selection look: a bar in their colour with their name,
// stamped by the collab server from their verified account (src/lib/server/collab/identity.ts).
import type { DecorationAttrs } from '@tiptap/pm/view';

interface CaretUser {
	name?: unknown;
	color?: unknown;
}

const COLOUR = /^#[0-9a-f]{6}$/i;

function colourOf(user: CaretUser): string {
	return typeof user.color === 'string' && COLOUR.test(user.color) ? user.color : '#475569';
}

/** A caret renderer; `guest` is the translated word for someone without a name. */
export function caretRenderer(guest: () => string): (user: CaretUser) => HTMLElement {
	return (user) => {
		const caret = document.createElement('span');
		caret.className = 'collaboration-carets__caret';
		caret.style.borderColor = colourOf(user);
		const label = document.createElement('span');
		label.className = 'collaboration-carets__label';
		label.style.backgroundColor = colourOf(user);
		// textContent, never innerHTML: the name is someone else's input.
		label.textContent = typeof user.name === 'string' && user.name.trim() ? user.name : guest();
		caret.append(label);
		return caret;
	};
}

export function selectionRenderer(user: CaretUser): DecorationAttrs {
	return { style: `background-color: ${colourOf(user)}33`, class: 'collaboration-carets__selection' };
}
