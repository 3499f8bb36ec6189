import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce.ts';

/** A run that stays in flight until the test lets it finish. */
function controlledRun() {
	const finishers: (() => void)[] = [];
	const run = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
	return {
		run,
		async finish() {
			finishers.shift()?.();
			await vi.advanceTimersByTimeAsync(0);
		}
	};
}

describe('coalesce', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('runs once for a burst of calls', async () => {
		const { run, finish } = controlledRun();
		const live = coalesce(run, 100);
		for (let i = 0; i < 20; i++) live.schedule();
		await vi.advanceTimersByTimeAsync(100);
		expect(run).toHaveBeenCalledTimes(1);
		await finish();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('runs exactly once more for calls that arrive during a run', async () => {
		const { run, finish } = controlledRun();
		const live = coalesce(run, 100);
		live.schedule();
		await vi.advanceTimersByTimeAsync(100);
		live.schedule();
		live.schedule();
		live.schedule();
		await finish();
		await vi.advanceTimersByTimeAsync(100);
		expect(run).toHaveBeenCalledTimes(2);
		await finish();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('does nothing after stop, even for a call already waiting', async () => {
		const { run } = controlledRun();
		const live = coalesce(run, 100);
		live.schedule();
		live.stop();
		live.schedule();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).not.toHaveBeenCalled();
	});

	it('keeps working after a run fails', async () => {
		const run = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
		const live = coalesce(() => run().catch(() => undefined), 100);
		live.schedule();
		await vi.advanceTimersByTimeAsync(100);
		live.schedule();
		await vi.advanceTimersByTimeAsync(100);
		expect(run).toHaveBeenCalledTimes(2);
	});
});
