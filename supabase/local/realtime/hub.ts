// The channels joined on this server, by topic, and the fan-out to them. Public and
// private channels of the same name are separate, as on Supabase.
import type { ChangeBinding } from './filters.ts';
import type { Identity } from './identity.ts';
import { PresenceRegistry } from './presence.ts';
import type { PresenceDiff } from './presence.ts';
import type { PhoenixMessage } from './protocol.ts';

/** Where a subscription's messages go: the socket that joined it. */
export interface Outlet {
	push(message: PhoenixMessage): void;
	pushBinaryBroadcast(topic: string, event: string, payload: Buffer): void;
}

export interface Subscription {
	readonly id: number;
	readonly outlet: Outlet;
	/** The Phoenix topic, e.g. `realtime:room-1`. */
	readonly topic: string;
	/** The topic without the `realtime:` prefix, as realtime.topic() and realtime.send() see it. */
	readonly subTopic: string;
	readonly key: string;
	readonly joinRef: string | null;
	readonly isPrivate: boolean;
	readonly broadcastSelf: boolean;
	readonly broadcastAck: boolean;
	readonly presenceKey: string;
	presenceEnabled: boolean;
	readonly changeBindings: ChangeBinding[];
	identity: Identity;
	/** Cached answers of the private-channel write checks, cleared when the token changes. */
	rights: { broadcastWrite?: boolean; presenceWrite?: boolean };
	expiryTimer: NodeJS.Timeout | undefined;
}

export interface BroadcastMessage {
	event: string;
	payload: unknown;
	meta?: Record<string, unknown>;
}

export function topicKey(isPrivate: boolean, topic: string): string {
	return `${isPrivate ? 'private' : 'public'}|${topic}`;
}

export class Hub {
	readonly presence = new PresenceRegistry();
	private readonly topics = new Map<string, Set<Subscription>>();

	add(subscription: Subscription): void {
		let members = this.topics.get(subscription.key);
		if (!members) this.topics.set(subscription.key, (members = new Set()));
		members.add(subscription);
	}

	/** Removes the subscription and tells the others it left their presence. */
	remove(subscription: Subscription): void {
		clearTimeout(subscription.expiryTimer);
		const members = this.topics.get(subscription.key);
		if (!members?.delete(subscription)) return;
		if (members.size === 0) this.topics.delete(subscription.key);
		const diff = this.presence.untrack(subscription.key, subscription.id);
		if (diff) this.pushPresenceDiff(subscription.key, diff);
	}

	subscribers(key: string): Iterable<Subscription> {
		return this.topics.get(key) ?? [];
	}

	*all(): Iterable<Subscription> {
		for (const members of this.topics.values()) yield* members;
	}

	broadcast(key: string, message: BroadcastMessage, except?: Subscription): void {
		for (const subscription of this.subscribers(key)) {
			if (subscription === except) continue;
			if (Buffer.isBuffer(message.payload)) {
				subscription.outlet.pushBinaryBroadcast(subscription.topic, message.event, message.payload);
				continue;
			}
			const payload: Record<string, unknown> = { type: 'broadcast', event: message.event, payload: message.payload };
			if (message.meta) payload.meta = message.meta;
			subscription.outlet.push({
				joinRef: subscription.joinRef,
				ref: null,
				topic: subscription.topic,
				event: 'broadcast',
				payload
			});
		}
	}

	pushPresenceDiff(key: string, diff: PresenceDiff): void {
		for (const subscription of this.subscribers(key)) {
			subscription.outlet.push({
				joinRef: subscription.joinRef,
				ref: null,
				topic: subscription.topic,
				event: 'presence_diff',
				payload: { ...diff }
			});
		}
	}
}
