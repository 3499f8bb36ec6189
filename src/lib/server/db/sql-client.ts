// One database interface over the two backends the local stack supports:
// PGlite (embedded, in-process, persisted under a folder) and any Postgres 15+ through
// DATABASE_URL. The REST, Auth and Realtime layers and the collab server use only this.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import pg from 'pg';

export interface QueryResult<T> {
	rows: T[];
	/** Rows written by INSERT/UPDATE/DELETE, rows returned otherwise. */
	affectedRows: number;
	fields: { name: string; dataTypeID: number }[];
}

export interface Queryable {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
	/** Runs one or more statements without parameters (simple query protocol). */
	exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs fn in a transaction: committed when fn resolves, rolled back when it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/** LISTEN on a channel; resolves to a function that stops listening. */
	listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** A postgres:// URL; when absent the embedded PGlite is used. */
	url?: string;
	/** PGlite data folder; absent means in memory (tests). */
	dataDir?: string;
	/** Pool size for Postgres. */
	maxConnections?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<SqlDatabase> {
	return options.url ? openPostgres(options.url, options.maxConnections ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<SqlDatabase> {
	// PGlite creates only the last folder of the path; a fresh clone has no .data/ yet.
	if (dataDir) await mkdir(path.dirname(dataDir), { recursive: true });
	const db = await PGlite.create({ dataDir, extensions: { pgcrypto } });
	const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
		async query<T>(sql: string, params: unknown[] = []) {
			const result = await q.query<T>(sql, params);
			return {
				rows: result.rows,
				affectedRows: result.affectedRows ?? result.rows.length,
				fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }))
			};
		},
		async exec(sql: string) {
			await q.exec(sql);
		}
	});
	return {
		kind: 'pglite',
		...wrap(db),
		transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
		async listen(channel, onNotify) {
			const unlisten = await db.listen(channel, onNotify);
			return async () => unlisten();
		},
		close: () => db.close()
	};
}

// PGlite hands int8 back as a number; pg as a string. Match PGlite so callers see one shape.
const postgresTypes = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

async function openPostgres(url: string, max: number): Promise<SqlDatabase> {
	const pool = new pg.Pool({ connectionString: url, max, types: postgresTypes });
	// A dropped idle connection must not crash the process; the pool replaces it.
	pool.on('error', (error) => console.error('[db] idle connection error:', error.message));
	const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
		async query<T>(sql: string, params: unknown[] = []) {
			const result = await q.query(sql, params);
			return {
				rows: result.rows as T[],
				affectedRows: result.rowCount ?? result.rows.length,
				fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }))
			};
		},
		async exec(sql: string) {
			await q.query(sql);
		}
	});
	await pool.query('select 1');
	return {
		kind: 'postgres',
		...wrap(pool),
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('begin');
				const result = await fn(wrap(client));
				await client.query('commit');
				return result;
			} catch (error) {
				await client.query('rollback').catch(() => undefined);
				throw error;
			} finally {
				client.release();
			}
		},
		async listen(channel, onNotify) {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			client.on('notification', (message) => {
				if (message.channel === channel) onNotify(message.payload ?? '');
			});
			client.on('error', (error) => console.error(`[db] listener on ${channel}:`, error.message));
			await client.query(`listen ${pg.escapeIdentifier(channel)}`);
			return async () => {
				await client.end().catch(() => undefined);
			};
		},
		close: () => pool.end()
	};
}
