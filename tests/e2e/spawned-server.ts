// A server started the way a person starts one (`node scripts/start.ts`, what `npm start`
// runs), with only the environment a test names: no ORIGIN, no HOST, none of the e2e
// server's settings. Its output is kept so a test can read what it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Settings a test must name itself, never inherit from the shell or Playwright. */
const UNINHERITED = [
	'ORIGIN',
	'HOST',
	'PORT',
	'ACCORD_MODE',
	'ACCORD_DATA_DIR',
	'SUPABASE_URL',
	'PUBLIC_SUPABASE_URL',
	'PUBLIC_SUPABASE_ANON_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'SUPABASE_JWT_SECRET',
	'SUPABASE_JWKS_URL',
	'SMTP_URL',
	'SMTP_FROM',
	'DATABASE_URL',
	'REDIS_URL',
	'ACCORD_LOCAL_STACK',
	'ACCORD_OUTBOX'
];

/** Ports beside the e2e server's own (E2E_PORT), so parallel engineers do not collide. */
export function spawnedPort(offset: number): number {
	return Number(process.env.E2E_PORT ?? 4173) + offset;
}

export class SpawnedServer {
	readonly child: ChildProcess;
	output = '';
	readonly exited: Promise<number | null>;
	private waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];

	constructor(env: Record<string, string>, args: string[] = []) {
		const base = { ...process.env };
		for (const name of UNINHERITED) delete base[name];
		this.child = spawn('node_modules/.bin/node', ['scripts/start.ts', ...args], {
			env: { ...base, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const take = (chunk: Buffer) => {
			this.output += chunk.toString();
			this.waiters = this.waiters.filter((waiter) => {
				const match = this.output.match(waiter.pattern);
				if (match) waiter.resolve(match);
				return !match;
			});
		};
		this.child.stdout!.on('data', take);
		this.child.stderr!.on('data', take);
		this.exited = once(this.child, 'exit').then(([code]) => code as number | null);
	}

	/** Resolves when the output matches; rejects if the process ends first. */
	waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
		const match = this.output.match(pattern);
		if (match) return Promise.resolve(match);
		return Promise.race([
			new Promise<RegExpMatchArray>((resolve) => this.waiters.push({ pattern, resolve })),
			this.exited.then((code) => {
				throw new Error(`server exited (${code}) before printing ${pattern}:\n${this.output}`);
			})
		]);
	}

	/** The URL it printed once it listens. */
	async ready(): Promise<string> {
		const [, url] = await this.waitFor(/Accord is running at (\S+)/);
		return url!;
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		this.child.kill('SIGTERM');
		await this.exited;
	}
}
