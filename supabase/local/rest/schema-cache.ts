// PostgREST's schema cache: the tables, views, columns, keys, foreign keys and functions
// of the exposed schema, read from pg_catalog in one query. Requests resolve relations,
// upsert keys, body columns and functions against it; it is reloaded after migrations
// and on NOTIFY pgrst, 'reload schema' (as PostgREST does).
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';

export interface ColumnInfo {
	name: string;
	/** format_type() text, safe to splice after :: (it comes from the catalog). */
	type: string;
	/** pg_get_expr() of the default, from the catalog; null when there is none. */
	defaultExpr: string | null;
	generated: boolean;
	identity: boolean;
}

export interface ForeignKey {
	name: string;
	/** Referencing table (schema-qualified key, see tableKey). */
	table: string;
	columns: string[];
	/** Referenced table. */
	foreignTable: string;
	foreignColumns: string[];
}

export interface TableInfo {
	schema: string;
	name: string;
	kind: 'table' | 'view';
	columns: ColumnInfo[];
	primaryKey: string[];
	/** Primary key and unique constraints, each as its column list. */
	uniqueKeys: string[][];
}

export interface FunctionArg {
	name: string;
	type: string;
	/** i (in), o (out), b (inout), v (variadic), t (table column). */
	mode: string;
}

export interface FunctionInfo {
	schema: string;
	name: string;
	args: FunctionArg[];
	/** How many of the trailing input args have defaults. */
	defaultCount: number;
	returnsSet: boolean;
	returnType: string;
	/** b base, c composite, d domain, e enum, p pseudo (void, record), r range, m multirange. */
	returnTypeKind: string;
	/** The table a composite return type belongs to, as a tableKey; null otherwise. */
	returnTable: string | null;
	volatility: 'i' | 's' | 'v';
}

export interface SchemaCache {
	schemas: string[];
	tables: Map<string, TableInfo>;
	foreignKeys: ForeignKey[];
	/** Overloads share a name, hence arrays. */
	functions: Map<string, FunctionInfo[]>;
}

export function tableKey(schema: string, name: string): string {
	return `${schema}.${name}`;
}

interface RawCache {
	tables: (Omit<TableInfo, 'columns' | 'primaryKey' | 'uniqueKeys'> & { oid: number })[] | null;
	columns: (ColumnInfo & { rel: number })[] | null;
	keys: { rel: number; type: 'p' | 'u'; columns: string[] }[] | null;
	foreignKeys: (Omit<ForeignKey, 'table' | 'foreignTable'> & { rel: number; frel: number })[] | null;
	functions: FunctionInfo[] | null;
	viewColumns: { view: string; table: string; column: string }[] | null;
}

// One round trip; json so PGlite and node-postgres hand back the same shape.
const introspection = `
with rels as (
  select c.oid, n.nspname as schema, c.relname as name,
         case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any($1::text[]) and c.relkind in ('r', 'v', 'm', 'p', 'f')
)
select json_build_object(
  'tables', (select json_agg(json_build_object('oid', oid::int8, 'schema', schema, 'name', name, 'kind', kind)) from rels),
  'columns', (
    select json_agg(json_build_object(
      'rel', a.attrelid::int8, 'name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'defaultExpr', pg_catalog.pg_get_expr(d.adbin, d.adrelid),
      'generated', a.attgenerated <> '', 'identity', a.attidentity <> '') order by a.attrelid, a.attnum)
    from pg_catalog.pg_attribute a
    join rels on rels.oid = a.attrelid
    left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attnum > 0 and not a.attisdropped
  ),
  'keys', (
    select json_agg(json_build_object('rel', con.conrelid::int8, 'type', con.contype::text, 'columns',
      (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
       join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num)))
    from pg_catalog.pg_constraint con join rels on rels.oid = con.conrelid
    where con.contype in ('p', 'u')
  ),
  'foreignKeys', (
    select json_agg(json_build_object('name', con.conname, 'rel', con.conrelid::int8, 'frel', con.confrelid::int8,
      'columns', (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
                  join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num),
      'foreignColumns', (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(num, ord)
                  join pg_catalog.pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num)))
    from pg_catalog.pg_constraint con join rels on rels.oid = con.conrelid
    where con.contype = 'f' and con.confrelid in (select oid from rels)
  ),
  'viewColumns', (
    select json_agg(json_build_object('view', u.view_schema || '.' || u.view_name,
      'table', u.table_schema || '.' || u.table_name, 'column', u.column_name))
    from information_schema.view_column_usage u
    where u.view_schema = any($1::text[])
  ),
  'functions', (
    select json_agg(json_build_object(
      'schema', n.nspname, 'name', p.proname, 'defaultCount', p.pronargdefaults,
      'returnsSet', p.proretset, 'returnType', pg_catalog.format_type(p.prorettype, null),
      'returnTypeKind', rt.typtype::text,
      'returnTable', case when rt.typrelid <> 0 then (
          select rn.nspname || '.' || rc.relname from pg_catalog.pg_class rc
          join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace where rc.oid = rt.typrelid) end,
      'volatility', p.provolatile::text,
      'args', coalesce((
        select json_agg(json_build_object(
          'name', coalesce(p.proargnames[a.ord], ''),
          'type', pg_catalog.format_type(a.typ, null),
          'mode', coalesce(p.proargmodes[a.ord]::text, 'i')) order by a.ord)
        from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(typ, ord)), '[]'::json)))
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    left join pg_catalog.pg_type rt on rt.oid = p.prorettype
    where n.nspname = any($1::text[]) and p.prokind = 'f'
  )
)::text as cache`;

export async function loadSchemaCache(db: Queryable, schemas: string[]): Promise<SchemaCache> {
	const { rows } = await db.query<{ cache: string }>(introspection, [`{${schemas.map((s) => `"${s}"`).join(',')}}`]);
	const raw = JSON.parse(rows[0]!.cache) as RawCache;
	const byOid = new Map<number, TableInfo>();
	const tables = new Map<string, TableInfo>();
	for (const rel of raw.tables ?? []) {
		const table: TableInfo = {
			schema: rel.schema,
			name: rel.name,
			kind: rel.kind,
			columns: [],
			primaryKey: [],
			uniqueKeys: []
		};
		byOid.set(rel.oid, table);
		tables.set(tableKey(rel.schema, rel.name), table);
	}
	for (const { rel, ...column } of raw.columns ?? []) byOid.get(rel)?.columns.push(column);
	for (const key of raw.keys ?? []) {
		const table = byOid.get(key.rel);
		if (!table) continue;
		if (key.type === 'p') table.primaryKey = key.columns;
		table.uniqueKeys.push(key.columns);
	}
	const foreignKeys: ForeignKey[] = [];
	for (const fk of raw.foreignKeys ?? []) {
		const from = byOid.get(fk.rel);
		const to = byOid.get(fk.frel);
		if (!from || !to) continue;
		foreignKeys.push({
			name: fk.name,
			table: tableKey(from.schema, from.name),
			columns: fk.columns,
			foreignTable: tableKey(to.schema, to.name),
			foreignColumns: fk.foreignColumns
		});
	}
	foreignKeys.push(...viewRelationships(tables, foreignKeys, raw.viewColumns ?? []));
	const functions = new Map<string, FunctionInfo[]>();
	for (const fn of raw.functions ?? []) {
		const key = tableKey(fn.schema, fn.name);
		functions.set(key, [...(functions.get(key) ?? []), fn]);
	}
	return { schemas, tables, foreignKeys, functions };
}

export function inputArgs(fn: FunctionInfo): FunctionArg[] {
	return fn.args.filter((arg) => arg.mode === 'i' || arg.mode === 'b' || arg.mode === 'v');
}

/**
 * Views take part in relationships as PostgREST lets them: a view column that shows a
 * base table's column under the same name carries that column's keys, so foreign keys
 * (and the primary key) of the table apply to the view too.
 */
function viewRelationships(
	tables: Map<string, TableInfo>,
	foreignKeys: ForeignKey[],
	usage: { view: string; table: string; column: string }[]
): ForeignKey[] {
	// view → base table → the base columns the view exposes by name
	const sources = new Map<string, Map<string, Set<string>>>();
	for (const { view, table, column } of usage) {
		const viewInfo = tables.get(view);
		if (!viewInfo || viewInfo.kind !== 'view' || !viewInfo.columns.some((c) => c.name === column)) continue;
		const byTable = sources.get(view) ?? new Map<string, Set<string>>();
		byTable.set(table, (byTable.get(table) ?? new Set()).add(column));
		sources.set(view, byTable);
	}
	const exposes = (view: string, table: string, columns: string[]): boolean => {
		const shown = sources.get(view)?.get(table);
		return Boolean(shown) && columns.every((column) => shown!.has(column));
	};
	for (const [view, byTable] of sources) {
		const viewInfo = tables.get(view)!;
		for (const table of byTable.keys()) {
			const base = tables.get(table);
			if (!base) continue;
			if (base.primaryKey.length && exposes(view, table, base.primaryKey) && !viewInfo.primaryKey.length) {
				viewInfo.primaryKey = base.primaryKey;
			}
			viewInfo.uniqueKeys.push(...base.uniqueKeys.filter((key) => exposes(view, table, key)));
		}
	}
	const derived: ForeignKey[] = [];
	const views = [...sources.keys()];
	for (const fk of foreignKeys) {
		const froms = [fk.table, ...views.filter((v) => exposes(v, fk.table, fk.columns))];
		const tos = [fk.foreignTable, ...views.filter((v) => exposes(v, fk.foreignTable, fk.foreignColumns))];
		for (const from of froms) {
			for (const to of tos) {
				if (from !== fk.table || to !== fk.foreignTable) derived.push({ ...fk, table: from, foreignTable: to });
			}
		}
	}
	return derived;
}
