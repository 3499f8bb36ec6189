// The live-data loop on the programme: an organiser's change to a session reaches a
// reader's open page without a reload, and leaving the page leaves the Realtime channel.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { WebSocket as PageSocket } from '@playwright/test';
import { personClient } from './clients';
import { expect, t, test } from './fixtures';

const EVENT_ID = 'e0000000-0000-4000-8000-000000002018';
const SESSION_ID = '50000000-0000-4000-8000-000000001802';
const DAY_THREE = 'd0000000-0000-4000-8000-000000201803';
const CHANNEL_TOPIC = `realtime:programme:${EVENT_ID}`;

test.use({ locale: 'en-GB' });

/** The organiser, signed in from the test the way any Supabase client signs in. */
function organiser(baseURL: string): Promise<SupabaseClient> {
	return personClient(baseURL, 'organiser@accord.test');
}

/** Resolves with the first frame the page sends on a socket that matches. */
function frameSent(socket: PageSocket, matches: (frame: { event: string; topic: string }) => boolean) {
	return new Promise<{ event: string; topic: string }>((resolve) => {
		socket.on('framesent', ({ payload }) => {
			const frame = parseFrame(String(payload));
			if (frame && matches(frame)) resolve(frame);
		});
	});
}

/** Realtime's JSON frames are either objects or the v2 array form [join, ref, topic, event, payload]. */
function parseFrame(text: string): { event: string; topic: string } | null {
	try {
		const value: unknown = JSON.parse(text);
		if (Array.isArray(value)) return { topic: String(value[2]), event: String(value[3]) };
		if (value && typeof value === 'object' && 'event' in value && 'topic' in value) {
			return { topic: String(value.topic), event: String(value.event) };
		}
	} catch {
		// binary or non-JSON frames are not ours to read
	}
	return null;
}

test('session changes reach an open programme without a reload; leaving the page leaves the channel', async ({
	page,
	baseURL
}) => {
	const supabase = await organiser(baseURL!);
	const { data: before, error: readError } = await supabase
		.from('sessions')
		.select('title')
		.eq('id', SESSION_ID)
		.single();
	if (readError) throw readError;
	let inserted: string | undefined;

	const realtimeSocket = page.waitForEvent('websocket', (socket) => socket.url().includes('/realtime/v1/websocket'));
	await page.goto('/social-workforce-2018/programme');
	const socket = await realtimeSocket;
	const left = frameSent(socket, (frame) => frame.event === 'phx_leave' && frame.topic === CHANNEL_TOPIC);
	const closed = socket.waitForEvent('close', { timeout: 0 });
	await expect(page.locator('header[data-live]')).toHaveAttribute('data-live', 'live');
	// A reload would drop this; finding it again afterwards proves the page was not reloaded.
	await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

	try {
		const renamed = { ...(before.title as Record<string, string>), en: 'Renamed while you were reading' };
		const update = await supabase.from('sessions').update({ title: renamed }).eq('id', SESSION_ID);
		expect(update.error).toBeNull();
		await expect(page.getByRole('article').filter({ hasText: 'Renamed while you were reading' })).toBeVisible();

		const insert = await supabase
			.from('sessions')
			.insert({
				event_id: EVENT_ID,
				day_id: DAY_THREE,
				starts_at: '2018-11-23T19:00:00+02:00',
				ends_at: '2018-11-23T20:00:00+02:00',
				format: 'plenary',
				status: 'scheduled',
				title: { en: 'A session added during the day' }
			})
			.select('id')
			.single();
		expect(insert.error).toBeNull();
		inserted = insert.data?.id;
		await expect(page.getByRole('article').filter({ hasText: 'A session added during the day' })).toBeVisible();
		expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

		await page.getByRole('link', { name: t('en', 'nav.indicators') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'indicators.title'));
		expect(await left).toEqual({ event: 'phx_leave', topic: CHANNEL_TOPIC });
		// No other page listens, so the socket itself goes too.
		await closed;
	} finally {
		await supabase.from('sessions').update({ title: before.title }).eq('id', SESSION_ID);
		if (inserted) await supabase.from('sessions').delete().eq('id', inserted);
	}
});

test('a session page keeps its channel across reloads of its data, and later changes still arrive', async ({
	page,
	baseURL
}) => {
	const supabase = await organiser(baseURL!);
	const { data: before, error: readError } = await supabase
		.from('sessions')
		.select('title')
		.eq('id', SESSION_ID)
		.single();
	if (readError) throw readError;
	const topic = `realtime:session:${SESSION_ID}`;
	const realtimeSocket = page.waitForEvent('websocket', (socket) => socket.url().includes('/realtime/v1/websocket'));
	await page.goto(`/social-workforce-2018/programme/${SESSION_ID}`);
	const socket = await realtimeSocket;
	const frames: string[] = [];
	socket.on('framesent', ({ payload }) => {
		const frame = parseFrame(String(payload));
		if (frame && frame.topic === topic) frames.push(frame.event);
	});
	await expect(page.locator('[data-live]').first()).toHaveAttribute('data-live', 'live');
	await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

	try {
		// Each change reloads the page's data (a new session object); the channel must stay.
		for (const text of ['First rename while reading', 'Second rename after a reload', 'Third rename still arrives']) {
			const renamed = { ...(before.title as Record<string, string>), en: text };
			const update = await supabase.from('sessions').update({ title: renamed }).eq('id', SESSION_ID);
			expect(update.error).toBeNull();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
		}
		expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
		expect(frames.filter((event) => event === 'phx_leave')).toEqual([]);
	} finally {
		await supabase.from('sessions').update({ title: before.title }).eq('id', SESSION_ID);
	}
});
