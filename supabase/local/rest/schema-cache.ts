// PostgREST's schema cache: the tables, views, columns, keys, foreign keys and functions
// of the exposed schemas (catalog.ts). Requests resolve relations, upsert keys, body
// columns and functions against it; it is reloaded after migrations and on NOTIFY
// pgrst, 'reload schema' (as PostgREST does).
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { readCatalog } from '../catalog.ts';
import type { Catalog } from '../catalog.ts';

export type { ColumnInfo, ForeignKey, FunctionArg, FunctionInfo, TableInfo } from '../catalog.ts';
export { inputArgs, tableKey } from '../catalog.ts';

export interface SchemaCache extends Catalog {
	schemas: string[];
}

export async function loadSchemaCache(db: Queryable, schemas: string[]): Promise<SchemaCache> {
	return { schemas, ...(await readCatalog(db, schemas)) };
}
