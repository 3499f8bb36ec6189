// The reader's clock for "now / next": starts from the instant the server rendered the page
// (so hydration shows what the server showed), then follows the browser's clock.
import { onMount } from 'svelte';

const TICK_MS = 30_000;

export class Clock {
	/** Milliseconds since the epoch; a number, so a tick is one plain reactive write. */
	#at = $state(0);

	/** `renderedAt` is read once, at creation: later page data does not turn the clock back. */
	constructor(renderedAt: () => number) {
		this.#at = renderedAt();
		onMount(() => {
			this.#at = Date.now();
			const timer = setInterval(() => (this.#at = Date.now()), TICK_MS);
			return () => clearInterval(timer);
		});
	}

	/** The reader's time now, in milliseconds since the epoch. */
	get now(): number {
		return this.#at;
	}
}
