// Presence per topic, in the shape Phoenix Presence sends: state and diffs are maps
// from presence key to {metas: [...]}, each meta carrying a unique phx_ref.
import { randomUUID } from 'node:crypto';

export type PresenceMeta = Record<string, unknown> & { phx_ref: string };

export type PresenceMap = Record<string, { metas: PresenceMeta[] }>;

export interface PresenceDiff {
	joins: PresenceMap;
	leaves: PresenceMap;
}

interface Tracked {
	key: string;
	meta: PresenceMeta;
}

export class PresenceRegistry {
	/** topic key → subscription id → what that subscription tracks. */
	private readonly topics = new Map<string, Map<number, Tracked>>();

	state(topicKey: string): PresenceMap {
		const state: PresenceMap = {};
		for (const { key, meta } of this.topics.get(topicKey)?.values() ?? []) {
			(state[key] ??= { metas: [] }).metas.push(meta);
		}
		return state;
	}

	/** Tracks (or replaces) what a subscription announces; returns the diff to fan out. */
	track(topicKey: string, subscriptionId: number, key: string, payload: Record<string, unknown>): PresenceDiff {
		let tracked = this.topics.get(topicKey);
		if (!tracked) this.topics.set(topicKey, (tracked = new Map()));
		const previous = tracked.get(subscriptionId);
		const meta: PresenceMeta = { ...payload, phx_ref: randomUUID() };
		if (previous) meta.phx_ref_prev = previous.meta.phx_ref;
		tracked.set(subscriptionId, { key, meta });
		return {
			joins: { [key]: { metas: [meta] } },
			leaves: previous ? { [previous.key]: { metas: [previous.meta] } } : {}
		};
	}

	/** Removes what a subscription tracked; undefined when it tracked nothing. */
	untrack(topicKey: string, subscriptionId: number): PresenceDiff | undefined {
		const tracked = this.topics.get(topicKey);
		const previous = tracked?.get(subscriptionId);
		if (!tracked || !previous) return undefined;
		tracked.delete(subscriptionId);
		if (tracked.size === 0) this.topics.delete(topicKey);
		return { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } };
	}
}
