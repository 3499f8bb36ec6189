// Runs work the way PostgREST runs a request: one transaction, the API role switched
// with set_config('role', …, true) and the JWT claims in request.jwt.claims, so the
// project's RLS policies see exactly what they see on Supabase. Like PostgREST's
// impersonated role settings, the role's statement_timeout (anon 3 s, authenticated 8 s,
// platform-rest.sql) applies to the request; PGlite cannot interrupt a statement, which
// is why the REST API also bounds its work before and inside SQL (rest/limits.ts).
import type { SqlDatabase, Queryable } from '../../src/lib/server/db/sql-client.ts';
import type { ApiRole, JwtClaims } from './jwt.ts';

export const API_ROLES: readonly ApiRole[] = ['anon', 'authenticated', 'service_role'];

export function isApiRole(role: unknown): role is ApiRole {
	return typeof role === 'string' && (API_ROLES as readonly string[]).includes(role);
}

export interface RequestIdentity {
	role: ApiRole;
	claims: JwtClaims;
}

export interface RequestSettings {
	method?: string;
	path?: string;
	headers?: Record<string, string>;
}

export async function withRole<T>(
	db: SqlDatabase,
	identity: RequestIdentity,
	fn: (tx: Queryable) => Promise<T>,
	settings: RequestSettings = {}
): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query(
			`select set_config('role', $1, true),
			        set_config('request.jwt.claims', $2, true),
			        set_config('request.method', $3, true),
			        set_config('request.path', $4, true),
			        set_config('request.headers', $5, true),
			        set_config('statement_timeout', coalesce((
			          select pg_catalog.substr(setting, pg_catalog.length('statement_timeout=') + 1)
			          from pg_catalog.pg_db_role_setting as role_setting
			          cross join lateral pg_catalog.unnest(role_setting.setconfig) as setting
			          where role_setting.setrole = (select oid from pg_catalog.pg_roles where rolname = $1)
			            and role_setting.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = pg_catalog.current_database()))
			            and setting like 'statement_timeout=%'
			          order by role_setting.setdatabase desc
			          limit 1
			        ), pg_catalog.current_setting('statement_timeout')), true)`,
			[
				identity.role,
				JSON.stringify(identity.claims),
				settings.method ?? '',
				settings.path ?? '',
				JSON.stringify(settings.headers ?? {})
			]
		);
		return fn(tx);
	});
}
