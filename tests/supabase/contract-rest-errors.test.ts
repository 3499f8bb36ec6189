// Contract tests for /rest/v1 errors, authentication, CORS and the schema cache:
// status codes and bodies as Supabase answers them, from the local stack serving
// tests/supabase/fixtures/rest-project. With DATABASE_URL they run on a fresh Postgres
// database; with SUPABASE_URL and keys, against a real Supabase project, where the
// fixture-dependent tests skip (the project does not have the fixture schema).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { fixtureTest, restRequest, startTestStack } from './helpers/stack.ts';
import type { RestRequestInit, TestStack } from './helpers/stack.ts';

const fixture = fixtureTest('contract-rest');

let t: TestStack;

beforeAll(async () => {
	t = await startTestStack();
});

afterAll(async () => {
	await t?.close();
});

const raw = (path: string, init?: RestRequestInit) => restRequest(t, path, init);

describe('request errors', () => {
	fixture('malformed filters, order and select are PGRST100', async () => {
		for (const query of [
			'countries?id=eqx.1',
			'countries?select=name::text%20from%20pg_user',
			'countries?select=id::int;drop',
			'countries?id=in.1,2',
			'countries?order=id.sideways',
			'countries?select=name,cities(name',
			'countries?or=(id.eq.1'
		]) {
			const wire = await raw(query);
			expect(wire.status, query).toBe(400);
			expect(wire.json, query).toMatchObject({ code: 'PGRST100' });
		}
	});

	fixture('malformed requests of every kind get a JSON 4xx answer, never a 500', async () => {
		const garbage = [
			'%ZZ',
			'countries%00',
			'a/b/c',
			'rpc',
			'countries?select=(',
			'countries?select=a:b:c',
			'countries?select=info->',
			'countries?select=cities!a!b!c(name)',
			'countries?select="a""b"',
			'countries?id=not.not.eq.1',
			'countries?or=()',
			'countries?order=.',
			'countries?limit=-1',
			'countries?offset=1e3',
			'countries?..=1',
			'countries?a.b.c=eq.1',
			'countries?languages=cs.notarray',
			'countries?name=fts(nolang).x',
			'countries?id=lt.99999999999999999999',
			'rpc/add_numbers?a=1&b=x',
			'rpc/population_by_country?select=country,cities(name)'
		];
		for (const path of garbage) {
			for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
				const wire = await raw(path, {
					method,
					apikey: t.serviceRoleKey,
					headers: { 'content-type': 'application/json' },
					body: method === 'GET' ? undefined : '[{"id": 1}, {"x": 2}]'
				});
				expect(wire.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
				expect(wire.status, `${method} ${path}`).toBeLessThan(500);
				expect(wire.json, `${method} ${path}`).toHaveProperty('code');
			}
		}
	});

	fixture('unknown columns are 42703 in select and filters, PGRST204 in a body', async () => {
		const client = t.client();
		const select = await client.from('countries').select('nope');
		expect(select.status).toBe(400);
		expect(select.error).toMatchObject({ code: '42703', message: 'column countries.nope does not exist' });
		const filter = await client.from('countries').select('id').eq('nope', 1);
		expect(filter.error).toMatchObject({ code: '42703' });
		const body = await t.serviceClient().from('countries').insert({ id: 120, name: 'X', code: 'X1', nope: true });
		expect(body.status).toBe(400);
		expect(body.error).toMatchObject({
			code: 'PGRST204',
			message: "Could not find the 'nope' column of 'countries' in the schema cache"
		});
	});

	it('unknown tables are 404 PGRST205', async () => {
		const { error, status } = await t.client().from('no_such_table_here').select();
		expect(status).toBe(404);
		expect(error).toMatchObject({
			code: 'PGRST205',
			message: "Could not find the table 'public.no_such_table_here' in the schema cache"
		});
	});

	fixture('invalid values for a column type are 22P02', async () => {
		const wire = await raw('countries?id=eq.abc');
		expect(wire.status).toBe(400);
		expect(wire.json).toMatchObject({ code: '22P02' });
	});

	fixture('a body that is not JSON is PGRST102', async () => {
		const wire = await raw('countries', {
			method: 'POST',
			apikey: t.serviceRoleKey,
			headers: { 'content-type': 'application/json' },
			body: '{"id": 130, "name":'
		});
		expect(wire.status).toBe(400);
		expect(wire.json).toEqual({ code: 'PGRST102', details: null, hint: null, message: 'Empty or invalid json' });
	});
});

describe('authentication', () => {
	fixture('a token signed with another secret is 401 PGRST301', async () => {
		const { signJwt } = await import('../../supabase/local/jwt.ts');
		const forged = await signJwt(
			{ role: 'authenticated', sub: randomUUID() },
			'another-secret-another-secret-another-secret',
			3600
		);
		const wire = await raw('countries?select=id', { token: forged });
		expect(wire.status).toBe(401);
		expect(wire.json).toMatchObject({ code: 'PGRST301' });
		const client = await t.client(forged).from('countries').select('id');
		expect(client.error).toMatchObject({ code: 'PGRST301' });
	});

	fixture('a token that is not a JWT at all is 401 PGRST301', async () => {
		const wire = await raw('countries?select=id', { token: 'garbage' });
		expect(wire.status).toBe(401);
		expect(wire.json).toMatchObject({
			code: 'PGRST301',
			message: 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)'
		});
		expect(wire.headers.get('www-authenticate')).toContain('invalid_token');
	});

	it('an expired token is 401 PGRST303 "JWT expired"', async () => {
		if (!t.jwtSecret) return;
		const expired = await t.userToken(randomUUID(), {}, -60);
		const { error, status } = await t.client(expired).from('countries').select('id');
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
	});

	fixture('requests without an API key or with a wrong one are refused like Supabase does', async () => {
		const missing = await raw('countries?select=id', { apikey: null });
		expect(missing.status).toBe(401);
		expect(missing.json).toMatchObject({ message: 'No API key found in request' });
		const bearerOnly = await raw('countries?select=id', { apikey: null, token: t.anonKey });
		expect(bearerOnly.status).toBe(401);
		expect(bearerOnly.json).toMatchObject({ message: 'No API key found in request' });
		const wrong = await raw('countries?select=id', { apikey: 'not-a-key' });
		expect(wrong.status).toBe(401);
		expect(wrong.json).toMatchObject({ message: 'Invalid API key' });
	});

	it('the API keeps answering after every error above', async () => {
		const missing = await t.client().from('no_such_table_here').select();
		expect(missing.error).toMatchObject({ code: 'PGRST205' });
		if (!t.hasFixture) return;
		const { error, status } = await t.client().from('countries').select('id').limit(1);
		expect(error).toBeNull();
		expect(status).toBe(200);
	});
});

describe('browsers and the schema cache', () => {
	fixture('answers CORS preflights with the headers supabase-js sends', async () => {
		const response = await fetch(`${t.url}/rest/v1/countries`, {
			method: 'OPTIONS',
			headers: {
				origin: 'http://localhost:5173',
				'access-control-request-method': 'PATCH',
				'access-control-request-headers': 'apikey, authorization, content-profile, prefer, x-client-info'
			}
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
		const allowed = response.headers.get('access-control-allow-headers') ?? '';
		for (const header of ['apikey', 'authorization', 'content-profile', 'prefer', 'x-client-info']) {
			expect(allowed).toContain(header);
		}
		expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
	});

	fixture('serves an OpenAPI outline at the root', async () => {
		const wire = await raw('');
		expect(wire.status).toBe(200);
		expect(wire.json).toMatchObject({ swagger: '2.0', basePath: '/rest/v1' });
		expect(Object.keys((wire.json as { paths: object }).paths)).toEqual(
			expect.arrayContaining(['/countries', '/cities', '/rpc/add_numbers'])
		);
	});

	fixture('honours the Range header, stripped nulls, tx=rollback and public profiles', async () => {
		const ranged = await raw('cities?select=id&order=id', { headers: { range: '2-3', 'range-unit': 'items' } });
		expect(ranged.json).toEqual([{ id: 3 }, { id: 4 }]);
		expect(ranged.headers.get('content-range')).toBe('2-3/*');
		const stripped = await t.client().from('countries').select('code, climate').eq('id', 4).stripNulls();
		expect(stripped.data).toEqual([{ code: 'AT' }]);
		const rolledBack = await raw('countries', {
			method: 'POST',
			apikey: t.serviceRoleKey,
			headers: {
				'content-type': 'application/json',
				prefer: 'return=representation,tx=rollback',
				'content-profile': 'public'
			},
			body: JSON.stringify({ id: 150, name: 'Ephemeral', code: 'EP' })
		});
		expect(rolledBack.status).toBe(201);
		expect(rolledBack.json).toMatchObject([{ id: 150, name: 'Ephemeral' }]);
		const after = await t.serviceClient().from('countries').select('id').eq('id', 150);
		expect(after.data).toEqual([]);
	});

	fixture('counts and pages set-returning functions like tables', async () => {
		const { data, count, status } = await t
			.client()
			.rpc('cities_of', { country_code: 'MD' }, { count: 'exact' })
			.select('id')
			.range(0, 1);
		expect(data).toEqual([{ id: 1 }, { id: 2 }]);
		expect(count).toBe(3);
		expect(status).toBe(206);
	});

	fixture('refuses a profile other than public with PGRST106', async () => {
		const wire = await raw('countries?select=id', { headers: { 'accept-profile': 'private' } });
		expect(wire.status).toBe(406);
		expect(wire.json).toMatchObject({ code: 'PGRST106' });
	});

	fixture("picks up new tables on NOTIFY pgrst, 'reload schema'", async () => {
		if (!t.stack) return;
		await t.stack.db.exec(`
			create table public.late_arrivals (id int primary key, label text);
			insert into public.late_arrivals values (1, 'reloaded');
			notify pgrst, 'reload schema';
		`);
		await expect
			.poll(async () => (await t.client().from('late_arrivals').select('label')).data, { timeout: 5_000 })
			.toEqual([{ label: 'reloaded' }]);
	});
});
