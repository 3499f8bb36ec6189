/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Venue Wi-Fi: the programme and session pages a delegate has opened stay readable offline.
// Only those pages (and their __data.json) are kept, network-first: online, the reader always
// gets the live page. Built assets are immutable, so cache-first. Nothing else is touched:
// no POST, no sign-in, no collab, no Supabase REST or Realtime, no dev outbox.
import { version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const PAGES = `accord-pages-${version}`;
const ASSETS = `accord-assets-${version}`;
const READABLE_OFFLINE = /^\/[^/]+(\/programme(\/[0-9a-f-]{36})?)?\/?(__data\.json)?$/i;
const NEVER = /^\/(auth|sign-in|sign-out|locale|collab|dev|rest|realtime|storage)(\/|$)/;

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== PAGES && key !== ASSETS).map((key) => caches.delete(key)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || NEVER.test(url.pathname)) return;
	if (url.pathname.startsWith('/_app/immutable/')) event.respondWith(cacheFirst(request));
	else if (READABLE_OFFLINE.test(url.pathname) && url.search === '') event.respondWith(networkFirst(request));
});

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(ASSETS);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok) {
			// When this copy was taken, for the "programme as of 10:42" notice.
			const headers = new Headers(response.headers);
			headers.set('x-accord-saved-at', new Date().toISOString());
			const copy = new Response(await response.clone().blob(), { status: response.status, headers });
			await cache.put(request, copy);
		}
		return response;
	} catch (failure) {
		const cached = await cache.match(request);
		if (!cached) throw failure;
		const savedAt = cached.headers.get('x-accord-saved-at') ?? '';
		if (request.mode !== 'navigate') return cached;
		// The page learns it is a saved copy, and from when, through a meta tag.
		const html = (await cached.text()).replace(
			'</head>',
			`<meta name="accord-offline-copy" content="${savedAt}"></head>`
		);
		return new Response(html, { status: 200, headers: cached.headers });
	}
}
