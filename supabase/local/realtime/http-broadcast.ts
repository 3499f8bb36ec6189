// Realtime's HTTP broadcast API, used by supabase-js's channel.send() before the
// channel is joined and by channel.httpSend():
//   POST /realtime/v1/api/broadcast                         {messages: [{topic, event, payload, private}]}
//   POST /realtime/v1/api/broadcast/<topic>/events/<event>  body = payload, ?private=true
// Both answer 202. Private topics need the caller's RLS right to write to realtime.messages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';
import {
	bodyRefusal,
	handlePreflight,
	HttpError,
	InvalidJsonError,
	parseJsonText,
	readBodyBytes,
	sendEmpty,
	sendHttpError,
	sendJson
} from '../http.ts';
import { channelRights } from './authorization.ts';
import { topicKey } from './hub.ts';
import type { Hub } from './hub.ts';
import { requestIdentity } from '../identity.ts';
import { restIdentityError } from '../rest/errors.ts';
import { isObject } from './protocol.ts';

const BROADCAST_PATH = '/realtime/v1/api/broadcast';
const EVENT_PATH = /^\/realtime\/v1\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/;
/** Supabase Realtime's default payload limit for one broadcast. */
const MAX_BROADCAST_BYTES = 256 * 1024;

interface OutgoingMessage {
	topic: string;
	event: string;
	payload: unknown;
	isPrivate: boolean;
}

export async function handleBroadcastHttp(
	ctx: StackContext,
	hub: Hub,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<boolean> {
	const single = EVENT_PATH.exec(url.pathname);
	if (url.pathname !== BROADCAST_PATH && !single) return false;
	if (handlePreflight(req, res)) return true;
	try {
		if (req.method !== 'POST') throw new HttpError(405, { error: 'Method not allowed', message: 'Method not allowed' });
		const identity = await requestIdentity(req, url, ctx.jwtSecret).catch((error: unknown) => {
			// Behind the same gateway as /rest/v1, refused in the same words.
			throw restIdentityError(error);
		});
		const raw = await readBodyBytes(req, single ? MAX_BROADCAST_BYTES : MAX_BROADCAST_BYTES * 10);
		const messages = single
			? [singleMessage(decodeURIComponent(single[1]!), decodeURIComponent(single[2]!), raw, req, url)]
			: batchMessages(raw);
		for (const message of messages) {
			if (message.isPrivate && !(await channelRights(ctx.db, identity, message.topic, 'broadcast')).write) {
				// The batch endpoint drops what the caller may not send; the single one says so.
				if (single) throw new HttpError(403, { error: 'Unauthorized', message: 'Unauthorized' });
				continue;
			}
			hub.broadcast(topicKey(message.isPrivate, `realtime:${message.topic}`), {
				event: message.event,
				payload: message.payload
			});
		}
		sendEmpty(res, 202);
	} catch (error) {
		if (error instanceof HttpError) sendHttpError(res, error);
		else if (bodyRefusal(error)) {
			const { status, message } = bodyRefusal(error)!;
			sendJson(res, status, { error: message, message }, { connection: 'close' });
		} else if (error instanceof InvalidJsonError) sendJson(res, 400, { error: 'Invalid JSON', message: error.message });
		else throw error;
	}
	return true;
}

function singleMessage(topic: string, event: string, raw: Buffer, req: IncomingMessage, url: URL): OutgoingMessage {
	const binary = (req.headers['content-type'] ?? '').startsWith('application/octet-stream');
	return {
		topic,
		event,
		payload: binary ? raw : parseJson(raw),
		isPrivate: url.searchParams.get('private') === 'true'
	};
}

function batchMessages(raw: Buffer): OutgoingMessage[] {
	const body = parseJson(raw);
	if (!isObject(body) || !Array.isArray(body.messages)) {
		throw new HttpError(400, { error: 'messages is required', message: 'messages is required' });
	}
	return body.messages.map((entry: unknown) => {
		if (!isObject(entry) || typeof entry.topic !== 'string' || typeof entry.event !== 'string') {
			throw new HttpError(400, {
				error: 'each message needs topic and event',
				message: 'each message needs topic and event'
			});
		}
		return { topic: entry.topic, event: entry.event, payload: entry.payload ?? {}, isPrivate: entry.private === true };
	});
}

function parseJson(raw: Buffer): unknown {
	const parsed = parseJsonText(raw.toString('utf8'));
	if (parsed === undefined) throw new InvalidJsonError('Unexpected end of JSON input');
	return parsed;
}
