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
		// Not part of the text: Chrome would otherwise put the local typist's characters into
		// the widget when the two carets meet. The word joiners give the caret a text box of
		// its own (TipTap's default renderer does the same).
		caret.contentEditable = 'false';
		label.setAttribute('aria-hidden', 'true');
		caret.append(document.createTextNode('\u2060'), label, document.createTextNode('\u2060'));
		return caret;
	};
}

export function selectionRenderer(user: CaretUser): DecorationAttrs {
	return { style: `background-color: ${colourOf(user)}33`, class: 'collaboration-carets__selection' };
}
