// postgres_changes filters evaluated in SQL, in the statement that also checks what the
// subscriber may see, under the subscriber's role (request-role.ts), as Supabase's
// walrus does. Values are bind parameters typed by their column; patterns (like, match)
// run in Postgres' regex engine, which does not backtrack catastrophically, instead of
// a JavaScript RegExp on the server's only thread.
import type { SqlDatabase } from '../../../src/lib/server/db/sql-client.ts';
import { withRole } from '../request-role.ts';
import { arrayLiteral } from '../rest/sql.ts';
import type { Identity } from './identity.ts';
import type { FilterCondition } from './row-filter.ts';
import { quoteIdent } from './tables.ts';
import type { TableInfo } from './tables.ts';

const comparison: Record<string, string> = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

class Params {
	readonly values: unknown[] = [];
	add(value: unknown): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
}

function relationSql(schema: string, table: string): string {
	return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/**
 * One condition on `row` (the change's record as the table's row type). SQL's three-valued
 * logic is what Realtime applies: NULL passes only `is` and `isdistinct`, and NOT of
 * unknown is still unknown. A column the captured record does not carry (a DELETE's old
 * row without replica identity full) cannot be checked, and the event goes through.
 */
function conditionSql(condition: FilterCondition, row: string, record: string, params: Params): string {
	const column = `${row}.${quoteIdent(condition.column)}`;
	const value = condition.values[0] ?? '';
	let test: string;
	switch (condition.operator) {
		case 'is': {
			const word = value.toLowerCase();
			test = `${column} is ${word === 'unknown' ? 'null' : word}`;
			break;
		}
		case 'isdistinct':
			test = `${column} is distinct from ${value.toLowerCase() === 'null' ? 'null' : params.add(value)}`;
			break;
		case 'like':
		case 'ilike':
			test = `${column}::text ${condition.operator} ${params.add(value.replace(/\*/g, '%'))}`;
			break;
		case 'match':
		case 'imatch':
			test = `${column}::text ${condition.operator === 'match' ? '~' : '~*'} ${params.add(value)}`;
			break;
		case 'in':
			test = `${column} = any(${params.add(arrayLiteral(condition.values))})`;
			break;
		default:
			test = `${column} ${comparison[condition.operator]} ${params.add(value)}`;
	}
	if (condition.negate) test = `not (${test})`;
	return `(not (${record} ? ${params.add(condition.column)}) or coalesce(${test}, false))`;
}

export interface FilterItem {
	/** The record the filter sees: the new row, or a DELETE's old row. */
	record: Record<string, unknown>;
	/** Whether the subscriber must also be allowed to SELECT the row (INSERT and UPDATE). */
	checkVisibility: boolean;
}

/**
 * For each of `filters`, the indexes of `items` that pass it and that the identity may
 * see (where an item asks): under RLS the row as it is now, looked up by primary key;
 * without RLS the table's SELECT privilege. Filter -1 is "no filter" (visibility only).
 * One statement answers every filter of one identity on one table, so many subscribers
 * cost one query per batch of changes, not one each. Filters were checked at join; if
 * the statement still fails, each filter is retried alone so only its own subscribers
 * miss the change (a filter whose statement fails passes nothing).
 */
export async function passingItems(
	db: SqlDatabase,
	identity: Identity,
	table: TableInfo,
	filters: FilterCondition[][],
	items: FilterItem[]
): Promise<Map<number, Set<number>>> {
	const params = new Params();
	const relation = relationSql(table.schema, table.name);
	const input = params.add(JSON.stringify(items.map((item) => ({ r: item.record, v: item.checkVisibility }))));
	const record = `("pgrst_input"."item" -> 'r')`;
	const tests = filters.map((filter, index) => {
		const conditions = filter.map((condition) => conditionSql(condition, '"pgrst_row"', record, params));
		return `(${index}, ${conditions.join(' and ') || 'true'})`;
	});
	let visible = 'true';
	if (identity.role !== 'service_role') {
		const allowed = !table.rowSecurity
			? `pg_catalog.has_table_privilege(${params.add(relation)}, 'SELECT')`
			: table.primaryKey.length === 0
				? 'true'
				: `exists (select from ${relation} as "pgrst_now" where ${table.primaryKey
						.map((column) => `"pgrst_now".${quoteIdent(column)} = "pgrst_row".${quoteIdent(column)}`)
						.join(' and ')})`;
		visible = `(not ("pgrst_input"."item" -> 'v')::boolean or ${allowed})`;
	}
	const sql = `select "pgrst_filter"."index" as "filter", ("pgrst_input"."ord" - 1)::int as "item"
		from pg_catalog.jsonb_array_elements(${input}::jsonb) with ordinality as "pgrst_input"("item", "ord")
		cross join lateral pg_catalog.jsonb_populate_record(null::${relation}, ${record}) as "pgrst_row"
		cross join lateral (values (-1, true)${tests.map((test) => `, ${test}`).join('')}) as "pgrst_filter"("index", "pass")
		where ${visible} and "pgrst_filter"."pass"`;
	const passed = new Map<number, Set<number>>();
	try {
		const { rows } = await withRole(
			db,
			identity,
			(tx) => tx.query<{ filter: number; item: number }>(sql, params.values),
			{ method: 'GET', path: '/realtime/v1/postgres_changes' }
		);
		for (const row of rows) {
			let set = passed.get(row.filter);
			if (!set) passed.set(row.filter, (set = new Set()));
			set.add(row.item);
		}
	} catch {
		if (filters.length <= 1) return passed;
		// Visibility alone, then each filter on its own.
		const alone = await Promise.all([
			passingItems(db, identity, table, [], items),
			...filters.map((filter) => passingItems(db, identity, table, [filter], items))
		]);
		const visibleOnly = alone[0]!.get(-1);
		if (visibleOnly) passed.set(-1, visibleOnly);
		alone.slice(1).forEach((result, index) => {
			const set = result.get(0);
			if (set) passed.set(index, set);
		});
	}
	return passed;
}

/**
 * Checks a filter when a channel is joined, as Supabase's subscription check does: the
 * columns exist and every value is of its column's type, and every pattern compiles.
 * Throws the database's message otherwise.
 */
export async function checkFilter(
	db: SqlDatabase,
	identity: Identity,
	schema: string,
	table: string,
	filter: FilterCondition[]
): Promise<void> {
	const params = new Params();
	const relation = relationSql(schema, table);
	const where = filter.map((condition) => conditionSql(condition, '"pgrst_row"', `'{}'::jsonb`, params));
	const patterns = filter
		.filter((condition) => condition.operator === 'match' || condition.operator === 'imatch')
		.map((condition) => `(''::text ${condition.operator === 'match' ? '~' : '~*'} ${params.add(condition.values[0])})`);
	const sql = `select ${patterns.join(', ') || 'true'}
		from pg_catalog.jsonb_populate_record(null::${relation}, '{}'::jsonb) as "pgrst_row"
		where ${where.join(' and ')}`;
	await withRole(db, identity, (tx) => tx.query(sql, params.values), {
		method: 'GET',
		path: '/realtime/v1/postgres_changes'
	});
}
