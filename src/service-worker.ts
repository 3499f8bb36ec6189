/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Venue Wi-Fi: the programme and session pages a delegate has opened stay readable offline.
// Only those pages (and their __data.json, for client-side navigation) are kept,
// network-first: online, the reader always gets the live page. Built assets are immutable,
// so cache-first. A page not kept gets a small translated "not saved on this device" page
// instead of the browser's error; signing out forgets the saved pages. Nothing else is touched: no POST, no sign-in, no collab,
// no Supabase REST or Realtime, no dev outbox. The page learns when it is shown a saved
// copy (src/lib/connection), so it can say "offline — as of 10:42".
import { version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const PAGES = `accord-pages-${version}`;
const ASSETS = `accord-assets-${version}`;
/** What the page handed over for the "not saved" page; kept across versions, it is only words. */
const WORDS = 'accord-offline-words';
const WORDS_KEY = '/__accord/offline-words';
const READABLE_OFFLINE = /^\/[^/]+(\/programme(\/[0-9a-f-]{36})?)?\/?(__data\.json)?$/i;
const NEVER = /^\/(auth|sign-in|sign-out|locale|collab|dev|rest|realtime|storage)(\/|$)/;
/** SvelteKit's data requests say which layouts to reload; the saved copy holds them all. */
const INVALIDATED = 'x-sveltekit-invalidated';
const SAVED_AT = 'x-accord-saved-at';
const SIGN_OUT = '/sign-out';

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys.filter((key) => key !== PAGES && key !== ASSETS && key !== WORDS).map((key) => caches.delete(key))
				)
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// Venue laptops and phones are shared: saved pages show the signed-in person's name and
	// their event's pages, so signing out forgets them (the request itself goes on as usual).
	if (request.method === 'POST' && url.pathname === SIGN_OUT) return event.waitUntil(caches.delete(PAGES));
	if (request.method !== 'GET') return;
	if (url.pathname.startsWith('/_app/immutable/')) return event.respondWith(cacheFirst(request));
	const readable = !NEVER.test(url.pathname) && READABLE_OFFLINE.test(url.pathname);
	if (readable && url.pathname.endsWith('/__data.json') && isPlainDataRequest(url)) {
		event.respondWith(dataNetworkFirst(event, url));
	} else if (request.mode === 'navigate') {
		event.respondWith(readable && url.search === '' ? pageNetworkFirst(event) : pageOrNotSaved(request));
	}
});

sw.addEventListener('message', (event) => {
	const message = event.data as { type?: string; assets?: unknown } | null;
	if (message?.type !== 'accord:offline-page') return;
	event.waitUntil(
		Promise.all([
			caches.open(WORDS).then((cache) => cache.put(WORDS_KEY, Response.json(message))),
			keepAssets(Array.isArray(message.assets) ? message.assets.filter((a) => typeof a === 'string') : [])
		])
	);
});

/** A data request for the page itself, not for a filtered view (`?day=2`) that is never kept. */
function isPlainDataRequest(url: URL): boolean {
	return [...url.searchParams.keys()].every((key) => key === INVALIDATED || key === 'x-sveltekit-trailing-slash');
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(ASSETS);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

/** The scripts and styles a page loaded before this worker controlled it: so it also hydrates offline. */
async function keepAssets(urls: string[]): Promise<void> {
	const cache = await caches.open(ASSETS);
	for (const href of urls) {
		const url = new URL(href, sw.location.origin);
		if (url.origin !== sw.location.origin || !url.pathname.startsWith('/_app/immutable/')) continue;
		if (await cache.match(url.href)) continue;
		await cache.add(url.href).catch(() => undefined);
	}
}

/** A copy to keep, stamped with when it was taken (for the "as of 10:42" notice). */
async function stamped(response: Response): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.set(SAVED_AT, new Date().toISOString());
	return new Response(await response.blob(), { status: response.status, headers });
}

async function tell(clientId: string, message: object): Promise<void> {
	const client = clientId ? await sw.clients.get(clientId) : undefined;
	client?.postMessage(message);
}

async function dataNetworkFirst(event: FetchEvent, url: URL): Promise<Response> {
	const cache = await caches.open(PAGES);
	// One copy per page, whatever the page had already: ask for every layout's data.
	const key = `${url.origin}${url.pathname}`;
	const full = new URL(url);
	const invalidated = url.searchParams.get(INVALIDATED) ?? '';
	full.searchParams.set(INVALIDATED, '1'.repeat(invalidated.length));
	try {
		const response = await fetch(full, { credentials: 'same-origin' });
		if (response.ok) event.waitUntil(stamped(response.clone()).then((copy) => cache.put(key, copy)));
		return response;
	} catch (failure) {
		const cached = await cache.match(key);
		if (!cached) {
			event.waitUntil(tell(event.clientId, { type: 'accord:network-failed' }));
			throw failure;
		}
		event.waitUntil(tell(event.clientId, { type: 'accord:saved-copy', savedAt: cached.headers.get(SAVED_AT) ?? '' }));
		return cached;
	}
}

async function pageNetworkFirst(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok) event.waitUntil(stamped(response.clone()).then((copy) => cache.put(request, copy)));
		return response;
	} catch {
		const cached = await cache.match(request);
		if (!cached) return notSaved(request);
		const savedAt = cached.headers.get(SAVED_AT) ?? '';
		// The page learns it is a saved copy, and from when, through a meta tag.
		const html = (await cached.text()).replace(
			'</head>',
			`<meta name="accord-offline-copy" content="${savedAt}"></head>`
		);
		return new Response(html, { status: 200, headers: cached.headers });
	}
}

async function pageOrNotSaved(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		return notSaved(request);
	}
}

interface Words {
	lang: string;
	title: string;
	body: string;
	retry: string;
	saved: string;
}

const ENGLISH: Words = {
	lang: 'en',
	title: 'This page is not saved on this device',
	body: 'You are offline. Pages you have opened before stay readable; this one opens when the connection is back.',
	retry: 'Try again',
	saved: 'Saved on this device'
};

const escape = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The pages kept on this device, with their titles, newest last (at most a dozen). */
async function savedPages(): Promise<{ href: string; title: string }[]> {
	const cache = await caches.open(PAGES);
	const requests = (await cache.keys()).filter((r) => !new URL(r.url).pathname.endsWith('/__data.json')).slice(-12);
	return Promise.all(
		requests.map(async (request) => {
			const html = (await (await cache.match(request))?.text()) ?? '';
			const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim();
			const { pathname } = new URL(request.url);
			// The title is already escaped in the page it came from.
			return { href: pathname, title: title || escape(pathname) };
		})
	);
}

/** The page's own language and words, with a way to retry and a list of what can be read. */
async function notSaved(request: Request): Promise<Response> {
	const stored = await (await caches.open(WORDS)).match(WORDS_KEY);
	const words: Words = { ...ENGLISH, ...((await stored?.json().catch(() => undefined)) as Partial<Words> | undefined) };
	const pages = await savedPages();
	const list = pages.length
		? `<h2>${escape(words.saved)}</h2><ul>${pages.map((p) => `<li><a href="${escape(p.href)}">${p.title}</a></li>`).join('')}</ul>`
		: '';
	const html = `<!doctype html>
<html lang="${escape(words.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(words.title)}</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#0f172a;background:#f8fafc;line-height:1.5}
header{background:#0f4c81;color:#fff;padding:.75rem 1rem;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.5rem;margin:0 0 .75rem}h2{font-size:1.1rem;margin:2rem 0 .5rem}
a{color:#0f4c81;font-weight:600}ul{padding-left:1.25rem}li{margin:.35rem 0}
.retry{display:inline-block;margin-top:1rem;padding:.6rem 1rem;border-radius:.375rem;background:#0f4c81;color:#fff;text-decoration:none}
</style></head>
<body><header>Accord</header><main>
<h1>${escape(words.title)}</h1>
<p>${escape(words.body)}</p>
<a class="retry" href="${escape(new URL(request.url).pathname + new URL(request.url).search)}">${escape(words.retry)}</a>
${list}
</main></body></html>`;
	return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
