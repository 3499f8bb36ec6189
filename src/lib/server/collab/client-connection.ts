// One client socket on the server: its verified identity, its current access, its rate
// allowance, its share of the memory budget, and the translation of its frames into room
// operations checked by the document's policy. (The browser side is CollabConnection in
// src/lib/collab.)
import type { WebSocket } from 'ws';
import type { CollabAccess } from '../../collab/protocol.ts';
import { CLOSE_CODES, READ_ONLY_REASON } from '../../collab/protocol.ts';
import type { CollabClaims } from './auth.ts';
import type { CollabLimits } from './limits.ts';
import { TokenBucket } from './limits.ts';
import { encodePermission, encodeSyncStep1, encodeSyncStep2, MalformedMessage, parseMessage } from './messages.ts';
import type { DocumentPolicy, Identity } from './policies/policy.ts';
import type { Room, RoomMember } from './room.ts';

// How long a closing socket may take to finish the close handshake.
const CLOSE_GRACE_MS = 5_000;

export interface ConnectionHooks {
	limits: CollabLimits;
	log: (message: string) => void;
	onClose: (connection: ClientConnection, code: number) => void;
	countMessage: (bytes: number) => void;
	/** An update the document's policy refused. */
	countRefused: () => void;
	/** What this socket holds unsent after a send; the process-wide budget may drop someone. */
	onBuffered: (connection: ClientConnection, bytes: number) => void;
	/** Numbers connections for log lines (never the token or the user's name). */
	nextId: () => number;
}

/** What admission found out, handed over when the connection joins its room. */
export interface Admitted {
	room: Room;
	policy: DocumentPolicy;
	claims: CollabClaims;
	identity: Identity;
	access: 'write' | 'read';
}

export class ClientConnection implements RoomMember {
	readonly id: number;
	readonly socket: WebSocket;
	readonly doc: string;
	claims: CollabClaims | null = null;
	identity: Identity | null = null;
	access: CollabAccess = 'none';
	room: Room | null = null;
	closed = false;
	closeCode: number | null = null;
	private policy: DocumentPolicy | null = null;
	/** The largest document copy this client asked for; reading it takes a while on a slow link. */
	private syncReplyBytes = 0;

	private readonly hooks: ConnectionHooks;
	private readonly messageBucket: TokenBucket;
	private readonly byteBucket: TokenBucket;
	private early: Uint8Array[] = [];
	private expiryTimer: NodeJS.Timeout | null = null;

	constructor(socket: WebSocket, doc: string, hooks: ConnectionHooks) {
		this.socket = socket;
		this.doc = doc;
		this.hooks = hooks;
		this.id = hooks.nextId();
		this.messageBucket = new TokenBucket(hooks.limits.messagesPerSecond, hooks.limits.messageBurst);
		this.byteBucket = new TokenBucket(hooks.limits.bytesPerSecond, hooks.limits.byteBurst);
		socket.binaryType = 'arraybuffer';
		socket.on('message', (data: ArrayBuffer | Buffer | Buffer[], isBinary: boolean) => this.onFrame(data, isBinary));
		socket.on('close', () => this.onSocketClosed());
		socket.on('error', (error) => {
			// ws closes with 1009 on an oversized frame and reports it here.
			this.hooks.log(`collab: connection ${this.id} on ${this.doc}: ${error.message}`);
		});
	}

	get userId(): string | undefined {
		return this.claims?.sub;
	}

	/** Joined: greet the client with our state vector, current awareness and its access. */
	attach({ room, policy, claims, identity, access }: Admitted): void {
		this.room = room;
		this.policy = policy;
		this.claims = claims;
		this.identity = identity;
		this.access = access;
		room.join(this);
		this.send(encodeSyncStep1(room.doc));
		const awareness = room.allAwareness();
		if (awareness) this.send(awareness);
		this.send(encodePermission(access, access === 'read' ? READ_ONLY_REASON : 'write'));
		this.armExpiry(claims.exp);
		const early = this.early;
		this.early = [];
		for (const frame of early) {
			if (this.closed) break;
			this.handle(frame);
		}
	}

	/** Access changed while connected. */
	setAccess(access: CollabAccess): void {
		if (this.closed || access === this.access) return;
		if (access === 'none') {
			this.close(CLOSE_CODES.FORBIDDEN, 'access withdrawn');
			return;
		}
		this.access = access;
		this.send(encodePermission(access, access === 'read' ? READ_ONLY_REASON : 'write'));
		// Edits made while read-only were dropped, so later ones from the same client would
		// wait forever for them; asking for the client's state brings them in, as a
		// reconnect would.
		if (access === 'write' && this.room) this.send(encodeSyncStep1(this.room.doc));
	}

	send(frame: Uint8Array): void {
		if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
		// A client that stops reading while others type would make the server buffer without
		// bound; past the cap it is dropped, and its provider reconnects and resyncs.
		if (this.buffered > this.hooks.limits.maxBufferedBytes) {
			this.dropAsSlow();
			return;
		}
		this.socket.send(frame);
		this.hooks.onBuffered(this, this.buffered);
	}

	/** A document copy the client asked for: it may hold this much on top of the cap while it reads it. */
	private sendSyncReply(frame: Uint8Array): void {
		this.syncReplyBytes = Math.max(this.syncReplyBytes, frame.length);
		this.send(frame);
	}

	dropAsSlow(): void {
		this.close(CLOSE_CODES.TOO_SLOW, 'client too slow; reconnect to resync');
	}

	/** Bytes queued beyond the document copy the client asked for: how far behind it is. */
	get buffered(): number {
		return Math.max(0, this.socket.bufferedAmount - this.syncReplyBytes);
	}

	fail(): void {
		this.close(CLOSE_CODES.STORAGE_UNAVAILABLE, 'could not store changes; reconnect to resend');
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		this.closeCode = code;
		this.detach();
		if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
			this.socket.close(code, reason);
			const socket = this.socket;
			// A slow consumer will not read its close frame either: free its buffers now.
			if (code === CLOSE_CODES.TOO_SLOW) socket.terminate();
			else setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
		}
		this.hooks.onClose(this, code);
	}

	private armExpiry(exp: number | undefined): void {
		if (exp === undefined) return;
		// setTimeout overflows past ~24.8 days; such a token is re-checked by then anyway.
		const delay = Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1);
		this.expiryTimer = setTimeout(() => this.close(CLOSE_CODES.UNAUTHENTICATED, 'token expired'), Math.max(0, delay));
		this.expiryTimer.unref();
	}

	private onFrame(data: ArrayBuffer | Buffer | Buffer[], isBinary: boolean): void {
		if (this.closed) return;
		const frame = toBytes(data);
		this.hooks.countMessage(frame.length);
		if (!this.messageBucket.take(1) || !this.byteBucket.take(frame.length)) {
			this.close(CLOSE_CODES.RATE_LIMITED, 'too many messages; slow down');
			return;
		}
		if (!isBinary) {
			this.reject('text frames are not part of the protocol');
			return;
		}
		if (!this.room) {
			if (this.early.length >= this.hooks.limits.maxPendingBeforeAuth) {
				this.close(CLOSE_CODES.RATE_LIMITED, 'too many messages before authentication');
				return;
			}
			this.early.push(frame);
			return;
		}
		this.handle(frame);
	}

	private handle(frame: Uint8Array): void {
		const room = this.room;
		if (!room) return;
		let message;
		try {
			message = parseMessage(frame);
		} catch (error) {
			this.reject(error instanceof MalformedMessage ? error.message : 'unreadable frame');
			return;
		}
		switch (message.kind) {
			case 'sync-step-1':
				this.sendSyncReply(encodeSyncStep2(room.doc, message.stateVector));
				return;
			case 'update': {
				// A fresh client's sync reply carries nothing; a row for it would be noise.
				if (isEmptyUpdate(message.update)) return;
				// Read-only clients are told once, on join and on downgrade; refused edits are dropped.
				const verdict = this.policy!.validateUpdate(
					{ facts: room.facts, access: this.access, identity: this.identity! },
					message.update
				);
				if (!verdict.ok) {
					this.hooks.countRefused();
					return;
				}
				if (room.wouldExceed(message.update.length, this.hooks.limits.maxDocumentBytes)) {
					this.close(CLOSE_CODES.DOCUMENT_TOO_LARGE, 'document size limit reached');
					return;
				}
				room.submit(message.update);
				return;
			}
			case 'awareness': {
				// Anonymous readers are not "here" for others; everyone else shows as the server says.
				const identity = this.identity!;
				if (identity.userId === null && identity.role !== 'service_role') return;
				const policy = this.policy!;
				try {
					room.applyAwareness(this, message.update, (state) => policy.awareness(identity, state));
				} catch {
					this.reject('unreadable awareness update');
				}
				return;
			}
			case 'query-awareness': {
				const awareness = room.allAwareness();
				if (awareness) this.send(awareness);
				return;
			}
		}
	}

	private reject(reason: string): void {
		// Logged once: the connection is closed right after, so it cannot repeat.
		this.hooks.log(
			`collab: closing connection ${this.id} on ${this.doc} (user ${this.userId ?? 'unknown'}): ${reason}`
		);
		this.close(CLOSE_CODES.MALFORMED, truncateReason(`malformed message: ${reason}`));
	}

	private detach(): void {
		if (this.expiryTimer) clearTimeout(this.expiryTimer);
		this.expiryTimer = null;
		this.early = [];
		this.room?.leave(this);
	}

	private onSocketClosed(): void {
		if (this.closed) return;
		this.closed = true;
		this.closeCode = CLOSE_CODES.GOING_AWAY;
		this.detach();
		this.hooks.onClose(this, CLOSE_CODES.GOING_AWAY);
	}
}

function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

function toBytes(data: ArrayBuffer | Buffer | Buffer[]): Uint8Array {
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	// Copy: a Buffer may be a view into a larger pooled allocation that declared lengths could reach.
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	return new Uint8Array(data);
}

/** Close reasons are limited to 123 bytes by RFC 6455. */
export function truncateReason(reason: string): string {
	const bytes = Buffer.from(reason);
	if (bytes.length <= 123) return reason;
	return (
		bytes
			.subarray(0, 120)
			.toString('utf8')
			.replace(/\uFFFD$/, '') + '...'
	);
}
