// Runs work the way PostgREST runs a request: one transaction, the API role switched
// with set_config('role', …, true) and the JWT claims in request.jwt.claims, so the
// project's RLS policies see exactly what they see on Supabase.
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
			        set_config('request.headers', $5, true)`,
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
