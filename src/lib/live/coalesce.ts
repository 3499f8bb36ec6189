/**
 * Keeps a screen current without a run per message: the first call after a quiet spell
 * runs at once (a lone vote shows on the tally in a round trip, not after a wait), later
 * calls make at most one run per `delayMs`, and calls while a run is in flight make exactly
 * one more run after it. A reload of page data per Realtime message would otherwise queue a
 * reload per row of a bulk change, or re-read the tally for every vote of a plenary.
 */
export function coalesce(run: () => Promise<unknown>, delayMs: number) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let lastStart = -Infinity;
	let running = false;
	let again = false;
	let stopped = false;

	async function fire() {
		timer = undefined;
		running = true;
		lastStart = Date.now();
		try {
			await run();
		} finally {
			running = false;
			if (again && !stopped) {
				again = false;
				schedule();
			}
		}
	}

	function schedule() {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		if (timer) return;
		const wait = lastStart + delayMs - Date.now();
		if (wait <= 0) void fire();
		else timer = setTimeout(() => void fire(), wait);
	}

	function stop() {
		stopped = true;
		clearTimeout(timer);
		timer = undefined;
		again = false;
	}

	return { schedule, stop };
}
