// Databases for collab tests: only the persistence migration (so sync and storage tests do
// not break while another part of the schema is mid-change), or scratch Postgres 15
// databases with unique names, dropped afterwards.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { migrate } from '../../supabase/local/migrate.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const PERSISTENCE_MIGRATION = '20261123090000_collab_persistence.sql';
export const POSTGRES_ADMIN_URL = process.env.COLLAB_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function migratePersistenceOnly(db: SqlDatabase): Promise<void> {
	const dir = await mkdtemp(path.join(tmpdir(), 'accord-collab-schema-'));
	try {
		await mkdir(path.join(dir, 'migrations'));
		await copyFile(
			path.join(repoRoot, 'supabase/migrations', PERSISTENCE_MIGRATION),
			path.join(dir, 'migrations', PERSISTENCE_MIGRATION)
		);
		await migrate(db, dir);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export async function postgresAvailable(): Promise<boolean> {
	const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
	try {
		await client.connect();
		const { rows } = await client.query<{ v: number }>("select current_setting('server_version_num')::int as v");
		return (rows[0]?.v ?? 0) >= 150000;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => undefined);
	}
}

export interface ScratchDatabase {
	url: string;
	drop(): Promise<void>;
}

export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
	const name = `accord_collab_${label}_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
	await admin.connect();
	try {
		await admin.query(`create database ${pg.escapeIdentifier(name)}`);
	} finally {
		await admin.end();
	}
	const url = new URL(POSTGRES_ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
			await client.connect();
			try {
				await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
			} finally {
				await client.end();
			}
		}
	};
}

/** Postgres-only suites: skip with a message locally, fail loudly in CI. */
export async function requirePostgres(): Promise<boolean> {
	const available = await postgresAvailable();
	if (!available && process.env.CI) {
		throw new Error(`Postgres 15 is required in CI and is not reachable at ${POSTGRES_ADMIN_URL}`);
	}
	if (!available) console.warn(`[collab tests] Postgres 15 not reachable at ${POSTGRES_ADMIN_URL}: skipping its cases`);
	return available;
}
