// What the browser benchmarks share: starting a server process the way `npm start` runs
// (the built app), headless Chromium with the flags the machine needs, the paint timing,
// the JavaScript weight of a response, and the median.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const node = path.join(repoRoot, 'node_modules/.bin/node');

/** "Venue Wi-Fi" for Network.emulateNetworkConditions: 1 Mbit/s each way, 300 ms round trip. */
export const VENUE_WIFI = { offline: false, latency: 300, downloadThroughput: 125_000, uploadThroughput: 125_000 };

/** Starts a server process and resolves, with what it printed, once `ready` matches. */
export async function startProcess(
	args: string[],
	env: Record<string, string>,
	ready: RegExp
): Promise<{ child: ChildProcess; printed: string }> {
	const child = spawn(node, args, {
		cwd: repoRoot,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	child.stdout!.setEncoding('utf8');
	await new Promise<void>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
		child.stdout!.on('data', (chunk: string) => {
			output += chunk;
			if (ready.test(output)) resolve();
		});
	});
	child.stdout!.resume();
	return { child, printed: output };
}

/** `npm start`'s server (already built) on an in-memory database: the seeded demo event. */
export async function startAccord(port: number): Promise<ChildProcess> {
	const { child } = await startProcess(
		['scripts/start.ts', '--no-build'],
		{ PORT: String(port), HOST: '127.0.0.1', ACCORD_DATA_DIR: 'memory', ORIGIN: `http://localhost:${port}` },
		/Accord is running at/
	);
	return child;
}

export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	child.kill('SIGTERM');
	await once(child, 'exit');
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu']
	});
}

/** First contentful paint of the page's current document, ms after navigation start. */
export function firstContentfulPaint(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const paint = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
				const now = paint();
				if (now !== undefined) return resolve(now);
				new PerformanceObserver(() => {
					const later = paint();
					if (later !== undefined) resolve(later);
				}).observe({ type: 'paint', buffered: true });
			})
	);
}

/** Gzipped size (level 9) of a JavaScript response, or undefined for anything else: what it weighs however it was sent. */
export async function jsGzipBytes(response: Response | null): Promise<number | undefined> {
	if (!response?.headers()['content-type']?.includes('javascript')) return undefined;
	return gzipSync(await response.body(), { level: 9 }).length;
}

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
