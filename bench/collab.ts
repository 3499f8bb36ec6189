// npm run bench:collab — the collab server under a conference load, against a bare
// @y/websocket-server measured in the same run. One document, N connections, 10 writers
// typing 5 keystrokes/s each with live cursors, all on loopback. Prints a table and, as
// its last line, one JSON object with the figures and the accord/bare ratios.
// Figures, not tests: see bench/README.md.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_JWT_SECRET, signJwt } from '../supabase/local/jwt.ts';
import type { ReadyMessage } from './lib/collab-server.ts';
import type { SendTimes, Tally } from './lib/load.ts';
import { BenchClient, BenchWriter } from './lib/load.ts';

const SIZES = (process.env.BENCH_SIZES ?? '50,200,500').split(',').map(Number);
const WRITERS = 10;
const KEYSTROKES_PER_SECOND = 5;
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const DRAIN_SECONDS = 2;
const CONNECT_CONCURRENCY = 25;
const BIG_DOC_BYTES = 1024 * 1024;
const REPEATS_AT_LARGEST = Number(process.env.BENCH_REPEATS ?? 3);

type Kind = 'bare' | 'accord';

interface ServerHandle {
	child: ChildProcess;
	ready: ReadyMessage;
	/** Resident memory and CPU time used so far by the server process. */
	usage(): Promise<{ rss: number; cpuMs: number }>;
	stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer(kind: Kind, extraEnv: Record<string, string> = {}): Promise<ServerHandle> {
	const child = spawn(
		path.join(repoRoot, 'node_modules/.bin/node'),
		[
			'--expose-gc',
			...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
			path.join(repoRoot, 'bench/lib/collab-server.ts')
		],
		{
			cwd: repoRoot,
			env: { ...process.env, BENCH_KIND: kind, BENCH_USERS: String(Math.max(...SIZES) + 20), ...extraEnv },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		}
	);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), 120_000);
		child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
		child.once('message', (message: ReadyMessage) => {
			clearTimeout(timer);
			resolve({
				child,
				ready: message,
				usage: () =>
					new Promise((resolveUsage) => {
						child.once('message', (reply: { rss: number; cpuMs: number }) => resolveUsage(reply));
						child.send({ type: 'rss' });
					}),
				async stop() {
					child.removeAllListeners('exit');
					const exited = new Promise((done) => child.once('exit', done));
					child.kill('SIGTERM');
					await exited;
				}
			});
		});
	});
}

async function tokens(ready: ReadyMessage, count: number): Promise<(string | null)[]> {
	if (ready.userIds.length === 0) return Array.from({ length: count }, () => null);
	return Promise.all(
		ready.userIds
			.slice(0, count)
			.map((sub) => signJwt({ sub, role: 'authenticated', aud: 'authenticated' }, DEFAULT_JWT_SECRET, 3600))
	);
}

async function connectAll(
	url: string,
	tokenList: (string | null)[],
	tally: Tally,
	sendTimes: SendTimes
): Promise<BenchClient[]> {
	const clients: BenchClient[] = [];
	for (let i = 0; i < tokenList.length; i += CONNECT_CONCURRENCY) {
		const batch = tokenList
			.slice(i, i + CONNECT_CONCURRENCY)
			.map((token) => new BenchClient(url, token, tally, sendTimes));
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
	return clients;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface LoadFigures {
	p50Ms: number;
	p99Ms: number;
	updatesPerSecond: number;
	reach: number;
	rssPerConnectionKb: number;
	/** Share of one core the server and the load generator used while measuring. */
	serverCpu: number;
	loadCpu: number;
}

async function runLoad(kind: Kind, size: number): Promise<LoadFigures> {
	const server = await startServer(kind);
	try {
		const url = `ws://127.0.0.1:${server.ready.port}${server.ready.docPath}`;
		const before = await server.usage();
		const tally: Tally = { latencies: [], countFrom: new Map(), delivered: 0, awarenessFrames: 0, recording: false };
		const sendTimes: SendTimes = new Map();
		const clients = await connectAll(url, await tokens(server.ready, size), tally, sendTimes);
		const maxKeystrokes = (WARMUP_SECONDS + MEASURE_SECONDS + 1) * KEYSTROKES_PER_SECOND;
		const writers = clients.slice(0, WRITERS).map((client) => new BenchWriter(client, sendTimes, maxKeystrokes));
		const timers: NodeJS.Timeout[] = [];
		const interval = 1000 / KEYSTROKES_PER_SECOND;
		writers.forEach((writer, i) => {
			// Staggered so the ten writers do not type in lockstep.
			timers.push(setTimeout(() => timers.push(setInterval(() => writer.type(), interval)), (i * interval) / WRITERS));
		});
		await sleep(WARMUP_SECONDS * 1000);
		const startClock = new Map(writers.map((w) => [w, w.keystrokes]));
		for (const writer of writers) tally.countFrom.set(writer.clientId, writer.keystrokes);
		tally.recording = true;
		const started = performance.now();
		const serverCpuStart = (await server.usage()).cpuMs;
		const loadCpuStart = process.cpuUsage();
		await sleep(MEASURE_SECONDS * 1000);
		for (const timer of timers) clearInterval(timer);
		const elapsed = (performance.now() - started) / 1000;
		const serverCpuMs = (await server.usage()).cpuMs - serverCpuStart;
		const loadCpu = process.cpuUsage(loadCpuStart);
		const sent = writers.reduce((sum, w) => sum + w.keystrokes - startClock.get(w)!, 0);
		await sleep(DRAIN_SECONDS * 1000);
		tally.recording = false;
		const after = await server.usage();
		for (const client of clients) client.close();
		const expected = sent * size;
		tally.latencies.sort((a, b) => a - b);
		return {
			p50Ms: round(percentile(tally.latencies, 50)),
			p99Ms: round(percentile(tally.latencies, 99)),
			updatesPerSecond: Math.round(tally.delivered / elapsed),
			reach: round(expected === 0 ? 0 : tally.delivered / expected, 4),
			rssPerConnectionKb: round((after.rss - before.rss) / size / 1024),
			serverCpu: round(serverCpuMs / 1000 / elapsed, 2),
			loadCpu: round((loadCpu.user + loadCpu.system) / 1e6 / elapsed, 2)
		};
	} finally {
		await server.stop();
	}
}

interface SyncFigures {
	warmMs: number;
	coldMs: number | null;
}

async function runBigSync(kind: Kind): Promise<SyncFigures> {
	const server = await startServer(kind, { BENCH_IDLE_UNLOAD_MS: '300' });
	try {
		const url = `ws://127.0.0.1:${server.ready.port}${server.ready.bigDocPath}`;
		const [writerToken, readerToken] = await tokens(server.ready, 2);
		const tally: Tally = { latencies: [], countFrom: new Map(), delivered: 0, awarenessFrames: 0, recording: false };
		const sendTimes: SendTimes = new Map();
		const [writerClient] = await connectAll(url, [writerToken ?? null], tally, sendTimes);
		const writer = new BenchWriter(writerClient!, sendTimes, 1);
		writer.fill(BIG_DOC_BYTES);
		// The document is complete on the server once a fresh reader receives all of it.
		const probeTally: Tally = { ...tally, countFrom: new Map() };
		for (;;) {
			const [probe] = await connectAll(url, [readerToken ?? null], probeTally, new Map());
			probe!.close();
			await sleep(100);
			const check = new BenchClient(url, readerToken ?? null, probeTally, new Map());
			const size = await syncedSize(check);
			if (size >= BIG_DOC_BYTES) break;
			await sleep(200);
		}
		const measure = async () => {
			const reader = new BenchClient(url, readerToken ?? null, tally, new Map());
			const ms = await reader.synced;
			reader.close();
			return ms;
		};
		const warmRuns = [await measure(), await measure(), await measure()].sort((a, b) => a - b);
		let coldMs: number | null = null;
		if (kind === 'accord') {
			writerClient!.close();
			await sleep(1_500);
			coldMs = round(await measure());
		}
		writerClient!.close();
		return { warmMs: round(warmRuns[1]!), coldMs };
	} finally {
		await server.stop();
	}
}

/** Bytes of text a fresh client receives in its sync step 2. */
function syncedSize(client: BenchClient): Promise<number> {
	return new Promise((resolve) => {
		client.ws.once('message', () => undefined);
		client.ws.on('message', (data: Buffer) => {
			if (data[0] === 0 && data[1] === 1) {
				client.close();
				resolve(data.length);
			}
		});
	});
}

/** Per-figure median over repeated runs: the machine is shared, single runs are noisy. */
function medianFigures(runs: LoadFigures[]): LoadFigures {
	const median = (pick: (f: LoadFigures) => number) => {
		const values = runs.map(pick).sort((a, b) => a - b);
		return values[Math.floor(values.length / 2)]!;
	};
	return {
		p50Ms: median((f) => f.p50Ms),
		p99Ms: median((f) => f.p99Ms),
		updatesPerSecond: median((f) => f.updatesPerSecond),
		reach: median((f) => f.reach),
		rssPerConnectionKb: median((f) => f.rssPerConnectionKb),
		serverCpu: median((f) => f.serverCpu),
		loadCpu: median((f) => f.loadCpu)
	};
}

const largestSize = Math.max(...SIZES);
const results: Record<Kind, Record<number, LoadFigures>> = { bare: {}, accord: {} };
const sync: Partial<Record<Kind, SyncFigures>> = {};
for (const size of SIZES) {
	const repeats = size === largestSize ? REPEATS_AT_LARGEST : 1;
	const runs: Record<Kind, LoadFigures[]> = { bare: [], accord: [] };
	// Interleaved, so a burst of load from elsewhere on the machine hits both servers alike.
	for (let repeat = 0; repeat < repeats; repeat++) {
		for (const kind of ['bare', 'accord'] as const) {
			const f = await runLoad(kind, size);
			runs[kind].push(f);
			console.log(
				`${kind.padEnd(6)} N=${String(size).padStart(3)}  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  ${f.updatesPerSecond} updates/s  reach ${f.reach}  RSS/conn ${f.rssPerConnectionKb} KB  CPU server ${f.serverCpu} load ${f.loadCpu}`
			);
		}
	}
	results.bare[size] = medianFigures(runs.bare);
	results.accord[size] = medianFigures(runs.accord);
}
for (const kind of ['bare', 'accord'] as const) {
	sync[kind] = await runBigSync(kind);
	console.log(
		`${kind.padEnd(6)} 1 MB sync: ${sync[kind]!.warmMs} ms in memory${sync[kind]!.coldMs === null ? '' : `, ${sync[kind]!.coldMs} ms loaded from the database`}`
	);
}

const largest = largestSize;
const ratios = {
	throughput: round(results.accord[largest]!.updatesPerSecond / results.bare[largest]!.updatesPerSecond, 3),
	p99: round(results.accord[largest]!.p99Ms / results.bare[largest]!.p99Ms, 3)
};
const verdict = { throughputAtLeast0_8: ratios.throughput >= 0.8, p99AtMost1_5: ratios.p99 <= 1.5 };
console.log(
	`at N=${largest}: throughput ${ratios.throughput}× bare (target ≥ 0.8), p99 ${ratios.p99}× bare (target ≤ 1.5)`
);
console.log(
	JSON.stringify({
		benchmark: 'collab',
		loadAverage: loadavg().map((v) => round(v, 2)),
		repeatsAtLargestN: REPEATS_AT_LARGEST,
		writers: WRITERS,
		keystrokesPerSecond: KEYSTROKES_PER_SECOND,
		measureSeconds: MEASURE_SECONDS,
		results,
		sync1MB: sync,
		ratiosAtLargestN: ratios,
		targetsMet: verdict
	})
);
