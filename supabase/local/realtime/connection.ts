// One Realtime WebSocket: the Phoenix channel protocol as Supabase Realtime answers it.
// Frames are handled one at a time in arrival order (a join finishes before the
// broadcast sent right after it); a frame that breaks the protocol closes this socket
// only.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { StackContext } from '../context.ts';
import { channelRights } from './authorization.ts';
import type { ChannelExtension } from './authorization.ts';
import { isDatabaseError } from '../rest/errors.ts';
import { checkFilter } from './filter-sql.ts';
import { BindingError, parseBinding } from './filters.ts';
import type { ChangeBinding } from './filters.ts';
import { topicKey } from './hub.ts';
import type { Hub, Outlet, Subscription } from './hub.ts';
import { identityFromToken, TokenError } from './identity.ts';
import type { Identity } from './identity.ts';
import { decodeFrame, encodeBinaryBroadcast, encodeFrame, FrameError, isObject } from './protocol.ts';
import type { PhoenixMessage, Vsn } from './protocol.ts';

/** Close code for a frame that breaks the protocol (RFC 6455: invalid payload data). */
export const CLOSE_MALFORMED = 1007;
/** Close code for a socket that breaks a limit (RFC 6455: policy violation). */
export const CLOSE_POLICY = 1008;
/**
 * Frames one socket may send: each is queued and may cost a database query, so a client
 * past this is closed rather than allowed to stall the others (realtime-js reconnects).
 */
export const MESSAGES_PER_SECOND = 100;
export const MESSAGE_BURST = 200;
/** postgres_changes bindings in one join: each filter is checked with a query. */
export const MAX_BINDINGS_PER_CHANNEL = 100;
/** Unsent bytes a socket may hold before it counts as too slow and is dropped. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** Supabase Realtime's default limit of channels one socket may join. */
export const MAX_CHANNELS_PER_SOCKET = 100;
// setTimeout cannot wait longer than this; tokens valid for longer need no timer yet.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ConnectionDeps {
	ctx: StackContext;
	hub: Hub;
	nextId(): number;
}

export class Connection implements Outlet {
	private readonly ws: WebSocket;
	private readonly vsn: Vsn;
	private readonly apiIdentity: Identity;
	private readonly deps: ConnectionDeps;
	private readonly subscriptions = new Map<string, Subscription>();
	private queue: Promise<void> = Promise.resolve();
	private readonly rate = new TokenBucket(MESSAGES_PER_SECOND, MESSAGE_BURST);
	private closed = false;
	lastSeen = Date.now();

	constructor(ws: WebSocket, vsn: Vsn, apiIdentity: Identity, deps: ConnectionDeps) {
		this.ws = ws;
		this.vsn = vsn;
		this.apiIdentity = apiIdentity;
		this.deps = deps;
		ws.on('message', (data, isBinary) => this.receive(toBuffer(data), isBinary));
		ws.on('close', () => this.dispose());
		ws.on('error', () => this.dispose());
	}

	push(message: PhoenixMessage): void {
		if (this.writable()) this.ws.send(encodeFrame(message, this.vsn));
	}

	pushBinaryBroadcast(topic: string, event: string, payload: Buffer): void {
		if (!this.writable()) return;
		if (this.vsn === '2.0.0') {
			this.ws.send(encodeBinaryBroadcast(topic, event, payload));
			return;
		}
		// vsn 1.0.0 has no binary frames; the bytes travel base64-encoded.
		const subscription = this.subscriptions.get(topic);
		this.push({
			joinRef: subscription?.joinRef ?? null,
			ref: null,
			topic,
			event: 'broadcast',
			payload: { type: 'broadcast', event, payload: payload.toString('base64') }
		});
	}

	/** Ends the socket (idle timeout, protocol error) with a close code. */
	terminate(code: number, reason: string): void {
		this.dispose();
		this.ws.close(code, reason);
	}

	/**
	 * Closes for a server shutdown: a close frame first, then, if the peer does not answer
	 * within `graceMs` (a dead venue Wi-Fi link), the socket is dropped.
	 */
	shutdown(code: number, reason: string, graceMs: number): Promise<void> {
		this.dispose();
		if (this.ws.readyState === this.ws.CLOSED) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => this.ws.terminate(), graceMs);
			this.ws.once('close', () => {
				clearTimeout(timer);
				resolve();
			});
			this.ws.close(code, reason);
		});
	}

	private receive(data: Buffer, isBinary: boolean): void {
		if (this.closed) return;
		this.lastSeen = Date.now();
		if (!this.rate.take(this.lastSeen)) {
			this.deps.ctx.log('[realtime] closing a socket that sends more messages than allowed');
			this.terminate(CLOSE_POLICY, 'ClientRateLimited: too many messages');
			return;
		}
		let message: PhoenixMessage;
		try {
			message = decodeFrame(data, isBinary, this.vsn);
		} catch (error) {
			const reason = error instanceof FrameError ? error.message : 'malformed frame';
			this.deps.ctx.log(`[realtime] closing socket: ${reason}`);
			this.terminate(CLOSE_MALFORMED, reason.slice(0, 120));
			return;
		}
		this.queue = this.queue
			.then(() => this.handle(message))
			.catch((error: unknown) => {
				this.deps.ctx.log(`[realtime] ${message.event} on ${message.topic} failed: ${describe(error)}`);
				this.reply(message, 'error', { reason: 'Internal server error' });
			});
	}

	/**
	 * Whether a frame may be queued. A client on a link too slow to take what it is sent
	 * (venue Wi-Fi) would make the server buffer without bound; it is dropped instead and
	 * realtime-js reconnects and rejoins.
	 */
	private writable(): boolean {
		if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
		if (this.ws.bufferedAmount <= MAX_BUFFERED_BYTES) return true;
		this.deps.ctx.log('[realtime] dropping a socket that does not keep up with its messages');
		this.dispose();
		this.ws.terminate();
		return false;
	}

	private async handle(message: PhoenixMessage): Promise<void> {
		if (this.closed) return;
		if (message.topic === 'phoenix') {
			if (message.event === 'heartbeat') this.reply(message, 'ok', {});
			else this.reply(message, 'error', { reason: 'unmatched topic' });
			return;
		}
		if (message.event === 'phx_join') {
			await this.join(message);
			return;
		}
		const subscription = this.subscriptions.get(message.topic);
		if (!subscription) {
			this.reply(message, 'error', { reason: 'unmatched topic' });
			return;
		}
		switch (message.event) {
			case 'phx_leave':
				this.reply(message, 'ok', {});
				this.leave(subscription);
				this.push({
					joinRef: subscription.joinRef,
					ref: null,
					topic: subscription.topic,
					event: 'phx_close',
					payload: {}
				});
				return;
			case 'broadcast':
				await this.broadcast(subscription, message);
				return;
			case 'presence':
				await this.presence(subscription, message);
				return;
			case 'access_token':
				await this.refreshToken(subscription, message);
				return;
			default:
				this.reply(message, 'error', { reason: `unknown event ${message.event}` });
		}
	}

	private async join(message: PhoenixMessage): Promise<void> {
		const previous = this.subscriptions.get(message.topic);
		if (previous) this.leave(previous);
		if (this.subscriptions.size >= MAX_CHANNELS_PER_SOCKET) {
			this.reply(message, 'error', { reason: 'ChannelRateLimitReached: Too many channels' });
			return;
		}
		const config = isObject(message.payload.config) ? message.payload.config : {};
		const broadcast = isObject(config.broadcast) ? config.broadcast : {};
		const presence = isObject(config.presence) ? config.presence : {};
		const isPrivate = config.private === true;
		const subTopic = message.topic.replace(/^realtime:/, '');

		let identity = this.apiIdentity;
		const token = message.payload.access_token;
		if (typeof token === 'string' && token !== '') {
			try {
				identity = await identityFromToken(token, this.deps.ctx.jwtSecret);
			} catch (error) {
				if (!(error instanceof TokenError)) throw error;
				this.reply(message, 'error', { reason: `InvalidJWTToken: ${error.message}` });
				return;
			}
		}

		let changeBindings: ChangeBinding[];
		try {
			const requested = Array.isArray(config.postgres_changes) ? (config.postgres_changes as unknown[]) : [];
			if (requested.length > MAX_BINDINGS_PER_CHANNEL) {
				throw new BindingError(`at most ${MAX_BINDINGS_PER_CHANNEL} bindings per channel`);
			}
			changeBindings = requested.map((raw) => parseBinding(raw, this.deps.nextId()));
		} catch (error) {
			if (!(error instanceof BindingError)) throw error;
			this.reply(message, 'error', { reason: `Invalid postgres_changes: ${error.message}` });
			return;
		}

		const refused = await this.checkFilters(identity, changeBindings);
		if (refused) {
			this.reply(message, 'error', { reason: `Invalid postgres_changes: ${refused}` });
			return;
		}

		if (isPrivate && !(await channelRights(this.deps.ctx.db, identity, subTopic, 'broadcast')).read) {
			this.reply(message, 'error', { reason: unauthorized(subTopic) });
			return;
		}
		if (this.closed) return;

		const subscription: Subscription = {
			id: this.deps.nextId(),
			outlet: this,
			topic: message.topic,
			subTopic,
			key: topicKey(isPrivate, message.topic),
			joinRef: message.joinRef ?? message.ref,
			isPrivate,
			broadcastSelf: broadcast.self === true,
			broadcastAck: broadcast.ack === true,
			presenceKey: typeof presence.key === 'string' && presence.key !== '' ? presence.key : randomUUID(),
			presenceEnabled: presence.enabled === true,
			changeBindings,
			identity,
			rights: {},
			expiryTimer: undefined
		};
		this.subscriptions.set(message.topic, subscription);
		this.deps.hub.add(subscription);
		this.scheduleExpiry(subscription);

		this.reply(message, 'ok', {
			postgres_changes: changeBindings.map((binding) => ({ ...binding.echo, id: binding.id }))
		});
		if (changeBindings.length > 0) {
			this.system(subscription, 'postgres_changes', 'ok', 'Subscribed to PostgreSQL');
		}
		if (subscription.presenceEnabled) this.pushPresenceState(subscription);
	}

	/** Why a binding's filter cannot be evaluated (checked in SQL as Supabase checks it), or undefined. */
	private async checkFilters(identity: Identity, bindings: ChangeBinding[]): Promise<string | undefined> {
		for (const binding of bindings) {
			if (!binding.filter) continue;
			if (!binding.table || binding.table === '*') return 'a filter needs a table';
			try {
				await checkFilter(this.deps.ctx.db, identity, binding.schema, binding.table, binding.filter);
			} catch (error) {
				if (!isDatabaseError(error)) throw error;
				return error.message;
			}
		}
		return undefined;
	}

	private leave(subscription: Subscription): void {
		this.subscriptions.delete(subscription.topic);
		this.deps.hub.remove(subscription);
	}

	private async broadcast(subscription: Subscription, message: PhoenixMessage): Promise<void> {
		const { event, payload } = message.payload;
		if (typeof event !== 'string') {
			this.reply(message, 'error', { reason: 'broadcast needs an event name' });
			return;
		}
		if (subscription.isPrivate) {
			subscription.rights.broadcastWrite ??= await this.canWrite(subscription, 'broadcast');
			if (!subscription.rights.broadcastWrite) {
				if (subscription.broadcastAck) {
					this.reply(message, 'error', { reason: unauthorizedWrite(subscription.subTopic) });
				}
				return;
			}
		}
		this.deps.hub.broadcast(
			subscription.key,
			{ event, payload },
			subscription.broadcastSelf ? undefined : subscription
		);
		if (subscription.broadcastAck) this.reply(message, 'ok', {});
	}

	private async presence(subscription: Subscription, message: PhoenixMessage): Promise<void> {
		const { event, payload } = message.payload;
		if (event !== 'track' && event !== 'untrack') {
			this.reply(message, 'error', { reason: 'presence events are track and untrack' });
			return;
		}
		if (subscription.isPrivate) {
			subscription.rights.presenceWrite ??= await this.canWrite(subscription, 'presence');
			if (!subscription.rights.presenceWrite) {
				this.reply(message, 'error', { reason: unauthorizedWrite(subscription.subTopic) });
				return;
			}
		}
		if (!subscription.presenceEnabled) {
			subscription.presenceEnabled = true;
			this.pushPresenceState(subscription);
		}
		const { hub } = this.deps;
		const diff =
			event === 'track'
				? hub.presence.track(
						subscription.key,
						subscription.id,
						subscription.presenceKey,
						isObject(payload) ? payload : {}
					)
				: hub.presence.untrack(subscription.key, subscription.id);
		this.reply(message, 'ok', {});
		if (diff) hub.pushPresenceDiff(subscription.key, diff);
	}

	private async refreshToken(subscription: Subscription, message: PhoenixMessage): Promise<void> {
		const token = message.payload.access_token;
		if (typeof token !== 'string' || token === '') return;
		let identity: Identity;
		try {
			identity = await identityFromToken(token, this.deps.ctx.jwtSecret);
		} catch (error) {
			if (!(error instanceof TokenError)) throw error;
			this.closeChannel(subscription, error.message);
			return;
		}
		subscription.identity = identity;
		subscription.rights = {};
		this.scheduleExpiry(subscription);
		if (
			subscription.isPrivate &&
			!(await channelRights(this.deps.ctx.db, identity, subscription.subTopic, 'broadcast')).read
		) {
			this.closeChannel(subscription, unauthorized(subscription.subTopic));
		}
	}

	/** Ends one channel the way Supabase does: a system error, then phx_close. */
	private closeChannel(subscription: Subscription, reason: string): void {
		if (this.subscriptions.get(subscription.topic) !== subscription) return;
		this.system(subscription, 'system', 'error', reason);
		this.leave(subscription);
		this.push({ joinRef: subscription.joinRef, ref: null, topic: subscription.topic, event: 'phx_close', payload: {} });
	}

	private scheduleExpiry(subscription: Subscription): void {
		clearTimeout(subscription.expiryTimer);
		subscription.expiryTimer = undefined;
		const expiresAt = subscription.identity.expiresAt;
		if (expiresAt === undefined) return;
		const delay = expiresAt * 1000 - Date.now();
		if (delay > MAX_TIMER_MS) return;
		subscription.expiryTimer = setTimeout(
			() => this.closeChannel(subscription, 'Token has expired 0 seconds ago'),
			Math.max(0, delay)
		);
		subscription.expiryTimer.unref();
	}

	private async canWrite(subscription: Subscription, extension: ChannelExtension): Promise<boolean> {
		return (await channelRights(this.deps.ctx.db, subscription.identity, subscription.subTopic, extension)).write;
	}

	private pushPresenceState(subscription: Subscription): void {
		this.push({
			joinRef: subscription.joinRef,
			ref: null,
			topic: subscription.topic,
			event: 'presence_state',
			payload: this.deps.hub.presence.state(subscription.key)
		});
	}

	private system(subscription: Subscription, extension: string, status: 'ok' | 'error', text: string): void {
		this.push({
			joinRef: subscription.joinRef,
			ref: null,
			topic: subscription.topic,
			event: 'system',
			payload: { extension, status, message: text, channel: subscription.subTopic }
		});
	}

	private reply(message: PhoenixMessage, status: 'ok' | 'error', response: Record<string, unknown>): void {
		this.push({
			joinRef: message.joinRef,
			ref: message.ref,
			topic: message.topic,
			event: 'phx_reply',
			payload: { status, response }
		});
	}

	private dispose(): void {
		if (this.closed) return;
		this.closed = true;
		for (const subscription of this.subscriptions.values()) this.deps.hub.remove(subscription);
		this.subscriptions.clear();
	}
}

/** Allows `perSecond` on average and `burst` at once. */
class TokenBucket {
	private tokens: number;
	private updated = Date.now();
	private readonly perSecond: number;
	private readonly burst: number;
	constructor(perSecond: number, burst: number) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.tokens = burst;
	}
	take(now: number): boolean {
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
		this.updated = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

function unauthorized(topic: string): string {
	return `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;
}

function unauthorizedWrite(topic: string): string {
	return `Unauthorized: You do not have permissions to write to this Channel topic: ${topic}`;
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
	if (Buffer.isBuffer(data)) return data;
	if (Array.isArray(data)) return Buffer.concat(data);
	return Buffer.from(data);
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
