// The one reader of pg_catalog for the local stack. readCatalog: relations with their
// columns, keys, foreign keys, RLS and replica identity, and functions, which PostgREST's
// schema cache (rest/schema-cache.ts) and Realtime's table lookups (realtime/tables.ts)
// are views of. readTypeCatalog: the same schema by type oid, for the TypeScript types
// scripts/generate-types.ts writes.
import type { Queryable } from '../../src/lib/server/db/sql-client.ts';

export interface ColumnInfo {
	name: string;
	/** format_type() text, safe to splice after :: (it comes from the catalog). */
	type: string;
	/** pg_type.typname (int4, text, _text…), the names Realtime payloads carry. */
	typeName: string;
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
	rowSecurity: boolean;
	/** Replica identity full: the old row of an UPDATE or DELETE is captured whole. */
	replicaIdentityFull: boolean;
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

/** What readCatalog found, keyed by tableKey. */
export interface Catalog {
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
// $1 the schemas, $2 one relation's name or null for all, $3 whether to read functions
// and view relationships too.
const introspection = `
with rels as (
  select c.oid, n.nspname as schema, c.relname as name,
         case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind,
         c.relrowsecurity as row_security, c.relreplident = 'f' as replica_identity_full
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any($1::text[]) and c.relkind in ('r', 'v', 'm', 'p', 'f')
    and ($2::text is null or c.relname = $2::text)
)
select json_build_object(
  'tables', (select json_agg(json_build_object('oid', oid::int8, 'schema', schema, 'name', name, 'kind', kind,
    'rowSecurity', row_security, 'replicaIdentityFull', replica_identity_full)) from rels),
  'columns', (
    select json_agg(json_build_object(
      'rel', a.attrelid::int8, 'name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'typeName', (select t.typname from pg_catalog.pg_type t where t.oid = a.atttypid),
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
    where u.view_schema = any($1::text[]) and $3::boolean
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
    where n.nspname = any($1::text[]) and p.prokind = 'f' and $3::boolean
  )
)::text as cache`;

/**
 * The relations of `schemas` (one when `only` names it), with their columns, keys and
 * foreign keys; functions and the relationships views inherit unless `only` is given.
 */
export async function readCatalog(db: Queryable, schemas: string[], only?: string): Promise<Catalog> {
	const { rows } = await db.query<{ cache: string }>(introspection, [
		`{${schemas.map((s) => `"${s}"`).join(',')}}`,
		only ?? null,
		only === undefined
	]);
	const raw = JSON.parse(rows[0]!.cache) as RawCache;
	const byOid = new Map<number, TableInfo>();
	const tables = new Map<string, TableInfo>();
	for (const rel of raw.tables ?? []) {
		const table: TableInfo = {
			schema: rel.schema,
			name: rel.name,
			kind: rel.kind,
			rowSecurity: rel.rowSecurity,
			replicaIdentityFull: rel.replicaIdentityFull,
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
	return { tables, foreignKeys, functions };
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

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');

export interface PgType {
	id: number;
	name: string;
	schema: string;
	/** b base, c composite, d domain, e enum, p pseudo, r range, m multirange */
	kind: string;
	elementId: number;
	baseTypeId: number;
	relationId: number;
	relationKind: string | null;
	relationName: string | null;
}

export interface TypeCatalogRelation {
	id: number;
	name: string;
	/** r table, p partitioned table, v view, m materialized view, f foreign table, c composite type */
	kind: string;
	updatable: boolean;
}

export interface TypeCatalogColumn {
	relationId: number;
	name: string;
	notNull: boolean;
	hasDefault: boolean;
	/** '' none, 'a' generated always, 'd' generated by default */
	identity: string;
	/** '' none, 's' stored generated column */
	generated: string;
	typeId: number;
	updatable: boolean;
}

export interface TypeCatalogRelationship {
	name: string;
	relation: string;
	columns: string[];
	referencedRelation: string;
	referencedColumns: string[];
	isOneToOne: boolean;
}

export interface PgFunction {
	name: string;
	returnTypeId: number;
	returnsSet: boolean;
	argTypeIds: number[];
	/** i in, o out, b inout, v variadic, t table column */
	argModes: string[];
	argNames: string[];
	defaultCount: number;
}

export interface PgEnum {
	name: string;
	values: string[];
}

export interface TypeCatalog {
	types: Map<number, PgType>;
	relations: TypeCatalogRelation[];
	columns: Map<number, TypeCatalogColumn[]>;
	relationships: TypeCatalogRelationship[];
	functions: PgFunction[];
	enums: PgEnum[];
	enumValues: Map<number, string[]>;
}

/**
 * One schema as `supabase gen types typescript` sees it (scripts/generate-types.ts):
 * every type by oid, relations and composite types with their columns' type oids,
 * nullability and updatability, foreign keys, functions outside extensions, enums.
 */
export async function readTypeCatalog(db: Queryable, schemaName: string): Promise<TypeCatalog> {
	const types = await db.query<PgType>(
		`select t.oid::int as id, t.typname as name, n.nspname as schema, t.typtype::text as kind,
			t.typelem::int as "elementId", t.typbasetype::int as "baseTypeId", t.typrelid::int as "relationId",
			c.relkind::text as "relationKind", c.relname as "relationName"
		from pg_type t
		join pg_namespace n on n.oid = t.typnamespace
		left join pg_class c on c.oid = t.typrelid`
	);
	const relations = await db.query<TypeCatalogRelation>(
		`select c.oid::int as id, c.relname as name, c.relkind::text as kind,
			(c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid, false) & 20) = 20) as updatable
		from pg_class c
		where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c')
		order by c.relname`,
		[schemaName]
	);
	const columns = await db.query<TypeCatalogColumn>(
		`select a.attrelid::int as "relationId", a.attname as name, a.attnotnull as "notNull",
			a.atthasdef as "hasDefault", a.attidentity::text as identity, a.attgenerated::text as generated,
			a.atttypid::int as "typeId", pg_column_is_updatable(a.attrelid, a.attnum, false) as updatable
		from pg_attribute a
		join pg_class c on c.oid = a.attrelid
		where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c')
			and a.attnum > 0 and not a.attisdropped
		order by a.attrelid, a.attnum`,
		[schemaName]
	);
	const relationships = await db.query<TypeCatalogRelationship>(
		`select con.conname as name, c.relname as relation, rc.relname as "referencedRelation",
			array(
				select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
				join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord
			) as columns,
			array(
				select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
				join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord
			) as "referencedColumns",
			exists (
				select 1 from pg_index i
				where i.indrelid = con.conrelid and i.indisunique and i.indpred is null
					and (select array_agg(x order by x) from unnest(i.indkey::int2[]) x)
						= (select array_agg(x order by x) from unnest(con.conkey) x)
			) as "isOneToOne"
		from pg_constraint con
		join pg_class c on c.oid = con.conrelid
		join pg_class rc on rc.oid = con.confrelid
		where con.contype = 'f' and c.relnamespace = $1::regnamespace and rc.relnamespace = $1::regnamespace`,
		[schemaName]
	);
	const functions = await db.query<PgFunction>(
		`select p.proname as name, p.prorettype::int as "returnTypeId", p.proretset as "returnsSet",
			coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as "argTypeIds",
			coalesce(p.proargmodes::text[], array[]::text[]) as "argModes",
			coalesce(p.proargnames, array[]::text[]) as "argNames",
			p.pronargdefaults::int as "defaultCount"
		from pg_proc p
		where p.pronamespace = $1::regnamespace and p.prokind = 'f'
			and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
		order by p.proname, pg_get_function_identity_arguments(p.oid)`,
		[schemaName]
	);
	const enumRows = await db.query<{ typeId: number; name: string; schema: string; value: string }>(
		`select t.oid::int as "typeId", t.typname as name, n.nspname as schema, e.enumlabel as value
		from pg_enum e
		join pg_type t on t.oid = e.enumtypid
		join pg_namespace n on n.oid = t.typnamespace
		order by t.typname, e.enumsortorder`
	);

	const enumValues = new Map<number, string[]>();
	const enums = new Map<string, PgEnum>();
	for (const row of enumRows.rows) {
		enumValues.set(row.typeId, [...(enumValues.get(row.typeId) ?? []), row.value]);
		if (row.schema !== schemaName) continue;
		const entry = enums.get(row.name) ?? { name: row.name, values: [] };
		entry.values.push(row.value);
		enums.set(row.name, entry);
	}
	const columnsByRelation = new Map<number, TypeCatalogColumn[]>();
	for (const column of columns.rows) {
		columnsByRelation.set(column.relationId, [...(columnsByRelation.get(column.relationId) ?? []), column]);
	}
	for (const list of columnsByRelation.values()) list.sort(byName);

	return {
		types: new Map(types.rows.map((type) => [type.id, type])),
		relations: relations.rows,
		columns: columnsByRelation,
		relationships: relationships.rows,
		functions: functions.rows,
		enums: [...enums.values()].sort(byName),
		enumValues
	};
}
