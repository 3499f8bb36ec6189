// Short messages about something that just happened ("Session saved"), shown by one
// <Toaster> per page and announced by screen readers without moving focus.
import { createContext } from 'svelte';

export type ToastTone = 'info' | 'success' | 'danger';

export interface Toast {
	id: number;
	text: string;
	tone: ToastTone;
}

/** At most this many at once: older ones give way. */
const LIMIT = 3;

export class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;

	/** Shows a message (already translated) until the person dismisses it or it gives way. */
	show(text: string, tone: ToastTone = 'info'): number {
		const id = this.#next++;
		this.items = [...this.items, { id, text, tone }].slice(-LIMIT);
		return id;
	}

	dismiss(id: number): void {
		this.items = this.items.filter((toast) => toast.id !== id);
	}
}

const [getToasts, setToasts] = createContext<Toasts>();

/** The page's toasts, for a component that reports what it did. */
export { getToasts };

/** Creates the toasts of a page and hands them to everything below (call in a layout). */
export function provideToasts(): Toasts {
	return setToasts(new Toasts());
}
