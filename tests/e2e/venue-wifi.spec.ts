// What a phone on venue Wi-Fi downloads: compressed pages, data and assets, and only the
// reader's own language of messages.
import { expect, t, test } from './fixtures.ts';

const EVENT = 'social-workforce-2018';
const gzipOrBrotli = { 'accept-encoding': 'br, gzip' };

test.describe('responses go out compressed', () => {
	test('pages and their data are brotli-compressed for a browser that accepts it', async ({ request }) => {
		for (const path of [`/${EVENT}/programme`, `/${EVENT}/programme/__data.json`, '/']) {
			const response = await request.get(path, { headers: gzipOrBrotli });
			expect(response.status(), path).toBe(200);
			expect(response.headers()['content-encoding'], path).toBe('br');
			expect(response.headers()['vary'], path).toMatch(/accept-encoding/i);
		}
	});

	test('gzip for a client without brotli, plain text for one that accepts neither', async ({ request }) => {
		const gzip = await request.get(`/${EVENT}/programme`, { headers: { 'accept-encoding': 'gzip' } });
		expect(gzip.headers()['content-encoding']).toBe('gzip');
		const plain = await request.get(`/${EVENT}/programme`, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers()['content-encoding']).toBeUndefined();
		// Decompressed by the client, the page is the same either way.
		expect(await gzip.text()).toContain('<main');
		expect(await plain.text()).toContain('<main');
	});

	test('static scripts are served from their precompressed copies', async ({ page, request }) => {
		await page.goto(`/${EVENT}/programme`);
		const script = await page.evaluate(
			() => document.querySelector<HTMLLinkElement>('link[rel="modulepreload"]')?.getAttribute('href') ?? ''
		);
		expect(script).toContain('/_app/immutable/');
		const response = await request.get(new URL(script, page.url()).pathname, { headers: gzipOrBrotli });
		expect(response.headers()['content-encoding']).toBe('br');
		expect(response.headers()['cache-control']).toContain('immutable');
	});
});

test('the stylesheet is part of the page, so the first paint needs no second round trip', async ({ page }) => {
	const stylesheets: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'stylesheet') stylesheets.push(request.url());
	});
	await page.goto(`/${EVENT}/programme`);
	expect(stylesheets).toEqual([]);
	await expect(page.locator('head style')).not.toHaveCount(0);
});

test('the browser downloads only the reader’s language of messages, already parsed', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ro-RO' });
	const page = await context.newPage();
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if ((response.headers()['content-type'] ?? '').includes('javascript')) scripts.push(await response.text());
	});
	await page.goto(`/${EVENT}/programme`, { waitUntil: 'networkidle' });
	const all = scripts.join('\n');
	// One distinctive message per language: Romanian is there, English and Russian are not.
	expect(all).toContain(t('ro', 'nav.skipToContent'));
	expect(all).not.toContain(t('en', 'nav.skipToContent'));
	expect(all).not.toContain(t('ru', 'nav.skipToContent'));
	// Messages arrive parsed (scripts/vite-precompiled-messages.ts): no ICU parser ships.
	expect(all).not.toContain('EXPECT_ARGUMENT_CLOSING_BRACE');
	await context.close();
});

test.describe('heavy modules stay off pages that do not use them', () => {
	async function scriptsOf(page: import('@playwright/test').Page, path: string) {
		const scripts: { url: string; text: string }[] = [];
		page.on('response', async (response) => {
			if ((response.headers()['content-type'] ?? '').includes('javascript')) {
				scripts.push({ url: response.url(), text: await response.text() });
			}
		});
		await page.goto(path, { waitUntil: 'networkidle' });
		return scripts;
	}
	const isRealtime = (text: string) => text.includes('phx_join');
	const isYjs = (text: string) => text.includes('Yjs was already imported');

	for (const path of ['/', `/${EVENT}/indicators`, '/sign-in']) {
		test(`${path} loads neither Realtime nor Yjs`, async ({ page }) => {
			const scripts = await scriptsOf(page, path);
			expect(scripts.length).toBeGreaterThan(0);
			expect(scripts.filter(({ text }) => isRealtime(text) || isYjs(text)).map(({ url }) => url)).toEqual([]);
		});
	}

	test('the live programme fetches Realtime only after it is interactive, and no Yjs', async ({ page }) => {
		const requestedAt = new Map<string, number>();
		page.on('request', (request) => requestedAt.set(request.url(), Date.now()));
		const scripts = await scriptsOf(page, `/${EVENT}/programme`);
		const realtime = scripts.filter(({ text }) => isRealtime(text));
		expect(realtime).toHaveLength(1);
		expect(scripts.filter(({ text }) => isYjs(text))).toEqual([]);
		const hydratedAt = await page.evaluate(() => {
			const mark = performance.getEntriesByName('accord:hydrated')[0];
			return mark ? performance.timeOrigin + mark.startTime : null;
		});
		expect(hydratedAt).not.toBeNull();
		expect(requestedAt.get(realtime[0]!.url)).toBeGreaterThanOrEqual(Math.floor(hydratedAt!));
	});
});
