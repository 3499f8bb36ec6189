// Row-level security for postgres_changes: a subscriber gets an INSERT or UPDATE only if
// their role and claims can SELECT that row, checked like PostgREST runs a request
// (withRole). One query answers a whole batch of rows for one identity.
// Without RLS on the table the SELECT privilege decides. With RLS the row is looked up by
// primary key as it is when the change is delivered (what Supabase's walrus does too):
// a row deleted in the meantime is not sent, and its DELETE follows.
import type { SqlDatabase } from '../../../src/lib/server/db/sql-client.ts';
import { withRole } from '../request-role.ts';
import type { Identity } from './identity.ts';
import { primaryKeyOf, quoteIdent } from './tables.ts';
import type { TableInfo } from './tables.ts';

/** The primary keys (as primaryKeyOf renders them) among `records` the identity may see. */
export async function visibleRows(
	db: SqlDatabase,
	identity: Identity,
	table: TableInfo,
	records: Record<string, unknown>[]
): Promise<Set<string>> {
	// service_role bypasses RLS and holds every grant, as on Supabase.
	if (identity.role === 'service_role') return new Set(records.map((record) => primaryKeyOf(table, record)));
	const relation = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
	const settings = { method: 'GET', path: '/realtime/v1/postgres_changes' };
	if (!table.rowSecurity) {
		const { rows } = await withRole(
			db,
			identity,
			(tx) => tx.query<{ allowed: boolean }>(`select has_table_privilege($1, 'SELECT') as allowed`, [relation]),
			settings
		);
		return rows[0]?.allowed ? new Set(records.map((record) => primaryKeyOf(table, record))) : new Set();
	}
	if (table.primaryKey.length === 0 || records.length === 0) return new Set();
	const columns = table.primaryKey.map(quoteIdent);
	const keys = records.map((record) => Object.fromEntries(table.primaryKey.map((column) => [column, record[column]])));
	const sql = `select jsonb_build_array(${columns.map((c) => `t.${c}`).join(', ')}) as key
	             from ${relation} t
	             where (${columns.map((c) => `t.${c}`).join(', ')}) in (
	               select ${columns.map((c) => `k.${c}`).join(', ')}
	               from jsonb_populate_recordset(null::${relation}, $1::jsonb) k
	             )`;
	try {
		const { rows } = await withRole(
			db,
			identity,
			(tx) => tx.query<{ key: unknown[] }>(sql, [JSON.stringify(keys)]),
			settings
		);
		return new Set(rows.map((row) => JSON.stringify(row.key)));
	} catch {
		// No SELECT privilege on the table, or a policy that fails: the row is not theirs to see.
		return new Set();
	}
}
