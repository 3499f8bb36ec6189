// Words and shapes of voting that the ballot, the tally and the projector share. No rule
// of the tally lives here: outcomes come from round_tally as computed by the database.

export const CHOICES = ['agree', 'reservations', 'disagree', 'abstain', 'block'] as const;
export type Choice = (typeof CHOICES)[number];

/** The choices a round offers: block only when the round allows it. */
export function choicesOf(round: { allow_block: boolean }): Choice[] {
	return CHOICES.filter((choice) => choice !== 'block' || round.allow_block);
}

export const OUTCOMES = [
	'no_quorum',
	'blocked',
	'consensus',
	'consensus_with_reservations',
	'adopted',
	'not_adopted'
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How an outcome looks: decided for, decided against, or not decided. */
export function outcomeTone(outcome: string): 'success' | 'warning' | 'neutral' {
	if (outcome === 'consensus' || outcome === 'consensus_with_reservations' || outcome === 'adopted') return 'success';
	if (outcome === 'blocked' || outcome === 'not_adopted') return 'warning';
	return 'neutral';
}

export interface CountryBreakdown {
	country: string | null;
	eligible: number;
	turnout: number;
	agree?: number;
	reservations?: number;
	disagree?: number;
	abstain?: number;
	block?: number;
}

/** by_country as round_tally / round_turnout return it (jsonb). */
export function breakdownOf(value: unknown): CountryBreakdown[] {
	return Array.isArray(value) ? (value as CountryBreakdown[]) : [];
}

/** Turnout as a share of eligible units, 0 when nobody is eligible (for a bar, not a rule). */
export function turnoutShare(turnout: number, eligible: number): number {
	return eligible > 0 ? turnout / eligible : 0;
}

/** The broadcast topic the database sends a round's changes on (see 20261128130100). */
export function roundTopic(roundId: string): string {
	return `round:${roundId}`;
}

// Message keys by value, written out so the message-usage test sees each of them.
export const CHOICE_KEYS: Record<Choice, string> = {
	agree: 'voting.choice.agree',
	reservations: 'voting.choice.reservations',
	disagree: 'voting.choice.disagree',
	abstain: 'voting.choice.abstain',
	block: 'voting.choice.block'
};

export const OUTCOME_KEYS: Record<Outcome, string> = {
	no_quorum: 'voting.outcome.no_quorum',
	blocked: 'voting.outcome.blocked',
	consensus: 'voting.outcome.consensus',
	consensus_with_reservations: 'voting.outcome.consensus_with_reservations',
	adopted: 'voting.outcome.adopted',
	not_adopted: 'voting.outcome.not_adopted'
};

export const STATUS_KEYS = {
	draft: 'voting.status.draft',
	open: 'voting.status.open',
	closed: 'voting.status.closed'
} as const;

export const MODE_KEYS = {
	per_delegate: 'voting.mode.per_delegate',
	per_delegation: 'voting.mode.per_delegation'
} as const;

export function choiceKey(choice: string): string {
	return CHOICE_KEYS[choice as Choice] ?? 'voting.choice.unknown';
}

export function outcomeKey(outcome: string): string {
	return OUTCOME_KEYS[outcome as Outcome] ?? 'voting.outcome.unknown';
}
