// Helpers for the Realtime contract tests: supabase-js clients acting as a given user,
// subscribing with a promise, and collecting events until an expected one arrives.
import { createClient } from '@supabase/supabase-js';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { WebSocketLikeConstructor } from '@supabase/realtime-js';
import WebSocket from 'ws';
import type { TestStack } from './helpers/stack.ts';

const clients = new Set<SupabaseClient>();

/**
 * A client whose Realtime identity is `token` (a user JWT), or the anon/service key.
 * The token is in place before it returns: realtime-js builds a join's payload when
 * subscribe() is called, so a channel subscribed before the accessToken callback
 * resolved would join with the apikey's identity.
 */
export async function realtimeClient(
	stack: TestStack,
	options: { token?: string; service?: boolean; vsn?: '1.0.0' | '2.0.0' } = {}
): Promise<SupabaseClient> {
	const key = options.service ? stack.serviceRoleKey : stack.anonKey;
	const client = createClient(stack.url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		// Node 22+ has a global WebSocket, but vitest may run on an older node; ws works on
		// all. Its constructor's extra options argument is why the cast is needed.
		realtime: {
			transport: WebSocket as unknown as WebSocketLikeConstructor,
			...(options.vsn ? { vsn: options.vsn } : {})
		},
		...(options.token ? { accessToken: async () => options.token ?? null } : {})
	});
	clients.add(client);
	await client.realtime.setAuth();
	return client;
}

/** Disconnects every client made by realtimeClient, so no socket outlives a test file. */
export async function closeRealtimeClients(): Promise<void> {
	await Promise.all([...clients].map((client) => client.removeAllChannels()));
	clients.clear();
}

/** Resolves when the channel is joined; rejects with the server's reason otherwise. */
export function subscribed(channel: RealtimeChannel): Promise<void> {
	return new Promise((resolve, reject) => {
		channel.subscribe((status, error) => {
			if (status === 'SUBSCRIBED') resolve();
			else reject(new Error(`${status}${error ? `: ${error.message}` : ''}`));
		});
	});
}

/** The status a subscription ends in (SUBSCRIBED, CHANNEL_ERROR, …) and the error text. */
export function subscribeResult(channel: RealtimeChannel): Promise<{ status: string; message: string | undefined }> {
	return new Promise((resolve) => {
		channel.subscribe((status, error) => resolve({ status, message: error?.message }));
	});
}

export interface Collector<T> {
	readonly items: T[];
	push(item: T): void;
	/** Resolves with the first item (old or new) that matches; rejects after `timeoutMs`. */
	waitFor(match: (item: T) => boolean, timeoutMs?: number, label?: string): Promise<T>;
}

export function collector<T>(): Collector<T> {
	const items: T[] = [];
	const waiters = new Set<() => void>();
	return {
		items,
		push(item) {
			items.push(item);
			for (const wake of waiters) wake();
		},
		waitFor(match, timeoutMs = 10_000, label = 'event') {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = items.find(match);
					if (found === undefined) return false;
					cleanup();
					resolve(found);
					return true;
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(new Error(`no ${label} within ${timeoutMs} ms; got ${JSON.stringify(items)}`));
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiters.delete(wake);
				};
				const wake = () => void check();
				if (!check()) waiters.add(wake);
			});
		}
	};
}
