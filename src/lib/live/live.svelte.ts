// The live-data loop: a page's load declares `depends('app:<resource>')`; while the page
// is mounted, live() listens on a Realtime channel and reloads that resource when it
// changes. The page keeps reading through its load (RLS applies there); Realtime only
// says "something changed". Leaving the page leaves the channel.
import type { RealtimeChannel, RealtimeClient } from '@supabase/realtime-js';
import { invalidate } from '$app/navigation';
import { page } from '$app/state';
import type { BrowserSupabaseSettings } from '$lib/supabase/settings';
import { connection, reportFailedFetch } from '$lib/connection';
import { afterHydration } from './after-hydration';
import { coalesce } from './coalesce';

export interface PostgresChangesSource {
	event?: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
	schema?: string;
	table: string;
	/** A Realtime filter such as `event_id=eq.<uuid>`; the server checks RLS per row. */
	filter?: string;
}

export type LiveSource = {
	channel: string;
	/** A private channel: joining needs SELECT on realtime.messages for its topic (RLS). */
	private?: boolean;
} & ({ postgresChanges: PostgresChangesSource | PostgresChangesSource[] } | { broadcast: { event: string } });

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Changes arriving this close together make one reload (a caller may ask for a longer gap). */
const COALESCE_MS = 150;

class LiveSubscription {
	status = $state<LiveStatus>('connecting');
}

/**
 * Channels still being left, by topic. realtime-js hands back the existing channel when
 * asked for a topic it still holds, and its teardown drops every channel of that topic:
 * a rejoin that starts before the leave finished would reuse the dying channel (no
 * messages after the leave) or be dropped with it. So a join waits for its topic's leave.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const leaving = new Map<string, Promise<unknown>>();
/** live() subscriptions mounted now; the socket closes only when none wants it. */
let mounted = 0;

function settings(): BrowserSupabaseSettings {
	return page.data.supabase;
}

/**
 * Subscribes while the calling component is mounted. `source` is a function so that a
 * change of event (navigation between events) moves the subscription with it.
 *
 *     const feed = live(() => ({ channel: `programme:${id}`, postgresChanges: { table: 'sessions',
 *       filter: `event_id=eq.${id}` } }), 'app:programme');
 */
export function live(
	source: () => LiveSource,
	dependency: `app:${string}`,
	options: { coalesceMs?: number } = {}
): LiveSubscription {
	const subscription = new LiveSubscription();

	// A token the server refreshed arrives with new page data; hand it to Realtime.
	let client: RealtimeClient | undefined;
	$effect(() => {
		void page.data.supabase.accessToken;
		void client?.setAuth();
	});

	// Pages rebuild their data objects on every reload, so source() re-runs with equal
	// contents; comparing by value keeps the channel unless topic or filter really changed.
	const key = $derived(JSON.stringify(source()));

	$effect(() => {
		const wanted = JSON.parse(key) as LiveSource;
		const topic = wanted.channel;
		mounted += 1;
		// Offline, a reload could only fail; the page reloads all its data when the connection
		// is back (src/lib/connection), this change included.
		const reload = coalesce(
			() => (connection.online ? invalidate(dependency).catch(() => undefined) : Promise.resolve()),
			options.coalesceMs ?? COALESCE_MS
		);
		let channel: RealtimeChannel | undefined;
		let left = false;
		let joinedBefore = false;
		subscription.status = 'connecting';

		// Realtime's client loads only on pages that listen, and only once the page is
		// interactive: on venue Wi-Fi it must not compete with hydration for the link.
		void afterHydration()
			.then(() => leaving.get(topic))
			.then(() => import('$lib/supabase/realtime'))
			.then(({ browserRealtime }) => {
				if (left) return;
				client = browserRealtime(settings);
				channel = client.channel(wanted.channel, wanted.private ? { config: { private: true } } : undefined);
				if ('postgresChanges' in wanted) {
					const sources = Array.isArray(wanted.postgresChanges) ? wanted.postgresChanges : [wanted.postgresChanges];
					for (const { event = '*', schema = 'public', table, filter } of sources) {
						channel.on('postgres_changes', { event, schema, table, filter }, reload.schedule);
					}
				} else {
					channel.on('broadcast', { event: wanted.broadcast.event }, reload.schedule);
				}
				channel.subscribe((status) => {
					if (left) return;
					if (status === 'SUBSCRIBED') {
						// Changes made while the channel was down were missed: catch up once.
						if (joinedBefore) reload.schedule();
						joinedBefore = true;
						subscription.status = 'live';
					} else {
						subscription.status = 'offline';
						// Venue Wi-Fi drops Realtime first: the page checks whether it is offline.
						reportFailedFetch();
					}
				});
			});

		return () => {
			left = true;
			mounted -= 1;
			reload.stop();
			if (!channel || !client) return;
			const connection = client;
			// Leaving the last live page closes the socket too: nothing idles on venue Wi-Fi.
			const leave = connection
				.removeChannel(channel)
				.catch(() => undefined)
				.then(() => {
					if (leaving.get(topic) === leave) leaving.delete(topic);
					if (mounted === 0 && connection.getChannels().length === 0) void connection.disconnect();
				});
			leaving.set(topic, leave);
		};
	});

	return subscription;
}
