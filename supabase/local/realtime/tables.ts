// What postgres_changes needs to know about a captured table (catalog.ts): its columns
// with their type names (realtime-js converts values by them), its primary key (for the
// RLS check and for the old row of a DELETE), its replica identity and whether RLS is on.
import type { SqlDatabase } from '../../../src/lib/server/db/sql-client.ts';
import { readCatalog, tableKey } from '../catalog.ts';
import type { TableInfo } from '../catalog.ts';

export type { TableInfo } from '../catalog.ts';

/** Tables by name, read once each until clear(). */
export class TableCatalog {
	private readonly db: SqlDatabase;
	private readonly cache = new Map<string, Promise<TableInfo | undefined>>();

	constructor(db: SqlDatabase) {
		this.db = db;
	}

	get(schema: string, table: string): Promise<TableInfo | undefined> {
		const name = tableKey(schema, table);
		let info = this.cache.get(name);
		if (!info) {
			info = readCatalog(this.db, [schema], table).then((catalog) => catalog.tables.get(name));
			this.cache.set(name, info);
			info.catch(() => this.cache.delete(name));
		}
		return info;
	}

	/** Forgets everything, so DDL since the last call is seen. */
	clear(): void {
		this.cache.clear();
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
