// Phoenix channel frames as realtime-js speaks them.
// vsn 1.0.0: JSON objects {join_ref, ref, topic, event, payload}.
// vsn 2.0.0 (realtime-js's default): JSON arrays [join_ref, ref, topic, event, payload],
// plus binary frames for user broadcasts: kind 3 (client push) and kind 4 (server push).

import { bodyLimits, jsonNestsDeeperThan } from '../http.ts';

export type Vsn = '1.0.0' | '2.0.0';

export const SUPPORTED_VSNS: readonly Vsn[] = ['1.0.0', '2.0.0'];

export interface PhoenixMessage {
	joinRef: string | null;
	ref: string | null;
	topic: string;
	event: string;
	payload: Record<string, unknown>;
}

/** A frame that does not follow the protocol; the socket that sent it is closed. */
export class FrameError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FrameError';
	}
}

const USER_BROADCAST_PUSH = 3;
const USER_BROADCAST = 4;
const BINARY_ENCODING = 0;
const JSON_ENCODING = 1;

export function isVsn(value: string | null): value is Vsn {
	return value !== null && (SUPPORTED_VSNS as readonly string[]).includes(value);
}

/**
 * JSON from a frame. Payloads are kept (presence state) and serialised again for every
 * subscriber, so JSON nested deeper than a request body may be is refused: serialising
 * it would overflow the stack for everyone who joins the topic afterwards.
 */
function parseFrameJson(text: string, what: string): unknown {
	if (jsonNestsDeeperThan(text, bodyLimits.maxJsonDepth)) {
		throw new FrameError(`${what} is nested deeper than ${bodyLimits.maxJsonDepth} levels`);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new FrameError(`${what} is not JSON`);
	}
}

export function decodeFrame(data: Buffer, isBinary: boolean, vsn: Vsn): PhoenixMessage {
	if (isBinary) {
		if (vsn !== '2.0.0') throw new FrameError('binary frames need vsn 2.0.0');
		return decodeUserBroadcastPush(data);
	}
	const parsed = parseFrameJson(data.toString('utf8'), 'frame');
	if (vsn === '2.0.0') {
		if (!Array.isArray(parsed) || parsed.length !== 5) throw new FrameError('frame is not a 5-element array');
		const [joinRef, ref, topic, event, payload] = parsed as unknown[];
		return checked({ joinRef, ref, topic, event, payload });
	}
	if (!isObject(parsed)) throw new FrameError('frame is not an object');
	return checked({
		joinRef: parsed.join_ref,
		ref: parsed.ref,
		topic: parsed.topic,
		event: parsed.event,
		payload: parsed.payload
	});
}

export function encodeFrame(message: PhoenixMessage, vsn: Vsn): string {
	const { joinRef, ref, topic, event, payload } = message;
	if (vsn === '2.0.0') return JSON.stringify([joinRef, ref, topic, event, payload]);
	return JSON.stringify({ join_ref: joinRef, ref, topic, event, payload });
}

/** Kind 4: how the server pushes a broadcast whose payload is binary. */
export function encodeBinaryBroadcast(topic: string, event: string, payload: Buffer): Buffer {
	const topicBytes = Buffer.from(topic, 'utf8');
	const eventBytes = Buffer.from(event, 'utf8');
	if (topicBytes.length > 255 || eventBytes.length > 255) throw new FrameError('topic or event longer than 255 bytes');
	const header = Buffer.from([USER_BROADCAST, topicBytes.length, eventBytes.length, 0, BINARY_ENCODING]);
	return Buffer.concat([header, topicBytes, eventBytes, payload]);
}

function decodeUserBroadcastPush(data: Buffer): PhoenixMessage {
	if (data.length < 7 || data[0] !== USER_BROADCAST_PUSH) throw new FrameError('unknown binary frame kind');
	const lengths = [data[1]!, data[2]!, data[3]!, data[4]!, data[5]!];
	const encoding = data[6]!;
	let offset = 7;
	const [joinRef, ref, topic, userEvent, metadata] = lengths.map((length) => {
		if (offset + length > data.length) throw new FrameError('binary frame shorter than its header says');
		const text = data.subarray(offset, offset + length).toString('utf8');
		offset += length;
		return text;
	}) as [string, string, string, string, string];
	const rest = data.subarray(offset);
	let body: { value: unknown };
	if (encoding === JSON_ENCODING) {
		body = { value: parseFrameJson(rest.toString('utf8'), 'binary broadcast payload') };
	} else if (encoding === BINARY_ENCODING) {
		// Binary payloads stay a Buffer so they go out again as binary.
		body = { value: Buffer.from(rest) };
	} else {
		throw new FrameError('unknown binary payload encoding');
	}
	let meta: Record<string, unknown> = {};
	if (metadata !== '') {
		const parsed = parseFrameJson(metadata, 'binary broadcast metadata');
		if (isObject(parsed)) meta = parsed;
	}
	return {
		joinRef: joinRef || null,
		ref: ref || null,
		topic,
		event: 'broadcast',
		payload: { ...meta, type: 'broadcast', event: userEvent, payload: body.value }
	};
}

function checked(fields: Record<keyof PhoenixMessage, unknown>): PhoenixMessage {
	const { joinRef, ref, topic, event, payload } = fields;
	if (typeof topic !== 'string' || topic === '') throw new FrameError('topic must be a non-empty string');
	if (typeof event !== 'string' || event === '') throw new FrameError('event must be a non-empty string');
	if (!isObject(payload)) throw new FrameError('payload must be an object');
	return { joinRef: optionalRef(joinRef), ref: optionalRef(ref), topic, event, payload };
}

function optionalRef(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	throw new FrameError('refs must be strings');
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
