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

	it('runs at once after a quiet spell, and once more for the rest of a burst', async () => {
		const { run, finish } = controlledRun();
		const live = coalesce(run, 100);
		for (let i = 0; i < 20; i++) live.schedule();
		expect(run).toHaveBeenCalledTimes(1);
		await finish();
		// The burst's later calls wait out the delay since the first run began, then run once.
		await vi.advanceTimersByTimeAsync(99);
		expect(run).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(run).toHaveBeenCalledTimes(2);
		await finish();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('runs at most once per delay under a steady stream of calls', async () => {
		const startedAt: number[] = [];
		const live = coalesce(() => Promise.resolve(startedAt.push(Date.now())), 100);
		for (let ms = 0; ms < 1000; ms += 10) {
			live.schedule();
			await vi.advanceTimersByTimeAsync(10);
		}
		const gaps = startedAt.slice(1).map((at, index) => at - startedAt[index]!);
		expect(startedAt.length).toBeGreaterThanOrEqual(10);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
	});

	it('runs exactly once more for calls that arrive during a run', async () => {
		const { run, finish } = controlledRun();
		const live = coalesce(run, 100);
		live.schedule();
		expect(run).toHaveBeenCalledTimes(1);
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

	it('runs at once again once the delay has passed', async () => {
		const { run, finish } = controlledRun();
		const live = coalesce(run, 100);
		live.schedule();
		await finish();
		await vi.advanceTimersByTimeAsync(500);
		live.schedule();
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('does nothing after stop, even for a call already waiting', async () => {
		const { run, finish } = controlledRun();
		const live = coalesce(run, 100);
		live.schedule();
		await finish();
		live.schedule();
		live.stop();
		live.schedule();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).toHaveBeenCalledTimes(1);
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
