import { describe, expect, it } from 'vitest';
import { breakdownOf, choicesOf, outcomeTone, roundTopic, turnoutShare } from './voting';

describe('voting display helpers', () => {
	it('offers block only when the round allows it', () => {
		expect(choicesOf({ allow_block: false })).toEqual(['agree', 'reservations', 'disagree', 'abstain']);
		expect(choicesOf({ allow_block: true })).toContain('block');
	});

	it('tones outcomes by what they decided', () => {
		expect(outcomeTone('consensus')).toBe('success');
		expect(outcomeTone('adopted')).toBe('success');
		expect(outcomeTone('blocked')).toBe('warning');
		expect(outcomeTone('no_quorum')).toBe('neutral');
	});

	it('reads by_country defensively and computes a share without dividing by zero', () => {
		expect(breakdownOf(null)).toEqual([]);
		expect(breakdownOf([{ country: 'RO', eligible: 2, turnout: 1 }])).toHaveLength(1);
		expect(turnoutShare(0, 0)).toBe(0);
		expect(turnoutShare(1, 4)).toBe(0.25);
		expect(roundTopic('abc')).toBe('round:abc');
	});
});
