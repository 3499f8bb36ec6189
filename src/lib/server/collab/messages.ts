// Strict parsing of incoming y-websocket frames. lib0's decoders trust declared lengths
// and Yjs trusts update bytes; a frame from the network gets checked here first, so a
// malformed one is rejected before it reaches the document or the database.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import {
	AUTH_PERMISSION_DENIED,
	AUTH_PERMISSION_GRANTED,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC
} from '../../collab/protocol.ts';

export type IncomingMessage =
	| { kind: 'sync-step-1'; stateVector: Uint8Array }
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'query-awareness' };

export class MalformedMessage extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MalformedMessage';
	}
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
	const length = decoding.readVarUint(decoder);
	if (length > decoder.arr.length - decoder.pos) throw new MalformedMessage('declared length exceeds frame');
	return decoding.readUint8Array(decoder, length);
}

function expectEnd(decoder: decoding.Decoder): void {
	if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
}

/** Parses one frame; throws MalformedMessage for anything a y-websocket client would not send. */
export function parseMessage(frame: Uint8Array): IncomingMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC: {
				const syncType = decoding.readVarUint(decoder);
				const payload = readBytes(decoder);
				expectEnd(decoder);
				if (syncType === syncProtocol.messageYjsSyncStep1) {
					Y.decodeStateVector(payload);
					return { kind: 'sync-step-1', stateVector: payload };
				}
				if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
					// Reads every struct and the delete set: throws on bytes Yjs could not apply.
					Y.parseUpdateMeta(payload);
					return { kind: 'update', update: payload };
				}
				throw new MalformedMessage(`unknown sync message ${syncType}`);
			}
			case MESSAGE_AWARENESS: {
				const payload = readBytes(decoder);
				expectEnd(decoder);
				validateAwareness(payload);
				return { kind: 'awareness', update: payload };
			}
			case MESSAGE_QUERY_AWARENESS:
				expectEnd(decoder);
				return { kind: 'query-awareness' };
			default:
				throw new MalformedMessage(`unknown message type ${type}`);
		}
	} catch (error) {
		if (error instanceof MalformedMessage) throw error;
		throw new MalformedMessage(error instanceof Error ? error.message : 'unreadable frame');
	}
}

function validateAwareness(payload: Uint8Array): void {
	const decoder = decoding.createDecoder(payload);
	const count = decoding.readVarUint(decoder);
	for (let i = 0; i < count; i++) {
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		const json = decoding.readVarString(decoder);
		JSON.parse(json);
	}
	expectEnd(decoder);
}

/** One client's awareness state as y-protocols encodes it (JSON), or null when removed. */
export type AwarenessState = Record<string, unknown>;

/**
 * Rebuilds an (already validated) awareness payload entry by entry: `edit` returns the
 * state to keep, null for a removal, or undefined to drop the entry. Null when nothing is left.
 */
export function rewriteAwareness(
	payload: Uint8Array,
	edit: (clientId: number, state: AwarenessState | null) => AwarenessState | null | undefined
): Uint8Array | null {
	const decoder = decoding.createDecoder(payload);
	const count = decoding.readVarUint(decoder);
	const kept: { clientId: number; clock: number; json: string }[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
		const state =
			parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as AwarenessState) : null;
		const edited = edit(clientId, state);
		if (edited !== undefined) kept.push({ clientId, clock, json: JSON.stringify(edited) });
	}
	if (kept.length === 0) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, kept.length);
	for (const entry of kept) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.json);
	}
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}

export function encodeAwarenessPayload(payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

export function encodePermission(access: 'write' | 'read', reason: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AUTH);
	encoding.writeVarUint(encoder, access === 'read' ? AUTH_PERMISSION_DENIED : AUTH_PERMISSION_GRANTED);
	encoding.writeVarString(encoder, reason);
	return encoding.toUint8Array(encoder);
}
