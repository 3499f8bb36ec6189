// Collab servers as child processes (tests/collab/fixtures/collab-server.ts), so a test
// can SIGKILL one or run two side by side.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { repoRoot } from './schema.ts';

export interface ServerProcess {
	url: string;
	port: number;
	child: ChildProcess;
	/** Resolves with the exit signal or code. */
	exited: Promise<NodeJS.Signals | number | null>;
	stderr(): string;
}

const nodeBinary = path.join(repoRoot, 'node_modules/.bin/node');
const entry = path.join(repoRoot, 'tests/collab/fixtures/collab-server.ts');

export function spawnServer(env: Record<string, string>, startTimeoutMs = 60_000): Promise<ServerProcess> {
	const child = spawn(nodeBinary, [entry], {
		cwd: repoRoot,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
		child.once('exit', (code, signal) => resolve(signal ?? code));
	});
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`collab server did not start in time:\n${stderr}`));
		}, startTimeoutMs);
		void exited.then((status) => {
			clearTimeout(timer);
			reject(new Error(`collab server exited (${String(status)}) before listening:\n${stderr}`));
		});
		const lines = createInterface({ input: child.stdout! });
		lines.once('line', (line) => {
			clearTimeout(timer);
			const { port } = JSON.parse(line) as { port: number };
			resolve({ url: `ws://127.0.0.1:${port}/collab`, port, child, exited, stderr: () => stderr });
		});
	});
}

export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	server.child.kill(signal);
	await server.exited;
}
