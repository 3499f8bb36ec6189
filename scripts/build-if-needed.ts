// `npm start` builds only when the sources changed since the last build: a fingerprint of
// every input file's path, size and modification time is kept beside the build output.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join('build', '.accord-build-stamp');

function* files(entry: string): Generator<string> {
	if (!existsSync(entry)) return;
	const stat = statSync(entry);
	if (!stat.isDirectory()) {
		yield entry;
		return;
	}
	for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

export function sourceFingerprint(root = process.cwd()): string {
	const hash = createHash('sha256');
	for (const input of INPUTS) {
		for (const file of files(path.join(root, input))) {
			const stat = statSync(file);
			hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
		}
	}
	return hash.digest('hex');
}

export function buildIfNeeded(log: (message: string) => void = console.log): void {
	const fingerprint = sourceFingerprint();
	const current = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
	if (current === fingerprint && existsSync(path.join('build', 'handler.js'))) return;
	log('Building Accord (first start or sources changed)…');
	const vite = path.join('node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
	writeFileSync(STAMP, fingerprint);
}
