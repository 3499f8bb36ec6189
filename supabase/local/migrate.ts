// Brings a database up to a Supabase project folder: the platform objects first
// (platform.sql, then platform-*.sql), then
// every migration not yet applied (tracked like the Supabase CLI does, in
// supabase_migrations.schema_migrations), then seed.sql when the database was new.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';

const localDir = fileURLToPath(new URL('.', import.meta.url));
const migrationFileName = /^(\d+)_(.+)\.sql$/;

export class MigrationError extends Error {
	readonly file: string;
	readonly line: number | undefined;
	constructor(file: string, line: number | undefined, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`${file}${line ? `:${line}` : ''}: ${reason}`, { cause });
		this.name = 'MigrationError';
		this.file = file;
		this.line = line;
	}
}

export interface MigrateResult {
	applied: string[];
	seeded: boolean;
}

export interface MigrateOptions {
	/** Run seed.sql when the database is new (default true). */
	seed?: boolean;
}

export async function migrate(db: SqlDatabase, workdir: string, options: MigrateOptions = {}): Promise<MigrateResult> {
	// platform.sql first, then each part's own platform-<part>.sql (auth, realtime…).
	const platformFiles = (await readdir(localDir)).filter((name) => /^platform-[\w-]+\.sql$/.test(name)).sort();
	for (const name of ['platform.sql', ...platformFiles]) await runFile(db, path.join(localDir, name));
	await db.exec(`
		create schema if not exists supabase_migrations;
		create table if not exists supabase_migrations.schema_migrations (
			version text primary key,
			statements text[],
			name text
		);
	`);
	const done = new Set(
		(await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
			(row) => row.version
		)
	);
	const wasNew = done.size === 0;
	const migrationsDir = path.join(workdir, 'migrations');
	const files = (await readdir(migrationsDir).catch(() => [] as string[]))
		.filter((name) => migrationFileName.test(name))
		.sort();
	const applied: string[] = [];
	for (const name of files) {
		const [, version, label] = migrationFileName.exec(name) ?? [];
		if (!version || done.has(version)) continue;
		const file = path.join(migrationsDir, name);
		const sql = await readFile(file, 'utf8');
		await db
			.transaction(async (tx) => {
				await tx.exec(sql);
				await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
					version,
					label
				]);
			})
			.catch((error: unknown) => {
				throw new MigrationError(file, lineOf(sql, error), error);
			});
		applied.push(name);
	}
	let seeded = false;
	const seedFile = path.join(workdir, 'seed.sql');
	if (wasNew && options.seed !== false) {
		const seed = await readFile(seedFile, 'utf8').catch(() => undefined);
		if (seed !== undefined) {
			await db
				.transaction((tx) => tx.exec(seed))
				.catch((error: unknown) => {
					throw new MigrationError(seedFile, lineOf(seed, error), error);
				});
			seeded = true;
		}
	}
	return { applied, seeded };
}

async function runFile(db: SqlDatabase, file: string): Promise<void> {
	const sql = await readFile(file, 'utf8');
	await db.exec(sql).catch((error: unknown) => {
		throw new MigrationError(file, lineOf(sql, error), error);
	});
}

/** Postgres reports a 1-based character position into the submitted text. */
function lineOf(sql: string, error: unknown): number | undefined {
	const position = Number((error as { position?: unknown } | null)?.position);
	if (!Number.isFinite(position) || position < 1) return undefined;
	return sql.slice(0, position - 1).split('\n').length;
}
