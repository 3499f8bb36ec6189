// SQL for read plans. Every identifier is quoted with ident(), every value from the
// request is a bind parameter; the only text spliced in unquoted comes from the catalog
// (format_type, pg_get_expr) or is a cast checked against a strict pattern in parse.ts.
import type { Condition, FieldRef, OrderTerm } from './parse.ts';
import { restErrors } from './errors.ts';
import type { OutputItem, ReadNode, Relationship } from './plan.ts';
import { MAX_RESPONSE_BYTES, NESTED_EMBED_BYTES } from './limits.ts';
import type { TableInfo } from './schema-cache.ts';

export class SqlParams {
	readonly values: unknown[] = [];
	private aliasCount = 0;
	add(value: unknown): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
	/** A fresh alias for a table read inside an embed (self-joins need distinct names). */
	alias(base: string): string {
		this.aliasCount += 1;
		return `${base}_${this.aliasCount}`;
	}
}

export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
	return `${ident(schema)}.${ident(name)}`;
}

export function tableSql(table: TableInfo): string {
	return qualified(table.schema, table.name);
}

/** A Postgres array literal, so `in.(…)` values bind as one parameter. */
export function arrayLiteral(values: string[]): string {
	return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function fieldSql(alias: string, field: FieldRef, params: SqlParams): string {
	let sql = `${ident(alias)}.${ident(field.column)}`;
	for (const step of field.jsonPath) {
		const key = typeof step.key === 'number' ? `${params.add(step.key)}::int` : `${params.add(step.key)}::text`;
		sql = `(${sql}${step.arrow}${key})`;
	}
	return sql;
}

const comparison: Record<string, string> = {
	eq: '=',
	neq: '<>',
	gt: '>',
	gte: '>=',
	lt: '<',
	lte: '<=',
	like: 'like',
	ilike: 'ilike',
	match: '~',
	imatch: '~*',
	isdistinct: 'is distinct from',
	cs: '@>',
	cd: '<@',
	ov: '&&',
	sl: '<<',
	sr: '>>',
	nxr: '&<',
	nxl: '&>',
	adj: '-|-'
};

const textSearch: Record<string, string> = {
	fts: 'to_tsquery',
	plfts: 'plainto_tsquery',
	phfts: 'phraseto_tsquery',
	wfts: 'websearch_to_tsquery'
};

export function conditionSql(alias: string, condition: Condition, params: SqlParams): string {
	let sql: string;
	if (condition.kind === 'logic') {
		const parts = condition.conditions.map((c) => conditionSql(alias, c, params));
		sql = `(${parts.join(condition.op === 'and' ? ' and ' : ' or ')})`;
	} else {
		const column = fieldSql(alias, condition.field, params);
		const { op, value } = condition;
		if (op === 'in') {
			sql = `${column} = any(${params.add(arrayLiteral(value as string[]))})`;
		} else if (op === 'is') {
			const word = (value as string).toLowerCase();
			sql = word === 'not_null' ? `${column} is not null` : `${column} is ${word}`;
		} else if (op in textSearch) {
			const language = condition.language ? `${params.add(condition.language)}::regconfig, ` : '';
			sql = `${column} @@ ${textSearch[op]}(${language}${params.add(value)})`;
		} else {
			let text = value as string;
			if (op === 'like' || op === 'ilike') text = text.replace(/\*/g, '%');
			// postgrest-js writes overlaps of arrays as (a,b); Postgres wants {a,b}.
			if (op === 'ov' && text.startsWith('(') && text.endsWith(')')) text = `{${text.slice(1, -1)}}`;
			sql = `${column} ${comparison[op]} ${params.add(text)}`;
		}
	}
	return condition.negated ? `not (${sql})` : sql;
}

/**
 * ORDER BY for a node. A term on a to-one embedded resource (`country(name)`) orders by
 * that column of the related row, read through the same join as the embed.
 */
function orderSql(node: ReadNode, alias: string, params: SqlParams): string {
	if (node.order.length === 0) return '';
	const terms = node.order.map((term) => {
		const nulls = term.nulls ? ` nulls ${term.nulls}` : '';
		return `${orderValueSql(node, alias, term, params)} ${term.descending ? 'desc' : 'asc'}${nulls}`;
	});
	return ` order by ${terms.join(', ')}`;
}

function orderValueSql(node: ReadNode, alias: string, term: OrderTerm, params: SqlParams): string {
	if (!term.relation) return fieldSql(alias, term.field, params);
	const embed = node.items.find(
		(item): item is Extract<OutputItem, { kind: 'embed' }> =>
			item.kind === 'embed' && (item.embed.key === term.relation || item.embed.node.name === term.relation)
	)?.embed;
	if (!embed) throw restErrors.notEmbedded(term.relation);
	if (!embed.relationship.toOne) throw restErrors.relatedOrderToMany(node.name, term.relation);
	const relatedAlias = params.alias(embed.node.name);
	const join = joinSql(embed.relationship, alias, relatedAlias, params);
	return `(select ${fieldSql(relatedAlias, term.field, params)} from ${tableSql(embed.relationship.target)} as ${ident(relatedAlias)} where ${join})`;
}

/**
 * The rows a limited PATCH or DELETE touches (`limit`, `offset`, `order` on a write), as
 * PostgREST 12 picks them: by ctid, from the filtered and ordered table.
 */
export function limitedRowsSql(node: ReadNode, table: TableInfo, params: SqlParams): string {
	const alias = 'pgrst_limited';
	const where = node.conditions.map((condition) => conditionSql(alias, condition, params));
	let sql = `select ${ident(alias)}.ctid from ${tableSql(table)} as ${ident(alias)}`;
	if (where.length) sql += ` where ${where.join(' and ')}`;
	sql += orderSql(node, alias, params);
	if (node.limit !== undefined) sql += ` limit ${params.add(node.limit)}`;
	if (node.offset !== undefined) sql += ` offset ${params.add(node.offset)}`;
	return sql;
}

export interface NodeSqlOptions {
	/** The FROM item without its alias, e.g. "public"."cities" or a data-modifying CTE. */
	from: string;
	alias: string;
	/** Join condition to the parent row, already in SQL. */
	join?: string;
	/** Leave out order, limit and offset (for counting). */
	unpaged?: boolean;
	/** FROM items placed before the main one (function arguments for rpc). */
	prefix?: string;
	/** How deep this node is embedded: 0 for the resource read, 1 for its embeds… */
	depth?: number;
}

/** SELECT for one node: its columns and, through lateral joins, its embeds as JSON. */
export function nodeSql(node: ReadNode, options: NodeSqlOptions, params: SqlParams): string {
	const { alias } = options;
	const depth = options.depth ?? 0;
	const columns: string[] = [];
	const laterals: string[] = [];
	const where: string[] = options.join ? [options.join] : [];
	// Embeds inside embeds multiply: their bodies are counted, and platform-rest.sql stops
	// the statement past the budget. One level deep is bounded by the embedded table itself.
	const counted = (body: string) =>
		depth >= 1 ? `local_rest.count_embedded_bytes(${body}, ${params.add(NESTED_EMBED_BYTES)})` : body;
	// Embed key → its lateral's alias, for `embed=is.null` filters on this node.
	const embedBodies = new Map<string, string>();
	for (const item of node.items) {
		if (item.kind === 'star') {
			columns.push(`${ident(alias)}.*`);
		} else if (item.kind === 'column') {
			const last = item.field.jsonPath.at(-1);
			const name = item.alias ?? (last ? String(last.key) : item.field.column);
			const value = fieldSql(alias, item.field, params);
			columns.push(`${item.cast ? `(${value})::${item.cast}` : value} as ${ident(name)}`);
		} else {
			const { embed } = item;
			const child = embed.node;
			const childAlias = params.alias(child.name);
			const lateral = ident(`${childAlias}_embed`);
			const join = joinSql(embed.relationship, alias, childAlias, params);
			const childSql = nodeSql(
				child,
				{ from: tableSql(child.table!), alias: childAlias, join, depth: depth + 1 },
				params
			);
			if (embed.spread) {
				laterals.push(`left join lateral (${childSql}) as ${lateral} on true`);
				columns.push(`${lateral}.*`);
				continue;
			}
			const aggregate = embed.relationship.toOne ? 'row_to_json("pgrst_row")' : 'json_agg("pgrst_row")';
			laterals.push(
				`left join lateral (select ${aggregate} as body from (${childSql}) as "pgrst_row") as ${lateral} on true`
			);
			const hidden = child.items.length === 0;
			if (!hidden) {
				columns.push(
					embed.relationship.toOne
						? `${counted(`${lateral}.body`)} as ${ident(embed.key)}`
						: `coalesce(${counted(`${lateral}.body`)}, '[]'::json) as ${ident(embed.key)}`
				);
			}
			if (embed.joinType === 'inner') where.push(`${lateral}.body is not null`);
			embedBodies.set(embed.key, `${lateral}.body`);
		}
	}
	for (const condition of node.conditions) {
		const body =
			condition.kind === 'filter' && condition.field.jsonPath.length === 0
				? embedBodies.get(condition.field.column)
				: undefined;
		if (
			body &&
			condition.kind === 'filter' &&
			condition.op === 'is' &&
			['null', 'not_null'].includes(String(condition.value).toLowerCase())
		) {
			// PostgREST's null filtering on embedded resources: parents with (not) no match.
			const isNull = (String(condition.value).toLowerCase() === 'null') !== condition.negated;
			where.push(`${body} is ${isNull ? '' : 'not '}null`);
		} else where.push(conditionSql(alias, condition, params));
	}
	let sql = `select ${columns.join(', ') || 'null as "pgrst_empty"'} from ${options.prefix ?? ''}${options.from} as ${ident(alias)}`;
	if (laterals.length) sql += ` ${laterals.join(' ')}`;
	if (where.length) sql += ` where ${where.join(' and ')}`;
	if (!options.unpaged) {
		sql += orderSql(node, alias, params);
		if (node.limit !== undefined) sql += ` limit ${params.add(node.limit)}`;
		if (node.offset !== undefined) sql += ` offset ${params.add(node.offset)}`;
	}
	return sql;
}

/** How a child row belongs to its parent: matching key columns, or a junction row. */
function joinSql(relationship: Relationship, parentAlias: string, childAlias: string, params: SqlParams): string {
	const { junction } = relationship;
	if (!junction) {
		return relationship.pairs
			.map((p) => `${ident(childAlias)}.${ident(p.childColumn)} = ${ident(parentAlias)}.${ident(p.parentColumn)}`)
			.join(' and ');
	}
	const junctionAlias = params.alias(junction.table.name);
	const links = [
		...junction.toChild.map(
			(p) => `${ident(junctionAlias)}.${ident(p.junctionColumn)} = ${ident(childAlias)}.${ident(p.childColumn)}`
		),
		...junction.toParent.map(
			(p) => `${ident(junctionAlias)}.${ident(p.junctionColumn)} = ${ident(parentAlias)}.${ident(p.parentColumn)}`
		)
	];
	return `exists (select 1 from ${tableSql(junction.table)} as ${ident(junctionAlias)} where ${links.join(' and ')})`;
}

export interface ReadQueryOptions extends NodeSqlOptions {
	count: boolean;
	stripNulls: boolean;
	/** WITH items placed before pgrst_source (the write for return=representation). */
	with?: string;
}

/**
 * One statement that answers a read: the page as a JSON array, its first row (for
 * vnd.pgrst.object+json), its size, and the total when a count was asked for.
 */
export function readQuery(node: ReadNode, options: ReadQueryOptions, params: SqlParams): string {
	const page = nodeSql(node, options, params);
	const total = options.count
		? `(select pg_catalog.count(*) from (${nodeSql(node, { ...options, unpaged: true }, params)}) as "pgrst_count")`
		: 'null::int8';
	const row = options.stripNulls ? 'json_strip_nulls(row_to_json("pgrst_row"))' : 'row_to_json("pgrst_row")';
	const withItems = [options.with, `"pgrst_source" as (${page})`].filter(Boolean).join(', ');
	return `with ${withItems}
select ${total} as total, pg_catalog.count(*) as page,
       local_rest.response_body(coalesce(json_agg(${row}), '[]'::json)::text, ${params.add(MAX_RESPONSE_BYTES)}) as body,
       (json_agg(${row})->0)::text as first
from "pgrst_source" as "pgrst_row"`;
}
