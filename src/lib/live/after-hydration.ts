/**
 * Resolves once the browser is idle after the current task: effects that run during
 * hydration call it, so what follows waits until the page has become interactive. Idle
 * time may never come on a busy phone, hence the bound.
 */
export function afterHydration(timeoutMs = 1000): Promise<void> {
	return new Promise((resolve) => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: timeoutMs });
		else setTimeout(resolve, 0);
	});
}
