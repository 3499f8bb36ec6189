/**
 * Turns a burst of calls into as few runs of `run` as keep the result current: calls
 * within `delayMs` of the first make one run; calls while a run is in flight make exactly
 * one more run after it. A reload of page data per Realtime message would otherwise
 * queue a reload per row of a bulk change.
 */
export function coalesce(run: () => Promise<unknown>, delayMs: number) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running = false;
	let again = false;
	let stopped = false;

	async function fire() {
		timer = undefined;
		if (running) {
			again = true;
			return;
		}
		running = true;
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
		timer ??= setTimeout(() => void fire(), delayMs);
	}

	function stop() {
		stopped = true;
		clearTimeout(timer);
		timer = undefined;
		again = false;
	}

	return { schedule, stop };
}
