// Limits that keep one misbehaving client from hurting everyone else in a room.

export interface CollabLimits {
	/** Largest WebSocket frame accepted; bigger frames close the socket with 1009. */
	maxMessageBytes: number;
	/** Largest document (bytes of its encoded state, approximated between compactions). */
	maxDocumentBytes: number;
	/** Sustained messages per second per connection, with a burst allowance. */
	messagesPerSecond: number;
	messageBurst: number;
	/** Sustained bytes per second per connection, with a burst allowance. */
	bytesPerSecond: number;
	byteBurst: number;
	/** Frames buffered per connection while its token and access are being checked. */
	maxPendingBeforeAuth: number;
	/** Bytes the server may hold unsent for one socket, beyond the document copy it asked for, before dropping it as too slow. */
	maxBufferedBytes: number;
	/** Bytes held unsent across all sockets; past it the most-behind socket is dropped. */
	maxBufferedBytesTotal: number;
	/** Open connections per user (all documents, all tabs). */
	maxConnectionsPerUser: number;
	/** Open connections per process. */
	maxConnections: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
	maxMessageBytes: 1024 * 1024,
	maxDocumentBytes: 16 * 1024 * 1024,
	// A fast typist with live cursors sends ~20 frames/s; paste and reconnect bursts more.
	messagesPerSecond: 60,
	messageBurst: 300,
	bytesPerSecond: 512 * 1024,
	byteBurst: 4 * 1024 * 1024,
	maxPendingBeforeAuth: 64,
	// A reader on a slow link may hold the document copy it asked for (up to
	// maxDocumentBytes) plus this; 60 sockets that never read hold at most 60 × (4 + 8) MB
	// for a 4 MB document, and the process-wide cap stops well before that.
	maxBufferedBytes: 8 * 1024 * 1024,
	maxBufferedBytesTotal: 256 * 1024 * 1024,
	maxConnectionsPerUser: 24,
	maxConnections: 5_000
};

/** Token bucket: `take` is false once the connection has outrun its allowance. */
export class TokenBucket {
	private tokens: number;
	private updatedAt: number;
	private readonly ratePerSecond: number;
	private readonly capacity: number;

	constructor(ratePerSecond: number, capacity: number, now = Date.now()) {
		this.ratePerSecond = ratePerSecond;
		this.capacity = capacity;
		this.tokens = capacity;
		this.updatedAt = now;
	}

	take(amount: number, now = Date.now()): boolean {
		const elapsed = Math.max(0, now - this.updatedAt) / 1000;
		this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerSecond);
		this.updatedAt = now;
		if (this.tokens < amount) return false;
		this.tokens -= amount;
		return true;
	}
}
