// Start-up and hosting of the local stack: a broken migration stops it with file and
// line (library and CLI), the CLI prints what `supabase status` prints and stops cleanly
// on SIGTERM, and a stack mounted in another server claims only its own paths.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IN_MEMORY, serveLocalStack, startLocalStack } from '../../supabase/local/index.ts';
import { MigrationError } from '../../supabase/local/migrate.ts';
import { createScratchDatabase, fixtureDir, remoteProject } from './helpers/stack.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const node = path.join(repo, 'node_modules', '.bin', 'node');
const local = remoteProject() ? describe.skip : describe;

async function databaseOptions(): Promise<{ databaseUrl?: string; dataDir?: string; drop(): Promise<void> }> {
	if (!process.env.DATABASE_URL) return { dataDir: IN_MEMORY, drop: async () => undefined };
	const scratch = await createScratchDatabase(process.env.DATABASE_URL);
	return { databaseUrl: scratch.url, drop: scratch.drop };
}

interface CliRun {
	output(): string;
	exited: Promise<number | null>;
	kill(signal: NodeJS.Signals): void;
}

function runCli(args: string[]): CliRun {
	const child = spawn(node, ['supabase/local/cli.ts', ...args], {
		cwd: repo,
		env: { ...process.env, DATABASE_URL: '' }
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return {
		output: () => output,
		exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
		kill: (signal) => child.kill(signal)
	};
}

local('local stack start-up', () => {
	it('a failing migration stops start-up with its file and line', async () => {
		const db = await databaseOptions();
		try {
			const started = startLocalStack({ ...db, workdir: fixtureDir('broken-migration'), log: () => undefined });
			await expect(started).rejects.toBeInstanceOf(MigrationError);
			const error = (await started.catch((e: unknown) => e)) as MigrationError;
			expect(path.basename(error.file)).toBe('20260101000100_broken.sql');
			expect(error.line).toBe(4);
			expect(error.message).toContain('20260101000100_broken.sql:4');
			expect(error.message).toContain('no_such_table');
		} finally {
			await db.drop();
		}
	});

	it('the CLI refuses to start on a broken migration and names file and line', async () => {
		const cli = runCli(['--port', '0', '--data-dir', ':memory:', '--workdir', fixtureDir('broken-migration')]);
		expect(await cli.exited).toBe(1);
		expect(cli.output()).toMatch(/Migration failed at .*20260101000100_broken\.sql:4/);
	});

	it('the CLI prints the API URL and keys, serves /rest/v1, and stops on SIGTERM', async () => {
		const cli = runCli(['--port', '0', '--data-dir', ':memory:', '--workdir', fixtureDir('rest-project')]);
		try {
			await expect.poll(() => cli.output(), { timeout: 60_000, interval: 200 }).toContain('service_role key:');
			const url = /API URL: (\S+)/.exec(cli.output())?.[1];
			const anonKey = /anon key: (\S+)/.exec(cli.output())?.[1];
			expect(cli.output()).toMatch(/JWT secret: \S+/);
			expect(cli.output()).toContain('DB kind: pglite');
			const response = await fetch(`${url}/rest/v1/countries?select=code&id=eq.3`, {
				headers: { apikey: anonKey ?? '' }
			});
			expect(await response.json()).toEqual([{ code: 'KE' }]);
			cli.kill('SIGTERM');
			expect(await cli.exited).toBe(0);
		} finally {
			cli.kill('SIGKILL');
		}
	});

	it('an unexpected failure is a logged 500 with a JSON body, and the server stays up', async () => {
		const db = await databaseOptions();
		const logged: string[] = [];
		const stack = await serveLocalStack({
			...db,
			port: 0,
			workdir: fixtureDir('rest-project'),
			log: (message) => logged.push(message)
		});
		try {
			// The database going away under a running stack is the failure nobody handles in SQL.
			await stack.db.close();
			const response = await fetch(`${stack.url}/rest/v1/countries?select=code`, {
				headers: { apikey: stack.anonKey }
			});
			expect(response.status).toBeGreaterThanOrEqual(500);
			const body = (await response.json()) as { code: string; message: string };
			expect(body.code).toMatch(/^(XX000|PGRST000)$/);
			expect(JSON.stringify(body)).not.toMatch(/ at .*\.ts:\d+/);
			expect(logged.filter((line) => line.startsWith('[rest]'))).toHaveLength(1);
			const again = await fetch(`${stack.url}/rest/v1/countries?select=code`, { headers: { apikey: stack.anonKey } });
			expect(again.status).toBeGreaterThanOrEqual(500);
		} finally {
			await stack.close().catch(() => undefined);
			await db.drop();
		}
	});

	it('mounted in another server, it claims only its own paths', async () => {
		const db = await databaseOptions();
		const stack = await startLocalStack({ ...db, workdir: fixtureDir('rest-project'), log: () => undefined });
		const server = createServer((req, res) => {
			if (stack.handleRequest(req, res)) return;
			res.writeHead(200, { 'content-type': 'text/plain' }).end('the app');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			expect(await (await fetch(`${base}/programme`)).text()).toBe('the app');
			expect(await (await fetch(`${base}/rest/v1x`)).text()).toBe('the app');
			const rest = await fetch(`${base}/rest/v1/countries?select=code&id=eq.1`, { headers: { apikey: stack.anonKey } });
			expect(await rest.json()).toEqual([{ code: 'MD' }]);
		} finally {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await stack.close();
			await db.drop();
		}
	});
});
