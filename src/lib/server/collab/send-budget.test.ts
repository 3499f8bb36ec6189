import { describe, expect, it } from 'vitest';
import { SendBudget } from './send-budget.ts';

class FakeSender {
	buffered: number;
	dropped = false;
	constructor(buffered: number) {
		this.buffered = buffered;
	}
	dropAsSlow(): void {
		this.dropped = true;
	}
}

describe('SendBudget', () => {
	it('ignores senders holding little', () => {
		const budget = new SendBudget(100_000);
		const sender = new FakeSender(1_000);
		budget.note(sender, sender.buffered);
		expect(budget.heldBytes).toBe(0);
	});

	it('drops the sender furthest behind once the sum passes the limit', () => {
		const budget = new SendBudget(300_000);
		const a = new FakeSender(200_000);
		const b = new FakeSender(90_000);
		budget.note(a, a.buffered);
		budget.note(b, b.buffered);
		expect(a.dropped || b.dropped).toBe(false);
		const c = new FakeSender(100_000);
		budget.note(c, c.buffered);
		expect([a.dropped, b.dropped, c.dropped]).toEqual([true, false, false]);
		expect(budget.heldBytes).toBe(190_000);
	});

	it('uses fresh figures before dropping: a sender that caught up is not punished', () => {
		const budget = new SendBudget(300_000);
		const caughtUp = new FakeSender(250_000);
		budget.note(caughtUp, caughtUp.buffered);
		caughtUp.buffered = 0;
		const behind = new FakeSender(200_000);
		budget.note(behind, behind.buffered);
		expect(caughtUp.dropped).toBe(false);
		expect(behind.dropped).toBe(false);
		expect(budget.heldBytes).toBe(200_000);
	});
});
