// npm run bench:draft — the Call to Action's draft page with a conference-length text (a
// generated 40-page document, ~25,000 words across en/ro/ru) next to an EMPTY document,
// both measured in the same run on `npm start`'s server (in-memory database, the seeded
// event): for a delegate joining in headless Chromium (cold cache, a fresh context per
// load), when the server-rendered text paints, when the editor is editable with the text in
// it, the JavaScript it downloads (eager without the editor / the editor / everything) and
// the page's JS heap; then 50 delegates typing into each document through the collab
// endpoint (y-websocket protocol, signed tokens): keystroke-to-other-screens latency.
// Figures, not tests: see bench/README.md.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Request } from '@playwright/test';
import * as Y from 'yjs';
import { buildIfNeeded } from '../scripts/build-if-needed.ts';
import { TEXT_FIELD } from '../src/lib/server/cta/yjs-blocks.ts';
import { DEFAULT_JWT_SECRET, signJwt } from '../supabase/local/jwt.ts';
import { EVENT_ID, SLUG, admin, newDocument, writeBlocks } from '../tests/support/call-to-action-scene.ts';
import {
	VENUE_WIFI,
	firstContentfulPaint,
	jsGzipBytes,
	kib,
	launchChromium,
	median,
	repoRoot,
	startAccord,
	stop
} from './lib/browser-bench.ts';
import { draftText } from './lib/draft-text.ts';
import { BenchClient, BenchWriter, type SendTimes, type Tally } from './lib/load.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4322);
const BASE = `http://localhost:${PORT}`;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const THROTTLED_SAMPLES = Number(process.env.BENCH_THROTTLED_SAMPLES ?? 3);
const SECTIONS = 40;
const PARAGRAPH_WORDS = 55;
const DELEGATE = 'delegate.ba.1@accord.test';
const TYPISTS = 50;
const KEYSTROKES_PER_SECOND = 3;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DRAIN_SECONDS = 2;
const TARGET_EDITABLE_RATIO = 2;
const TARGET_EAGER_JS_GZIP = 60 * 1024;

type DocKind = 'empty' | 'large';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The scripts only the editor needs: the CtaEditor chunk and everything it imports,
 * statically or dynamically, less what any page entry imports statically (those load
 * with the page anyway). From the build's Vite manifest.
 */
function editorOnlyScripts(): Set<string> {
	type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
	const manifest = JSON.parse(
		readFileSync(path.join(repoRoot, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, Chunk>;
	const closure = (roots: string[], follow: (chunk: Chunk) => string[]) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key) || !manifest[key]) return;
			seen.add(key);
			for (const next of follow(manifest[key])) visit(next);
		};
		roots.forEach(visit);
		return seen;
	};
	const editor = closure(['src/lib/components/cta/CtaEditor.svelte'], (c) => [
		...(c.imports ?? []),
		...(c.dynamicImports ?? [])
	]);
	if (editor.size === 0) throw new Error('CtaEditor is not in the build manifest');
	const eager = closure(
		Object.keys(manifest).filter((key) => manifest[key]!.isEntry),
		(c) => c.imports ?? []
	);
	return new Set([...editor].filter((key) => !eager.has(key)).map((key) => manifest[key]!.file));
}

/** A delegate's signed-in browser state, through a one-time link as a printed demo link works. */
async function delegateSession(browser: Browser): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
	const { data, error } = await (await admin(BASE)).auth.admin.generateLink({ type: 'magiclink', email: DELEGATE });
	if (error) throw error;
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${BASE}/auth/confirm?token_hash=${data.properties.hashed_token}&type=magiclink&next=/${SLUG}`);
		if (!(await context.cookies()).some((cookie) => cookie.name.includes('auth-token'))) {
			throw new Error(`signing ${DELEGATE} in failed (at ${page.url()})`);
		}
		return await context.storageState();
	} finally {
		await context.close();
	}
}

interface JoinSample {
	/** First contentful paint: the server-rendered text (checked to be in the HTML). */
	textVisibleMs: number;
	/** When the page asked for the editor's chunk. */
	editorRequestedMs: number;
	/** When the editor was editable (contenteditable) with the document's last words in it. */
	editableMs: number;
	htmlWireBytes: number;
	eagerJsGzipBytes: number;
	editorJsGzipBytes: number;
	totalJsGzipBytes: number;
	jsHeapBytes: number;
}

async function join(
	browser: Browser,
	session: Awaited<ReturnType<BrowserContext['storageState']>>,
	url: string,
	marks: { first: string | null; last: string | null },
	editorScripts: Set<string>,
	throttled: boolean
): Promise<JoinSample> {
	const context = await browser.newContext({ storageState: session, viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		if (throttled) await cdp.send('Network.emulateNetworkConditions', VENUE_WIFI);
		// Watches the DOM from the first byte: the moment the live editor is shown, editable,
		// holding the document's last words (its own rendering of the Yjs text, not the server's).
		await page.addInitScript((last: string | null) => {
			const found = () => {
				const host = document.querySelector<HTMLElement>('[data-testid="live-editor"]');
				if (!host || host.hidden) return false;
				const editable = host.querySelector('[contenteditable="true"]');
				return editable !== null && (last === null || (editable.textContent ?? '').includes(last));
			};
			new MutationObserver((_, observer) => {
				if (!found()) return;
				(window as unknown as { editableAt: number }).editableAt = performance.now();
				observer.disconnect();
			}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
		}, marks.last);

		const requested: Request[] = [];
		page.on('request', (request) => requested.push(request));
		const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
		if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
		const html = await response.text();
		if (marks.first !== null && !html.includes(marks.first)) throw new Error('the text is not in the page HTML');
		await page.waitForFunction(() => 'editableAt' in window, undefined, { timeout: 120_000, polling: 50 });
		await page.waitForLoadState('networkidle');
		const timing = await page.evaluate(() => {
			const mark = performance.getEntriesByName('accord:hydrated')[0];
			return {
				timeOrigin: performance.timeOrigin,
				hydratedAt: mark ? performance.timeOrigin + mark.startTime : Number.POSITIVE_INFINITY,
				editableMs: (window as unknown as { editableAt: number }).editableAt
			};
		});
		const textVisibleMs = await firstContentfulPaint(page);
		const isEditor = (request: Request) => editorScripts.has(new URL(request.url()).pathname.replace(/^\//, ''));
		const editorRequest = requested.find(isEditor);
		const scripts = (
			await Promise.all(
				requested.map(async (request) => {
					const gzipBytes = await jsGzipBytes(await request.response());
					if (gzipBytes === undefined) return undefined;
					const kind = isEditor(request)
						? 'editor'
						: request.timing().startTime < timing.hydratedAt
							? 'eager'
							: 'deferred';
					return { kind, gzipBytes };
				})
			)
		).filter((script) => script !== undefined);
		const sum = (kind?: string) =>
			scripts.filter((s) => kind === undefined || s.kind === kind).reduce((total, s) => total + s.gzipBytes, 0);

		await cdp.send('HeapProfiler.collectGarbage');
		await cdp.send('Performance.enable');
		const { metrics } = await cdp.send('Performance.getMetrics');
		return {
			textVisibleMs,
			editorRequestedMs: editorRequest ? editorRequest.timing().startTime - timing.timeOrigin : NaN,
			editableMs: timing.editableMs,
			htmlWireBytes: (await response.request().sizes()).responseBodySize,
			eagerJsGzipBytes: sum('eager'),
			editorJsGzipBytes: sum('editor'),
			totalJsGzipBytes: sum(),
			jsHeapBytes: metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN
		};
	} finally {
		await context.close();
	}
}

type JoinFigures = { [K in keyof JoinSample]: number };

function medianOf(samples: JoinSample[]): JoinFigures {
	const keys = Object.keys(samples[0]!) as (keyof JoinSample)[];
	return Object.fromEntries(keys.map((key) => [key, Math.round(median(samples.map((s) => s[key])))])) as JoinFigures;
}

interface TypingFigures {
	p50Ms: number;
	p99Ms: number;
	keystrokesPerSecond: number;
	reach: number;
}

/** Delegates of the seeded event who exist only for the benchmark, with collab tokens. */
async function typistTokens(count: number): Promise<string[]> {
	const db = await admin(BASE);
	const userIds: string[] = [];
	for (let i = 0; i < count; i++) {
		const { data, error } = await db.auth.admin.createUser({
			email: `typist.${i}@bench.accord.test`,
			email_confirm: true
		});
		if (error) throw error;
		userIds.push(data.user.id);
	}
	const { error } = await db
		.from('members')
		.insert(
			userIds.map((user_id, i) => ({ event_id: EVENT_ID, user_id, role: 'delegate', display_name: `Typist ${i + 1}` }))
		);
	if (error) throw error;
	const secret = process.env.SUPABASE_JWT_SECRET || DEFAULT_JWT_SECRET;
	return Promise.all(userIds.map((sub) => signJwt({ sub, role: 'authenticated', aud: 'authenticated' }, secret, 3600)));
}

/** Each typist types at the end of its own paragraph: `paragraphFor` finds or makes it. */
async function typing(
	documentId: string,
	tokens: string[],
	paragraphFor: (doc: Y.Doc, typist: number) => Y.XmlText
): Promise<TypingFigures> {
	const url = `${BASE.replace(/^http/, 'ws')}/collab/${encodeURIComponent(`cta:${documentId}:en`)}`;
	const tally: Tally = { latencies: [], countFrom: new Map(), delivered: 0, awarenessFrames: 0, recording: false };
	const sendTimes: SendTimes = new Map();
	const clients: BenchClient[] = [];
	for (let i = 0; i < tokens.length; i += 10) {
		const batch = tokens.slice(i, i + 10).map((token) => new BenchClient(url, token, tally, sendTimes, new Y.Doc()));
		await Promise.all(
			batch.map((client) =>
				Promise.race([
					client.synced,
					client.closed.then((c) => Promise.reject(new Error(`refused: ${c.code} ${c.reason}`)))
				])
			)
		);
		clients.push(...batch);
	}
	const maxKeystrokes = (WARMUP_SECONDS + MEASURE_SECONDS + 1) * KEYSTROKES_PER_SECOND;
	const writers = clients.map((client, i) => {
		const writer = new BenchWriter(client, sendTimes, maxKeystrokes, (doc) => paragraphFor(doc, i));
		client.ownClientId = writer.clientId;
		return writer;
	});
	const timers: NodeJS.Timeout[] = [];
	const interval = 1000 / KEYSTROKES_PER_SECOND;
	writers.forEach((writer, i) => {
		// Staggered so the typists do not type in lockstep.
		timers.push(setTimeout(() => timers.push(setInterval(() => writer.type(), interval)), (i * interval) / TYPISTS));
	});
	await sleep(WARMUP_SECONDS * 1000);
	const startClock = new Map(writers.map((w) => [w, w.keystrokes]));
	for (const writer of writers) tally.countFrom.set(writer.clientId, writer.keystrokes);
	tally.recording = true;
	const started = performance.now();
	await sleep(MEASURE_SECONDS * 1000);
	for (const timer of timers) clearInterval(timer);
	const elapsed = (performance.now() - started) / 1000;
	const sent = writers.reduce((sum, w) => sum + w.keystrokes - startClock.get(w)!, 0);
	await sleep(DRAIN_SECONDS * 1000);
	tally.recording = false;
	for (const client of clients) client.close();
	const sorted = tally.latencies.sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
	return {
		p50Ms: round(at(50)),
		p99Ms: round(at(99)),
		keystrokesPerSecond: Math.round(sent / elapsed),
		reach: round(sent === 0 ? 0 : tally.delivered / (sent * (tokens.length - 1)), 4)
	};
}

/** The XmlText of the top-level paragraph at `index` (one unformatted run). */
function existingParagraph(doc: Y.Doc, index: number): Y.XmlText {
	const element = doc.getXmlFragment(TEXT_FIELD).get(index);
	const text = element instanceof Y.XmlElement ? element.get(0) : undefined;
	if (!(text instanceof Y.XmlText)) throw new Error(`block ${index} is not a paragraph of text`);
	return text;
}

/** A new paragraph of the typist's own at the end of the document. */
function newParagraph(doc: Y.Doc, typist: number): Y.XmlText {
	const fragment = doc.getXmlFragment(TEXT_FIELD);
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.setAttribute('id', `typist-${typist}`);
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	fragment.insert(fragment.length, [paragraph]);
	return text;
}

// ——— the run ———

console.log('Building the app (if needed)…');
buildIfNeeded();
const editorScripts = editorOnlyScripts();
const started = performance.now();
const server = await startAccord(PORT);
let browser: Browser | undefined;
try {
	const draft = draftText(SECTIONS, PARAGRAPH_WORDS);
	const totalWords = draft.words.en + draft.words.ro + draft.words.ru;
	const docs: Record<DocKind, string> = {
		empty: await newDocument(BASE, 'Benchmark: empty draft'),
		large: await newDocument(BASE, 'Benchmark: 40-page draft')
	};
	for (const lang of ['en', 'ro', 'ru'] as const) await writeBlocks(BASE, docs.large, lang, draft.languages[lang]);
	const blockText = (index: number) =>
		(draft.languages.en[index]!.content ?? [])
			.flatMap((node) => node.content ?? [node])
			.map((node) => node.text ?? '')
			.join('');
	const marks: Record<DocKind, { first: string | null; last: string | null }> = {
		empty: { first: null, last: null },
		large: { first: blockText(0), last: blockText(draft.languages.en.length - 2) }
	};
	console.log(
		`Documents: empty, and ${draft.languages.en.length} blocks × 3 languages, ${totalWords} words (en ${draft.words.en}, ro ${draft.words.ro}, ru ${draft.words.ru})`
	);

	browser = await launchChromium();
	const session = await delegateSession(browser);
	const url = (kind: DocKind) => `${BASE}/${SLUG}/call-to-action/${docs[kind]}?lang=en`;
	// Warm the server (SSR paths, the documents loaded into the collab server's memory).
	for (const kind of ['empty', 'large'] as const) {
		await join(browser, session, url(kind), marks[kind], editorScripts, false);
	}

	const samples: Record<DocKind, { plain: JoinSample[]; throttled: JoinSample[] }> = {
		empty: { plain: [], throttled: [] },
		large: { plain: [], throttled: [] }
	};
	// Interleaved, so a burst of load from elsewhere on the machine hits both alike.
	for (let i = 0; i < Math.max(SAMPLES, THROTTLED_SAMPLES); i++) {
		for (const kind of ['empty', 'large'] as const) {
			if (i < SAMPLES) {
				samples[kind].plain.push(await join(browser, session, url(kind), marks[kind], editorScripts, false));
			}
			if (i < THROTTLED_SAMPLES) {
				samples[kind].throttled.push(await join(browser, session, url(kind), marks[kind], editorScripts, true));
			}
		}
	}
	await browser.close();
	browser = undefined;
	const pages = {
		empty: {
			loopback: medianOf(samples.empty.plain),
			venueWifi: THROTTLED_SAMPLES ? medianOf(samples.empty.throttled) : null
		},
		large: {
			loopback: medianOf(samples.large.plain),
			venueWifi: THROTTLED_SAMPLES ? medianOf(samples.large.throttled) : null
		}
	};

	const tokens = await typistTokens(TYPISTS);
	const typingFigures: Record<DocKind, TypingFigures> = {
		empty: await typing(docs.empty, tokens, newParagraph),
		large: await typing(docs.large, tokens, (doc, typist) =>
			existingParagraph(doc, draft.plainParagraphs[typist % draft.plainParagraphs.length]!.index)
		)
	};

	const ms = (value: number) => `${value} ms`;
	console.log(
		`\njoining delegate, median of ${SAMPLES} cold loads (loopback) and ${THROTTLED_SAMPLES} on venue Wi-Fi (1 Mbit/s, 300 ms RTT)`
	);
	console.log(
		'document  link        text visible  editor asked  editable   HTML on wire  eager JS   editor JS  total JS   JS heap'
	);
	for (const kind of ['empty', 'large'] as const) {
		for (const link of ['loopback', 'venueWifi'] as const) {
			const f = pages[kind][link];
			if (!f) continue;
			console.log(
				`${kind.padEnd(9)} ${link.padEnd(10)}  ${ms(f.textVisibleMs).padStart(12)}  ${ms(f.editorRequestedMs).padStart(12)}  ${ms(f.editableMs).padStart(8)}  ${kib(f.htmlWireBytes).padStart(12)}  ${kib(f.eagerJsGzipBytes).padStart(9)}  ${kib(f.editorJsGzipBytes).padStart(9)}  ${kib(f.totalJsGzipBytes).padStart(9)}  ${(f.jsHeapBytes / 2 ** 20).toFixed(1).padStart(5)} MiB`
			);
		}
	}
	console.log(`\n${TYPISTS} delegates typing ${KEYSTROKES_PER_SECOND} keystrokes/s each for ${MEASURE_SECONDS} s`);
	for (const kind of ['empty', 'large'] as const) {
		const f = typingFigures[kind];
		console.log(
			`${kind.padEnd(6)} keystroke → other screens p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  (${f.keystrokesPerSecond} keystrokes/s, reach ${f.reach})`
		);
	}

	const large = pages.large.loopback;
	const editableRatio = round(large.editableMs / pages.empty.loopback.editableMs, 2);
	const throttledLarge = pages.large.venueWifi;
	const targets = {
		textBeforeEditor:
			large.textVisibleMs < large.editorRequestedMs &&
			(throttledLarge === null || throttledLarge.textVisibleMs < throttledLarge.editorRequestedMs),
		editableWithin2x: editableRatio <= TARGET_EDITABLE_RATIO,
		eagerJsWithinBudget: large.eagerJsGzipBytes <= TARGET_EAGER_JS_GZIP
	};
	console.log(
		`\ntargets: text visible before the editor is asked for ${targets.textBeforeEditor ? 'met' : 'MISSED'}; ` +
			`editable ${editableRatio}× the empty document (≤ ${TARGET_EDITABLE_RATIO}) ${targets.editableWithin2x ? 'met' : 'MISSED'}; ` +
			`eager JS without the editor ${kib(large.eagerJsGzipBytes)} (≤ ${kib(TARGET_EAGER_JS_GZIP)}) ${targets.eagerJsWithinBudget ? 'met' : 'MISSED'}`
	);
	console.log(
		JSON.stringify({
			benchmark: 'draft',
			editableRatio,
			eagerJsGzipBytes: large.eagerJsGzipBytes,
			textVisibleMs: large.textVisibleMs,
			editableMs: large.editableMs,
			samples: SAMPLES,
			throttledSamples: THROTTLED_SAMPLES,
			words: { ...draft.words, total: totalWords },
			blocksPerLanguage: draft.languages.en.length,
			pages,
			typing: { typists: TYPISTS, keystrokesPerSecond: KEYSTROKES_PER_SECOND, ...typingFigures },
			targets: { editableRatio: TARGET_EDITABLE_RATIO, eagerJsGzipBytes: TARGET_EAGER_JS_GZIP },
			targetsMet: targets,
			loadAverage: loadavg().map((v) => round(v, 2)),
			runSeconds: Math.round((performance.now() - started) / 1000)
		})
	);
} finally {
	await browser?.close();
	await stop(server);
}
