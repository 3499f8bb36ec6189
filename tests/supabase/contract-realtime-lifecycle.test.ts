// The Realtime server's own lifecycle: a socket may not join without bound, and closing
// the server ends every socket.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHANNELS_PER_SOCKET } from '../../supabase/local/realtime/connection.ts';
import { createRealtimeServer } from '../../supabase/local/realtime/index.ts';
import { fixtureDir, remoteProject, startTestStack } from './helpers/stack.ts';
import type { TestStack } from './helpers/stack.ts';
import { collector } from './contract-realtime-helpers.ts';

// The lifecycle is the local server's; nothing here applies to a real project.
const onRealProject = remoteProject() !== undefined;
let stack: TestStack;

beforeAll(async () => {
	stack = await startTestStack({ workdir: fixtureDir('realtime-project') });
});

afterAll(async () => {
	await stack?.close();
});

async function openSocket(
	base = stack.url
): Promise<{ socket: WebSocket; replies: ReturnType<typeof collector<unknown[]>> }> {
	const url = new URL('/realtime/v1/websocket', base.replace(/^http/, 'ws'));
	url.searchParams.set('apikey', stack.anonKey);
	url.searchParams.set('vsn', '2.0.0');
	const socket = new WebSocket(url);
	const replies = collector<unknown[]>();
	socket.on('message', (data) => replies.push(JSON.parse(String(data)) as unknown[]));
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	return { socket, replies };
}

function join(socket: WebSocket, topic: string, ref: string): void {
	const config = {
		broadcast: { self: false, ack: false },
		presence: { key: '', enabled: true },
		postgres_changes: [],
		private: false
	};
	socket.send(JSON.stringify([ref, ref, topic, 'phx_join', { config }]));
}

describe.skipIf(onRealProject)('realtime server lifecycle', () => {
	it(`refuses more than ${MAX_CHANNELS_PER_SOCKET} channels on one socket`, async () => {
		const { socket, replies } = await openSocket();
		for (let i = 0; i <= MAX_CHANNELS_PER_SOCKET; i++) join(socket, `realtime:many-${i}`, String(i + 1));
		const last = String(MAX_CHANNELS_PER_SOCKET + 1);
		const reply = await replies.waitFor(
			(frame) => frame[1] === last && frame[3] === 'phx_reply',
			5000,
			'the last reply'
		);
		expect(reply[4]).toEqual({ status: 'error', response: { reason: 'ChannelRateLimitReached: Too many channels' } });
		const okReplies = replies.items.filter(
			(frame) => frame[3] === 'phx_reply' && (frame[4] as { status: string }).status === 'ok'
		);
		expect(okReplies).toHaveLength(MAX_CHANNELS_PER_SOCKET);
		socket.terminate();
	});

	it('ends every socket, listener and timer when the Realtime server closes', async () => {
		// A server of its own (on a copy of the stack's context), so closing it is all this
		// test does; the stack's own Realtime keeps running beside it.
		const realtime = await createRealtimeServer({ ...stack.stack!.ctx });
		const http = createServer();
		http.on('upgrade', (req, socket, head) => realtime.handleUpgrade(req, socket, head));
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		const { port } = http.address() as AddressInfo;
		try {
			const { socket, replies } = await openSocket(`http://127.0.0.1:${port}`);
			join(socket, `realtime:closing-${randomUUID()}`, '1');
			await replies.waitFor((frame) => frame[3] === 'presence_state', 2000, 'presence_state');
			const closedWith = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
			await realtime.close();
			expect(await closedWith).toBe(1001);
		} finally {
			await new Promise<void>((resolve) => http.close(() => resolve()));
		}
	});
});
