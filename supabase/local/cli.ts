// `npm run supabase:local`: the local Supabase stack on its own port, like `supabase start`
// without Docker. Prints what `supabase status` prints and stops cleanly on SIGINT/SIGTERM.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MigrationError } from './migrate.ts';
import { DEFAULT_PORT, serveLocalStack } from './index.ts';
import { DEFAULT_JWT_SECRET } from './jwt.ts';
import { isLoopback } from '../../src/lib/server/deployment.ts';

const usage = `Usage: npm run supabase:local -- [options]

  --port <n>         port to listen on (default ${DEFAULT_PORT})
  --host <addr>      address to bind (default 127.0.0.1)
  --workdir <dir>    Supabase project folder with migrations/ and seed.sql (default ./supabase)
  --db-url <url>     use this Postgres instead of PGlite (default: $DATABASE_URL)
  --data-dir <dir>   PGlite data folder (default ./.data/pglite; ':memory:' for a throwaway one)
  --jwt-secret <s>   JWT secret (default: $JWT_SECRET or the Supabase CLI's public local
                     secret, which is refused with a --host beyond loopback)
  --site-url <url>   GoTrue SITE_URL (default: $SITE_URL or the API URL)
  -h, --help         show this help`;

function readOptions() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			workdir: { type: 'string' },
			'db-url': { type: 'string' },
			'data-dir': { type: 'string' },
			'jwt-secret': { type: 'string' },
			'site-url': { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		strict: true
	});
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`--port must be a port number, got ${values.port}`);
	}
	const host = values.host ?? '127.0.0.1';
	const jwtSecret = values['jwt-secret'] ?? process.env.JWT_SECRET;
	// With the public secret anyone can sign a service_role token for this stack.
	if (!isLoopback(host) && (jwtSecret ?? DEFAULT_JWT_SECRET) === DEFAULT_JWT_SECRET) {
		throw new Error(`--host ${host} reaches beyond this machine: give a --jwt-secret of your own`);
	}
	return {
		port,
		host,
		workdir: values.workdir ? path.resolve(values.workdir) : undefined,
		databaseUrl: values['db-url'] ?? process.env.DATABASE_URL,
		dataDir: values['data-dir']
			? values['data-dir'] === ':memory:'
				? ':memory:'
				: path.resolve(values['data-dir'])
			: undefined,
		jwtSecret,
		siteUrl: values['site-url'] ?? process.env.SITE_URL
	};
}

async function main(): Promise<void> {
	let options: ReturnType<typeof readOptions>;
	try {
		options = readOptions();
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${usage}`);
		process.exit(2);
	}
	const stack = await serveLocalStack({ ...options, log: (message) => console.log(message) }).catch(
		(error: unknown) => {
			if (error instanceof MigrationError) {
				console.error(
					`Migration failed at ${error.file}${error.line ? `:${error.line}` : ''}\n  ${(error.cause as Error)?.message ?? error.message}`
				);
			} else {
				console.error(
					`The local Supabase stack could not start: ${error instanceof Error ? error.message : String(error)}`
				);
			}
			process.exit(1);
		}
	);
	const applied = stack.migrations.applied;
	const status: [string, string][] = [
		['API URL', stack.url],
		['DB kind', stack.db.kind === 'pglite' ? `pglite (${options.dataDir ?? '.data/pglite'})` : 'postgres'],
		['JWT secret', stack.jwtSecret],
		['anon key', stack.anonKey],
		['service_role key', stack.serviceRoleKey],
		['Mail outbox', `${stack.url}/local/v1/outbox`]
	];
	const migrated = applied.length
		? ` Applied ${applied.length} migration(s)${stack.migrations.seeded ? ' and seed.sql' : ''}.`
		: '';
	console.log(`\nLocal Supabase stack started.${migrated}\n`);
	for (const [label, value] of status) console.log(`${label.padStart(16)}: ${value}`);
	console.log('');
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping the local Supabase stack…`);
		stack.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(`error while stopping: ${String(error)}`);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
