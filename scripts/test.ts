// `npm test`: every check, in order, each in its own process; a failing step does not
// hide the later ones. Postgres and Redis are required on CI and skipped, loudly, elsewhere.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const bin = (name: string) => path.join('node_modules', '.bin', name);

interface Step {
	name: string;
	command: string[];
	env?: Record<string, string>;
	/** Why the step cannot run here; on CI that is a failure, elsewhere a loud skip. */
	missing?: string;
}

function reachable(url: string): Promise<boolean> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 2000 });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

const only = process.argv.slice(2);
const postgresUp = await reachable(POSTGRES_URL);

const steps: Step[] = [
	{ name: 'types', command: [bin('svelte-kit'), 'sync'] },
	{ name: 'svelte-check', command: [bin('svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings'] },
	{ name: 'eslint', command: [bin('eslint'), '.'] },
	{ name: 'prettier', command: [bin('prettier'), '--check', 'src', 'tests', 'scripts', 'supabase/local', 'bench'] },
	{ name: 'unit', command: [bin('vitest'), 'run', '--project', 'unit'] },
	{ name: 'components', command: [bin('vitest'), 'run', '--project', 'components'] },
	{ name: 'supabase (PGlite)', command: [bin('vitest'), 'run', '--project', 'supabase'], env: { DATABASE_URL: '' } },
	{
		name: 'supabase (Postgres 15)',
		command: [bin('vitest'), 'run', '--project', 'supabase'],
		env: { DATABASE_URL: POSTGRES_URL },
		missing: postgresUp ? undefined : `Postgres is not reachable at ${POSTGRES_URL}`
	},
	{ name: 'collab', command: [bin('vitest'), 'run', '--project', 'collab'] },
	{ name: 'e2e', command: [bin('playwright'), 'test'], env: { DATABASE_URL: '', E2E_FRESH_SERVER: '1' } }
];

const results: { name: string; status: 'passed' | 'failed' | 'skipped'; seconds: number }[] = [];
for (const step of steps) {
	if (only.length && !only.some((wanted) => step.name.startsWith(wanted))) continue;
	console.log(`\n━━ ${step.name} ━━`);
	if (step.missing) {
		const onCi = !!process.env.CI;
		console.log(`${onCi ? 'FAILED' : 'SKIPPED'}: ${step.missing}.${onCi ? '' : ' Start it to run this step.'}`);
		results.push({ name: step.name, status: onCi ? 'failed' : 'skipped', seconds: 0 });
		continue;
	}
	const started = Date.now();
	const [command, ...args] = step.command;
	// The tools' shebangs say `node`: make that the project's Node 24, however this was started.
	const PATH = `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`;
	const run = spawnSync(command!, args, { stdio: 'inherit', env: { ...process.env, PATH, ...step.env } });
	results.push({
		name: step.name,
		status: run.status === 0 ? 'passed' : 'failed',
		seconds: Math.round((Date.now() - started) / 1000)
	});
}

console.log('\n━━ summary ━━');
for (const result of results) console.log(`${result.status.padEnd(8)} ${result.name} (${result.seconds}s)`);
const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.filter((r) => r.status === 'failed').length;
const skipped = results.filter((r) => r.status === 'skipped').length;
console.log(`steps: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
