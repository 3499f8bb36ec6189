// Turns the parsed select tree and query parameters into a read plan: which table each
// embedded resource reads, through which foreign key, and where each filter, order and
// limit applies. Relationship lookup follows PostgREST: by table name, foreign key name
// or column, with `!hint` to pick one when several match.
import { restErrors } from './errors.ts';
import { parseFilter, parseLogic, parseNonNegativeInt, parseOrder } from './parse.ts';
import type { Condition, OrderTerm, SelectItem } from './parse.ts';
import { tableKey } from './schema-cache.ts';
import type { SchemaCache, TableInfo } from './schema-cache.ts';

export interface Relationship {
	constraint: string;
	/** Many-to-one, or one-to-one: the embed is an object, not an array. */
	toOne: boolean;
	/** child.childColumn = parent.parentColumn for each pair (empty through a junction). */
	pairs: { childColumn: string; parentColumn: string }[];
	target: TableInfo;
	/** Many-to-many: the table whose two foreign keys link parent and child. */
	junction?: {
		table: TableInfo;
		toParent: { junctionColumn: string; parentColumn: string }[];
		toChild: { junctionColumn: string; childColumn: string }[];
	};
}

export type OutputItem =
	{ kind: 'star' } | Extract<SelectItem, { kind: 'column' }> | { kind: 'embed'; embed: EmbedNode };

export interface ReadNode {
	/** The table or view read; null for a function result without a table type. */
	table: TableInfo | null;
	/** Name used in messages and default SQL alias (the table or function name). */
	name: string;
	items: OutputItem[];
	conditions: Condition[];
	order: OrderTerm[];
	limit?: number;
	offset?: number;
}

export interface EmbedNode {
	/** The key the embed has in the JSON output (alias, else the relation as written). */
	key: string;
	node: ReadNode;
	relationship: Relationship;
	joinType: 'inner' | 'left';
	spread: boolean;
}

/** Query parameters that are not filters. */
export const reservedParams = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict']);

export function buildReadNode(
	cache: SchemaCache,
	table: TableInfo | null,
	name: string,
	select: SelectItem[]
): ReadNode {
	const node: ReadNode = { table, name, items: [], conditions: [], order: [] };
	for (const item of select) {
		if (item.kind !== 'embed') {
			node.items.push(item);
			continue;
		}
		if (!table) throw restErrors.noRelationship(cache.schemas[0] ?? 'public', name, item.relation);
		const relationship = findRelationship(cache, table, item.relation, item.hint);
		if (item.spread && !relationship.toOne) throw restErrors.spreadNotToOne(item.relation);
		const child = buildReadNode(cache, relationship.target, relationship.target.name, item.select);
		node.items.push({
			kind: 'embed',
			embed: {
				key: item.alias ?? item.relation,
				node: child,
				relationship,
				joinType: item.joinType,
				spread: item.spread
			}
		});
	}
	return node;
}

function findRelationship(cache: SchemaCache, source: TableInfo, target: string, hint?: string): Relationship {
	const sourceKey = tableKey(source.schema, source.name);
	const candidates: Relationship[] = [];
	for (const fk of cache.foreignKeys) {
		const foreign = cache.tables.get(fk.foreignTable);
		const referencing = cache.tables.get(fk.table);
		if (!foreign || !referencing) continue;
		// Many-to-one: source holds the foreign key.
		if (fk.table === sourceKey) {
			const byName =
				foreign.name === target || fk.name === target || (fk.columns.length === 1 && fk.columns[0] === target);
			const byHint =
				!hint || hint === fk.name || (fk.columns.length === 1 && fk.columns[0] === hint) || hint === foreign.name;
			if (byName && byHint) {
				candidates.push({
					constraint: fk.name,
					toOne: true,
					pairs: fk.columns.map((column, i) => ({ childColumn: fk.foreignColumns[i]!, parentColumn: column })),
					target: foreign
				});
			}
		}
		// One-to-many (or one-to-one when the referencing columns are unique): target holds it.
		if (fk.foreignTable === sourceKey) {
			const byName = referencing.name === target || fk.name === target;
			const byHint =
				!hint || hint === fk.name || (fk.columns.length === 1 && fk.columns[0] === hint) || hint === referencing.name;
			if (byName && byHint) {
				const unique = referencing.uniqueKeys.some(
					(key) => key.length === fk.columns.length && key.every((column) => fk.columns.includes(column))
				);
				candidates.push({
					constraint: fk.name,
					toOne: unique,
					pairs: fk.columns.map((column, i) => ({ childColumn: column, parentColumn: fk.foreignColumns[i]! })),
					target: referencing
				});
			}
		}
	}
	candidates.push(...junctionRelationships(cache, source, target, hint));
	// A self-referencing key matches both ways; the name decides only with a hint.
	const distinct = candidates.filter(
		(c, i) =>
			candidates.findIndex(
				(o) => o.constraint === c.constraint && o.pairs[0]?.childColumn === c.pairs[0]?.childColumn
			) === i
	);
	if (distinct.length === 1) return distinct[0]!;
	if (distinct.length === 0) throw restErrors.noRelationship(source.schema, source.name, target);
	throw restErrors.ambiguousRelationship(
		source.name,
		target,
		distinct.map((c) => ({
			cardinality: c.junction ? 'many-to-many' : c.toOne ? 'many-to-one' : 'one-to-many',
			embedding: `${source.name} with ${c.target.name}`,
			relationship: `${c.constraint} using ${source.name}(${c.pairs.map((p) => p.parentColumn).join(', ')}) and ${c.target.name}(${c.pairs.map((p) => p.childColumn).join(', ')})`
		})),
		distinct.map((c) => `${target}!${c.constraint}`)
	);
}

/**
 * Many-to-many as PostgREST finds it: a junction table with one foreign key to the
 * source and one to the target, both within one of its keys. The hint may name the
 * junction or either foreign key.
 */
function junctionRelationships(cache: SchemaCache, source: TableInfo, target: string, hint?: string): Relationship[] {
	const sourceKey = tableKey(source.schema, source.name);
	const found: Relationship[] = [];
	for (const junction of cache.tables.values()) {
		const junctionKey = tableKey(junction.schema, junction.name);
		const keys = cache.foreignKeys.filter((fk) => fk.table === junctionKey);
		for (const toSource of keys) {
			if (toSource.foreignTable !== sourceKey) continue;
			for (const toTarget of keys) {
				const targetTable = cache.tables.get(toTarget.foreignTable);
				if (toTarget === toSource || !targetTable || targetTable.name !== target) continue;
				if (hint && hint !== junction.name && hint !== toSource.name && hint !== toTarget.name) continue;
				const columns = [...toSource.columns, ...toTarget.columns];
				if (!junction.uniqueKeys.some((key) => columns.every((column) => key.includes(column)))) continue;
				found.push({
					constraint: `${toSource.name}, ${toTarget.name}`,
					toOne: false,
					pairs: [],
					target: targetTable,
					junction: {
						table: junction,
						toParent: toSource.columns.map((column, i) => ({
							junctionColumn: column,
							parentColumn: toSource.foreignColumns[i]!
						})),
						toChild: toTarget.columns.map((column, i) => ({
							junctionColumn: column,
							childColumn: toTarget.foreignColumns[i]!
						}))
					}
				});
			}
		}
	}
	return found;
}

/**
 * Applies query parameters to the plan: `col=op.value`, `or=(…)`, `order`, `limit`,
 * `offset`, each optionally prefixed by an embed path (`cities.name=eq.x`).
 * `skip` names parameters already consumed (function arguments on GET /rpc).
 */
export function applyQueryParams(root: ReadNode, params: URLSearchParams, skip: Set<string> = new Set()): void {
	for (const [key, value] of params) {
		if (skip.has(key) || key === 'select' || key === 'columns' || key === 'on_conflict' || key === 'apikey') continue;
		let negatedLogic = false;
		let path = key;
		if (path.startsWith('not.') && /(^|\.)((and)|(or))$/.test(path)) {
			negatedLogic = true;
			path = path.slice(4);
		}
		const segments = path.split('.');
		const last = segments.pop()!;
		if (last === '' || segments.some((s) => s === '')) throw restErrors.parse('filter', key, 'empty path segment');
		const node = segments.length ? findEmbed(root, segments) : root;
		if (last === 'or' || last === 'and') node.conditions.push(parseLogic(last, negatedLogic, value));
		else if (last === 'order') node.order = parseOrder(value);
		else if (last === 'limit') node.limit = parseNonNegativeInt('limit', value);
		else if (last === 'offset') node.offset = parseNonNegativeInt('offset', value);
		else node.conditions.push(parseFilter(last, value));
	}
}

function findEmbed(root: ReadNode, path: string[]): ReadNode {
	let node = root;
	for (const name of path) {
		const next = node.items.find(
			(item): item is Extract<OutputItem, { kind: 'embed' }> =>
				item.kind === 'embed' && (item.embed.key === name || item.embed.node.name === name)
		);
		if (!next) throw restErrors.notEmbedded(name);
		node = next.embed.node;
	}
	return node;
}
