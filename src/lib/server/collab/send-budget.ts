// Memory held for clients that do not read: each socket's unsent bytes are capped in the
// connection itself; this caps their sum across the process, dropping the socket furthest
// behind first. Sockets holding little are not tracked, so the common case costs nothing.

export interface Sender {
	/** Bytes currently queued for this socket. */
	readonly buffered: number;
	dropAsSlow(): void;
}

const TRACK_FROM_BYTES = 64 * 1024;

export class SendBudget {
	private readonly limit: number;
	private readonly held = new Map<Sender, number>();
	private total = 0;

	constructor(limit: number) {
		this.limit = limit;
	}

	/** `sender` holds `bytes` unsent after a send. */
	note(sender: Sender, bytes: number): void {
		this.set(sender, bytes);
		if (this.total <= this.limit) return;
		// Figures are from each socket's last send; refresh them before choosing whom to drop.
		for (const tracked of [...this.held.keys()]) this.set(tracked, tracked.buffered);
		while (this.total > this.limit && this.held.size > 0) {
			let furthest: Sender | null = null;
			let most = -1;
			for (const [tracked, amount] of this.held) {
				if (amount > most) [furthest, most] = [tracked, amount];
			}
			this.forget(furthest!);
			furthest!.dropAsSlow();
		}
	}

	forget(sender: Sender): void {
		this.total -= this.held.get(sender) ?? 0;
		this.held.delete(sender);
	}

	get heldBytes(): number {
		return this.total;
	}

	private set(sender: Sender, bytes: number): void {
		this.forget(sender);
		if (bytes < TRACK_FROM_BYTES) return;
		this.held.set(sender, bytes);
		this.total += bytes;
	}
}
