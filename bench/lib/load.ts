// Benchmark clients: bare sockets speaking the y-websocket protocol by hand, so 500 of
// them fit in one process beside the measurement. Writers are real Y.Docs; everyone
// decodes each update's metadata to learn which writer keystrokes it carries.
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const EMPTY_UPDATE = Uint8Array.of(0, 0);
const EMPTY_STATE_VECTOR = Uint8Array.of(0);

/** Send times per writer client id, indexed by the writer's clock after the keystroke. */
export type SendTimes = Map<number, Float64Array>;

export interface Tally {
	latencies: number[];
	/** Per writer client id: keystrokes up to this clock were typed before recording began. */
	countFrom: Map<number, number>;
	delivered: number;
	awarenessFrames: number;
	recording: boolean;
}

function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, subType);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, 1);
	encoding.writeVarUint(inner, clientId);
	encoding.writeVarUint(inner, clock);
	encoding.writeVarString(inner, JSON.stringify(state));
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
	return encoding.toUint8Array(encoder);
}

/** Origin of updates a client received: its writer does not send them back. */
const RECEIVED = Symbol('received');

export class BenchClient {
	readonly ws: WebSocket;
	/** The document as first received (sync step 2), for a writer typing into existing text. */
	readonly doc: Y.Doc | undefined;
	/** Set to the writer on this connection to leave its own keystrokes' echo uncounted. */
	ownClientId: number | undefined;
	readonly synced: Promise<number>;
	readonly closed: Promise<{ code: number; reason: string }>;
	private readonly seen = new Map<number, number>();
	private readonly tally: Tally;
	private readonly sendTimes: SendTimes;
	private readonly awarenessId = Math.floor(Math.random() * 2 ** 31);
	private awarenessClock = 0;

	constructor(url: string, token: string | null, tally: Tally, sendTimes: SendTimes, doc?: Y.Doc) {
		this.tally = tally;
		this.doc = doc;
		this.sendTimes = sendTimes;
		const started = performance.now();
		this.ws = new WebSocket(url, token ? ['accord-collab.v1', `bearer.${token}`] : [], { perMessageDeflate: false });
		this.ws.binaryType = 'nodebuffer';
		let onSynced: (ms: number) => void = () => undefined;
		this.synced = new Promise((resolve) => {
			onSynced = resolve;
		});
		this.closed = new Promise((resolve) =>
			this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
		);
		this.ws.on('error', () => undefined);
		this.ws.on('open', () => {
			this.ws.send(syncFrame(0, EMPTY_STATE_VECTOR));
			this.sendAwareness({ user: { name: `Delegate ${this.awarenessId % 1000}`, color: '#3366cc' } });
		});
		this.ws.on('message', (data: Buffer) => {
			const decoder = decoding.createDecoder(data);
			const type = decoding.readVarUint(decoder);
			if (type === MESSAGE_AWARENESS) {
				if (this.tally.recording) this.tally.awarenessFrames++;
				return;
			}
			if (type !== MESSAGE_SYNC) return;
			const subType = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (subType === 0) {
				this.ws.send(syncFrame(1, EMPTY_UPDATE));
				return;
			}
			// Only the initial state: a writer types into its own paragraph, so later edits
			// elsewhere do not move its cursor, and 50 docs applying every update would load
			// the generator more than the server.
			if (subType === 1 && this.doc) Y.applyUpdate(this.doc, payload, RECEIVED);
			this.account(payload, subType === 2);
			if (subType === 1) onSynced(performance.now() - started);
		});
	}

	sendAwareness(state: unknown): void {
		if (this.ws.readyState === WebSocket.OPEN) {
			this.ws.send(awarenessFrame(this.awarenessId, ++this.awarenessClock, state));
		}
	}

	private account(update: Uint8Array, isBroadcast: boolean): void {
		const now = performance.now();
		for (const [client, to] of Y.parseUpdateMeta(update).to) {
			const times = this.sendTimes.get(client);
			if (!times || client === this.ownClientId) continue;
			const from = this.seen.get(client) ?? 0;
			if (to <= from) continue;
			this.seen.set(client, to);
			if (!isBroadcast || !this.tally.recording) continue;
			for (let clock = Math.max(from, this.tally.countFrom.get(client) ?? 0) + 1; clock <= to; clock++) {
				const sentAt = times[clock];
				if (sentAt) this.tally.latencies.push(now - sentAt);
				this.tally.delivered++;
			}
		}
	}

	close(): void {
		this.ws.close();
	}
}

/**
 * A delegate typing: one character per keystroke, with a cursor update each time. Types at
 * the end of `text` (by default a Y.Text of its own; the draft benchmark passes a paragraph
 * of the document its client received), which must carry no formatting there, so each
 * keystroke is exactly one clock tick.
 */
export class BenchWriter {
	readonly client: BenchClient;
	readonly doc: Y.Doc;
	private readonly times: Float64Array;
	private readonly text: Y.Text;

	/** `text`: where to type, or a function making it (its changes are sent like keystrokes). */
	constructor(
		client: BenchClient,
		sendTimes: SendTimes,
		maxKeystrokes: number,
		text?: Y.Text | ((doc: Y.Doc) => Y.Text)
	) {
		this.client = client;
		this.doc = client.doc ?? new Y.Doc();
		this.times = new Float64Array(maxKeystrokes + 2);
		sendTimes.set(this.doc.clientID, this.times);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== RECEIVED && client.ws.readyState === WebSocket.OPEN) client.ws.send(syncFrame(2, update));
		});
		this.text = typeof text === 'function' ? text(this.doc) : (text ?? this.doc.getText('body'));
	}

	get clientId(): number {
		return this.doc.clientID;
	}

	get keystrokes(): number {
		return Y.getState(this.doc.store, this.doc.clientID);
	}

	type(): void {
		const clock = this.keystrokes;
		if (clock + 1 >= this.times.length) return;
		this.times[clock + 1] = performance.now();
		this.text.insert(this.text.length, String.fromCharCode(97 + (clock % 26)));
		this.client.sendAwareness({ cursor: { index: this.text.length } });
	}

	/** Large content in chunks below the message limit (for the 1 MB sync figure). */
	fill(bytes: number, chunk = 128 * 1024): void {
		for (let written = 0; written < bytes; written += chunk) {
			this.text.insert(this.text.length, 'x'.repeat(Math.min(chunk, bytes - written)));
		}
	}
}
