// The formatting buttons of the editor toolbar: what each does and when it shows as on.
import type { Editor } from '@tiptap/core';

export interface ToolbarAction {
	id: 'heading2' | 'heading3' | 'bold' | 'italic' | 'bulletList' | 'orderedList';
	/** What the button shows (a sign, not a word: the label is its accessible name). */
	/** Message key of its accessible name. */
	label: string;
	glyph: string;
	shortcut: string | null;
	isActive(editor: Editor): boolean;
	run(editor: Editor): void;
}

export const TOOLBAR_ACTIONS: readonly ToolbarAction[] = [
	{
		id: 'heading2',
		label: 'editor.action.heading',
		glyph: 'H2',
		shortcut: 'Ctrl+Alt+2',
		isActive: (e) => e.isActive('heading', { level: 2 }),
		run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run()
	},
	{
		id: 'heading3',
		label: 'editor.action.subheading',
		glyph: 'H3',
		shortcut: 'Ctrl+Alt+3',
		isActive: (e) => e.isActive('heading', { level: 3 }),
		run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run()
	},
	{
		id: 'bold',
		label: 'editor.action.bold',
		glyph: 'B',
		shortcut: 'Ctrl+B',
		isActive: (e) => e.isActive('bold'),
		run: (e) => e.chain().focus().toggleBold().run()
	},
	{
		id: 'italic',
		label: 'editor.action.italic',
		glyph: 'I',
		shortcut: 'Ctrl+I',
		isActive: (e) => e.isActive('italic'),
		run: (e) => e.chain().focus().toggleItalic().run()
	},
	{
		id: 'bulletList',
		label: 'editor.action.bulletList',
		glyph: '•',
		shortcut: 'Ctrl+Shift+8',
		isActive: (e) => e.isActive('bulletList'),
		run: (e) => e.chain().focus().toggleBulletList().run()
	},
	{
		id: 'orderedList',
		label: 'editor.action.orderedList',
		glyph: '1.',
		shortcut: 'Ctrl+Shift+7',
		isActive: (e) => e.isActive('orderedList'),
		run: (e) => e.chain().focus().toggleOrderedList().run()
	}
];

/** Index of the button arrow keys move to, in a toolbar of `count` buttons (WAI-ARIA toolbar). */
export function nextToolbarIndex(current: number, key: string, count: number): number | null {
	if (key === 'ArrowRight' || key === 'ArrowDown') return (current + 1) % count;
	if (key === 'ArrowLeft' || key === 'ArrowUp') return (current - 1 + count) % count;
	if (key === 'Home') return 0;
	if (key === 'End') return count - 1;
	return null;
}
