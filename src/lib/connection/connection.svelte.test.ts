// Venue Wi-Fi is often "connected" with no way out: the browser's online flag stays true.
// A failed fetch, confirmed by the probe, must still mark the page offline; the probe
// getting through again brings it back and reloads the page's data.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invalidateAll = vi.fn(() => Promise.resolve());
vi.mock('$app/navigation', () => ({ invalidateAll }));

type ConnectionModule = typeof import('./connection.svelte');

let onLine = true;
const fetchMock = vi.fn<typeof fetch>();
let stop = () => {};

async function fresh(): Promise<ConnectionModule> {
	vi.resetModules();
	const module = await import('./connection.svelte');
	stop = module.watchConnection();
	return module;
}

/** Lets the probe's fetch and its handlers settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
	vi.useFakeTimers();
	onLine = true;
	vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => onLine);
	vi.stubGlobal('fetch', fetchMock);
	fetchMock.mockReset();
	invalidateAll.mockClear();
	document.head.innerHTML = '';
});

afterEach(() => {
	stop();
	vi.useRealTimers();
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('connection', () => {
	it('goes offline on a failed fetch the probe confirms, though the browser says it is online', async () => {
		const { connection, reportFailedFetch } = await fresh();
		fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
		reportFailedFetch();
		await settle();
		expect(connection.online).toBe(false);
		expect(fetchMock).toHaveBeenCalledWith('/_app/version.json', expect.objectContaining({ cache: 'no-store' }));

		// The link comes back: the next probe gets through and the page fetches its data again.
		fetchMock.mockResolvedValue(new Response(null, { status: 200 }));
		await vi.advanceTimersByTimeAsync(30_000);
		expect(connection.online).toBe(true);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
	});

	it('stays online when the probe reaches the server (a Realtime hiccup, not the Wi-Fi)', async () => {
		const { connection, reportFailedFetch } = await fresh();
		fetchMock.mockResolvedValue(new Response(null, { status: 404 }));
		reportFailedFetch();
		await settle();
		expect(connection.online).toBe(true);
		expect(invalidateAll).not.toHaveBeenCalled();
	});

	it("follows the browser's offline and online events", async () => {
		const { connection } = await fresh();
		onLine = false;
		window.dispatchEvent(new Event('offline'));
		expect(connection.online).toBe(false);
		expect(fetchMock).not.toHaveBeenCalled();

		onLine = true;
		fetchMock.mockResolvedValue(new Response(null, { status: 200 }));
		window.dispatchEvent(new Event('online'));
		await settle();
		expect(connection.online).toBe(true);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
	});

	it("dates the page by the service worker's saved copy, and keeps that date for its data", async () => {
		document.head.innerHTML = '<meta name="accord-offline-copy" content="2026-11-28T08:42:00.000Z">';
		fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
		const { connection, dataArrived } = await fresh();
		await settle();
		expect(connection.online).toBe(false);
		expect(connection.dataAsOf).toBe(Date.parse('2026-11-28T08:42:00.000Z'));
		dataArrived();
		expect(connection.dataAsOf).toBe(Date.parse('2026-11-28T08:42:00.000Z'));
	});

	it('tells a network failure from a refusal', async () => {
		const { isNetworkFailure } = await fresh();
		expect(isNetworkFailure(new TypeError('Failed to fetch'))).toBe(true);
		expect(isNetworkFailure(new Error('Internal Error'))).toBe(false);
	});
});
