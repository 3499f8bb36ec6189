// npm run bench:pages — what a delegate's phone downloads and how soon it paints, per
// main page, next to a bare SvelteKit page (bench/pages-bare) measured in the same run.
// Cold cache every time (a fresh browser context), headless Chromium, two links: the
// loopback as it is, and "venue Wi-Fi" (1 Mbit/s each way, 300 ms round trip) through
// the DevTools protocol. Figures, not tests: see bench/README.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Request } from '@playwright/test';
import { buildIfNeeded } from '../scripts/build-if-needed.ts';
import {
	VENUE_WIFI,
	firstContentfulPaint,
	jsGzipBytes,
	kib,
	launchChromium,
	median,
	node,
	repoRoot,
	startAccord,
	startProcess,
	stop
} from './lib/browser-bench.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const EVENT = 'social-workforce-2018';
const PAGES: Record<string, string> = {
	home: '/',
	programme: `/${EVENT}/programme`,
	indicators: `/${EVENT}/indicators`,
	callToAction: `/${EVENT}/call-to-action`,
	signIn: '/sign-in'
};
/** Pages that only read: the eager JavaScript budget applies to these. */
const READ_ONLY = ['home', 'programme', 'indicators'];
const TARGET_EAGER_JS_GZIP = 40 * 1024;
const TARGET_FCP_THROTTLED_RATIO = 1.5;

interface Sample {
	eagerJsGzipBytes: number;
	eagerJsRequests: number;
	deferredJsGzipBytes: number;
	htmlWireBytes: number;
	requests: number;
	fcpMs: number;
}

interface Figures {
	eagerJsGzipBytes: number;
	eagerJsRequests: number;
	deferredJsGzipBytes: number;
	htmlWireBytes: number;
	requests: number;
	fcpMs: number;
	fcpThrottledMs: number;
}

function buildBaseline(): void {
	const vite = path.join(repoRoot, 'node_modules/.bin/vite');
	const run = spawnSync(node, [vite, 'build'], { cwd: path.join(repoRoot, 'bench/pages-bare'), stdio: 'inherit' });
	if (run.status !== 0) throw new Error('building the bare SvelteKit baseline failed');
}

async function measure(browser: Browser, url: string, throttled: boolean): Promise<Sample> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		if (throttled) await cdp.send('Network.emulateNetworkConditions', VENUE_WIFI);

		// Eager: the scripts the page asks for until it is interactive (the root layout marks
		// `accord:hydrated`; the bare page hydrates with everything it loads). Deferred: what
		// it then fetches by itself while opening (Realtime on live pages), nobody touching it.
		const requested: Request[] = [];
		page.on('request', (request) => requested.push(request));
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status()}`);
		await page.waitForLoadState('networkidle');
		const hydratedAt = await page.evaluate(() => {
			const mark = performance.getEntriesByName('accord:hydrated')[0];
			return mark ? performance.timeOrigin + mark.startTime : Number.POSITIVE_INFINITY;
		});
		const { responseBodySize } = await response.request().sizes();
		const fcpMs = await firstContentfulPaint(page);
		const scripts = await Promise.all(
			requested.map(async (request) => {
				const gzipBytes = await jsGzipBytes(await request.response());
				return gzipBytes === undefined ? undefined : { eager: request.timing().startTime < hydratedAt, gzipBytes };
			})
		);
		const eager = scripts.filter((script) => script?.eager);
		const deferred = scripts.filter((script) => script && !script.eager);
		const total = (list: typeof scripts) => list.reduce((sum, script) => sum + (script?.gzipBytes ?? 0), 0);
		return {
			eagerJsGzipBytes: total(eager),
			eagerJsRequests: eager.length,
			deferredJsGzipBytes: total(deferred),
			htmlWireBytes: responseBodySize,
			requests: requested.length,
			fcpMs
		};
	} finally {
		await context.close();
	}
}

async function figuresFor(browser: Browser, url: string): Promise<Figures> {
	const plain: Sample[] = [];
	const slow: Sample[] = [];
	for (let i = 0; i < SAMPLES; i++) {
		plain.push(await measure(browser, url, false));
		slow.push(await measure(browser, url, true));
	}
	return {
		eagerJsGzipBytes: median(plain.map((s) => s.eagerJsGzipBytes)),
		eagerJsRequests: median(plain.map((s) => s.eagerJsRequests)),
		deferredJsGzipBytes: median(plain.map((s) => s.deferredJsGzipBytes)),
		htmlWireBytes: median(plain.map((s) => s.htmlWireBytes)),
		requests: median(plain.map((s) => s.requests)),
		fcpMs: Math.round(median(plain.map((s) => s.fcpMs))),
		fcpThrottledMs: Math.round(median(slow.map((s) => s.fcpMs)))
	};
}

const ACCORD_PORT = Number(process.env.BENCH_PORT ?? 4381);
console.log('Building the app (if needed) and the bare SvelteKit baseline…');
buildIfNeeded();
buildBaseline();

const accord = await startAccord(ACCORD_PORT);
const { child: bare, printed } = await startProcess(
	['bench/lib/bare-pages-server.ts', 'bench/pages-bare/build', '0'],
	{},
	/ready \d+/
);
const barePort = Number(/ready (\d+)/.exec(printed)![1]);

let browser: Browser | undefined;
try {
	browser = await launchChromium();
	// Warm the servers (SSR code paths, database caches) so the first sample is not an outlier.
	for (const pathname of Object.values(PAGES)) {
		await measure(browser, `http://localhost:${ACCORD_PORT}${pathname}`, false);
	}
	const baseline = await figuresFor(browser, `http://127.0.0.1:${barePort}/`);
	const pages: Record<string, Figures & { fcpThrottledRatio: number }> = {};
	for (const [name, pathname] of Object.entries(PAGES)) {
		const figures = await figuresFor(browser, `http://localhost:${ACCORD_PORT}${pathname}`);
		pages[name] = { ...figures, fcpThrottledRatio: +(figures.fcpThrottledMs / baseline.fcpThrottledMs).toFixed(2) };
	}

	console.log(`\nmedian of ${SAMPLES} cold loads; throttled = 1 Mbit/s, 300 ms RTT`);
	console.log(
		'page           eager JS (gzip)  scripts  deferred JS  HTML on wire  requests  FCP      FCP throttled  ratio'
	);
	const row = (name: string, f: Figures, ratio?: number) =>
		console.log(
			`${name.padEnd(14)} ${kib(f.eagerJsGzipBytes).padStart(15)}  ${String(f.eagerJsRequests).padStart(7)}  ${kib(f.deferredJsGzipBytes).padStart(11)}  ${kib(f.htmlWireBytes).padStart(12)}  ${String(f.requests).padStart(8)}  ${`${f.fcpMs} ms`.padStart(7)}  ${`${f.fcpThrottledMs} ms`.padStart(13)}  ${ratio === undefined ? '' : `${ratio}×`}`
		);
	row('bare SvelteKit', baseline);
	for (const [name, figures] of Object.entries(pages)) row(name, figures, figures.fcpThrottledRatio);
	const readOnlyWithinBudget = READ_ONLY.every((name) => pages[name]!.eagerJsGzipBytes <= TARGET_EAGER_JS_GZIP);
	const fcpWithinTarget = READ_ONLY.every((name) => pages[name]!.fcpThrottledRatio <= TARGET_FCP_THROTTLED_RATIO);
	console.log(
		`\ntargets (read-only pages: ${READ_ONLY.join(', ')}): eager JS ≤ ${kib(TARGET_EAGER_JS_GZIP)} ${readOnlyWithinBudget ? 'met' : 'MISSED'}; ` +
			`throttled FCP ≤ ${TARGET_FCP_THROTTLED_RATIO}× bare ${fcpWithinTarget ? 'met' : 'MISSED'}`
	);
	console.log(
		JSON.stringify({
			bench: 'pages',
			samples: SAMPLES,
			baseline,
			pages,
			targets: { eagerJsGzipBytes: TARGET_EAGER_JS_GZIP, fcpThrottledRatio: TARGET_FCP_THROTTLED_RATIO },
			readOnlyWithinBudget,
			fcpWithinTarget
		})
	);
} finally {
	await browser?.close();
	await Promise.all([stop(accord), stop(bare)]);
}
