// Venue Wi-Fi: is the server reachable, and how old is the data on the screen? One shared
// state for the whole page. The browser's own online/offline flag only knows about the
// Wi-Fi link, and venue Wi-Fi is often "connected" with no way out; so a failed data fetch
// (the service worker answering from its saved copy, a Realtime drop, a form that did not
// reach the server) also counts, once a small probe confirms the server is out of reach.
// While offline, the probe repeats; when it gets through, the page reloads its data.
import { invalidateAll } from '$app/navigation';

/** A static file every build serves and no cache keeps (the service worker leaves it alone). */
const PROBE = '/_app/version.json';
/** How long to wait between probes while offline: short at first, then sparing the link. */
const RETRY_MS = [3_000, 5_000, 10_000, 20_000, 30_000];

class Connection {
	/** False once the server is known to be out of reach; true again once a probe gets through. */
	online = $state(true);
	/** When the data on the screen was fetched (or saved, for a copy the service worker kept), epoch ms. */
	dataAsOf = $state(Date.now());
}

export const connection = new Connection();

let started = false;
let probing: Promise<boolean> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
let attempt = 0;
/** A saved copy the service worker is answering with; the next page data is from then. */
let copySavedAt: number | undefined;

async function reachable(): Promise<boolean> {
	if (!navigator.onLine) return false;
	try {
		const response = await fetch(PROBE, { method: 'HEAD', cache: 'no-store' });
		// Any answer from the server itself will do (the dev server has no such file); a
		// gateway's 5xx or a captive portal's redirect elsewhere (a failed fetch) will not.
		return response.status < 500;
	} catch {
		return false;
	}
}

/** Asks the server once (concurrent callers share the answer) and acts on the answer. */
function probe(): Promise<boolean> {
	probing ??= reachable()
		.then((ok) => {
			if (ok) cameBack();
			else wentOffline();
			return ok;
		})
		.finally(() => (probing = undefined));
	return probing;
}

function wentOffline(): void {
	connection.online = false;
	clearTimeout(retry);
	retry = setTimeout(() => void probe(), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
	attempt += 1;
}

function cameBack(): void {
	clearTimeout(retry);
	attempt = 0;
	if (connection.online) return;
	connection.online = true;
	// What changed while the link was down: the page fetches its data afresh.
	void invalidateAll();
}

/** Something failed to reach the server (a fetch, Realtime): check, and go offline if so. */
export function reportFailedFetch(): void {
	if (!started) return;
	if (!navigator.onLine) wentOffline();
	else void probe();
}

/** The page's data changed (navigation or reload): note how old it is. */
export function dataArrived(): void {
	if (copySavedAt) {
		connection.dataAsOf = copySavedAt;
		copySavedAt = undefined;
	} else if (connection.online) {
		connection.dataAsOf = Date.now();
	}
}

/** The service worker answered from its saved copy: the server was not reached. */
function savedCopyServed(savedAt: string): void {
	const when = Date.parse(savedAt);
	if (!Number.isNaN(when)) {
		copySavedAt = when;
		connection.dataAsOf = when;
	}
	reportFailedFetch();
}

/** A failed fetch of something that should be online: true for the browser's network errors. */
export function isNetworkFailure(error: unknown): boolean {
	return error instanceof TypeError || (typeof navigator !== 'undefined' && !navigator.onLine);
}

/** Starts watching; once per page (the root layout calls it when mounted). Returns the stop. */
export function watchConnection(): () => void {
	if (started) return () => undefined;
	started = true;
	const listening = new AbortController();
	const { signal } = listening;
	// A page the service worker served from its copy says so, and from when.
	const copy = document.querySelector('meta[name="accord-offline-copy"]')?.getAttribute('content');
	if (copy) savedCopyServed(copy);
	else if (!navigator.onLine) wentOffline();

	window.addEventListener('offline', () => wentOffline(), { signal });
	window.addEventListener('online', () => void probe(), { signal });
	navigator.serviceWorker?.addEventListener(
		'message',
		(event: MessageEvent) => {
			const message = event.data as { type?: string; savedAt?: string } | null;
			if (message?.type === 'accord:saved-copy' && message.savedAt) savedCopyServed(message.savedAt);
			else if (message?.type === 'accord:network-failed') reportFailedFetch();
		},
		{ signal }
	);
	return () => {
		listening.abort();
		clearTimeout(retry);
		started = false;
	};
}
