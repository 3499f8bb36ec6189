// What postgres_changes needs to know about a captured table: its columns with their
// type names (realtime-js converts values by them), its primary key (for the RLS check
// and for the old row of a DELETE), its replica identity and whether RLS is on.
import type { SqlDatabase } from '../../../src/lib/server/db/sql-client.ts';

export interface ColumnInfo {
	name: string;
	type: string;
}

export interface TableInfo {
	schema: string;
	name: string;
	columns: ColumnInfo[];
	primaryKey: string[];
	replicaIdentityFull: boolean;
	rowSecurity: boolean;
}

export class TableCatalog {
	private readonly db: SqlDatabase;
	private readonly cache = new Map<string, Promise<TableInfo | undefined>>();

	constructor(db: SqlDatabase) {
		this.db = db;
	}

	get(schema: string, table: string): Promise<TableInfo | undefined> {
		const name = `${schema}.${table}`;
		let info = this.cache.get(name);
		if (!info) {
			info = this.load(schema, table);
			this.cache.set(name, info);
			info.catch(() => this.cache.delete(name));
		}
		return info;
	}

	/** Forgets everything, so DDL since the last call is seen. */
	clear(): void {
		this.cache.clear();
	}

	private async load(schema: string, table: string): Promise<TableInfo | undefined> {
		const { rows } = await this.db.query<{
			columns: ColumnInfo[];
			primary_key: string[];
			full_identity: boolean;
			row_security: boolean;
		}>(
			`select c.relreplident = 'f' as full_identity,
			        c.relrowsecurity as row_security,
			        coalesce((
			          select jsonb_agg(jsonb_build_object('name', a.attname, 'type', t.typname) order by a.attnum)
			          from pg_catalog.pg_attribute a
			          join pg_catalog.pg_type t on t.oid = a.atttypid
			          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
			        ), '[]'::jsonb) as columns,
			        coalesce((
			          select jsonb_agg(a.attname order by array_position(i.indkey::int2[], a.attnum))
			          from pg_catalog.pg_index i
			          join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
			          where i.indrelid = c.oid and i.indisprimary
			        ), '[]'::jsonb) as primary_key
			 from pg_catalog.pg_class c
			 join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = $1 and c.relname = $2`,
			[schema, table]
		);
		const row = rows[0];
		if (!row) return undefined;
		return {
			schema,
			name: table,
			columns: row.columns,
			primaryKey: row.primary_key,
			replicaIdentityFull: row.full_identity,
			rowSecurity: row.row_security
		};
	}
}

export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

export function pick(record: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
	const picked: Record<string, unknown> = {};
	for (const column of columns) if (column in record) picked[column] = record[column];
	return picked;
}
