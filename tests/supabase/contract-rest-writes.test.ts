// Contract tests for /rest/v1 writes, /rpc and row level security, with supabase-js
// against the local stack serving the fixture project in
// tests/supabase/fixtures/rest-project. With DATABASE_URL they run on a fresh Postgres
// database; with SUPABASE_URL and keys, against a real Supabase project, where the
// fixture-dependent tests skip (the project does not have the fixture schema).
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
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

describe('writes', () => {
	// Writes add rows past the seed (countries 100+, cities of those and of Atlantis);
	// remove them so the rpc tests below see the seed alone whatever the order.
	afterEach(async () => {
		const client = t.serviceClient();
		await client.from('cities').delete().or('country_id.gte.100,country_id.eq.4');
		await client.from('countries').delete().gte('id', 100);
	});

	fixture('insert returns the representation with select(), and nothing without', async () => {
		const client = t.serviceClient();
		const inserted = await client
			.from('countries')
			.insert({ id: 101, name: 'Freedonia', code: 'FD', languages: ['en'], info: { motto: 'hail' } })
			.select('id, name, languages, info, climate')
			.single();
		expect(inserted.status).toBe(201);
		expect(inserted.data).toEqual({
			id: 101,
			name: 'Freedonia',
			languages: ['en'],
			info: { motto: 'hail' },
			climate: null
		});
		const minimal = await client.from('countries').insert({ id: 102, name: 'Sylvania', code: 'SY' });
		expect(minimal).toMatchObject({ status: 201, data: null, error: null });
		const bulk = await client
			.from('cities')
			.insert([
				{ country_id: 101, name: 'Fredville', population: 10 },
				{ country_id: 102, name: 'Sylvan City' }
			])
			.select('name, population, is_capital, countries(code)');
		expect(bulk.error).toBeNull();
		expect(bulk.data).toEqual([
			{ name: 'Fredville', population: 10, is_capital: false, countries: { code: 'FD' } },
			{ name: 'Sylvan City', population: null, is_capital: false, countries: { code: 'SY' } }
		]);
	});

	fixture('return=headers-only answers 201 with the Location of the new row', async () => {
		const wire = await raw('countries', {
			method: 'POST',
			apikey: t.serviceRoleKey,
			headers: { 'content-type': 'application/json', prefer: 'return=headers-only' },
			body: JSON.stringify({ id: 105, name: 'Elbonia', code: 'EB' })
		});
		expect(wire.status).toBe(201);
		expect(wire.text).toBe('');
		expect(wire.headers.get('location')).toBe('/countries?id=eq.105');
	});

	fixture('bulk insert fills missing keys with defaults when defaultToNull is false', async () => {
		const client = t.serviceClient();
		const withNulls = await client.from('cities').insert([
			{ country_id: 4, name: 'Poseidonia', is_capital: true },
			{ country_id: 4, name: 'Lost Harbour' }
		]);
		expect(withNulls.status).toBe(400);
		expect(withNulls.error).toMatchObject({ code: '23502' });
		const withDefaults = await client
			.from('cities')
			.insert(
				[
					{ country_id: 4, name: 'Poseidonia', is_capital: true },
					{ country_id: 4, name: 'Lost Harbour' }
				],
				{
					defaultToNull: false
				}
			)
			.select('name, is_capital');
		expect(withDefaults.error).toBeNull();
		expect(withDefaults.data).toEqual([
			{ name: 'Poseidonia', is_capital: true },
			{ name: 'Lost Harbour', is_capital: false }
		]);
	});

	fixture('upsert merges on the conflict target or ignores duplicates', async () => {
		const client = t.serviceClient();
		const merged = await client
			.from('countries')
			.upsert({ id: 103, name: 'Genovia', code: 'GV' }, { onConflict: 'code' })
			.select('id, name');
		expect(merged.data).toEqual([{ id: 103, name: 'Genovia' }]);
		const again = await client
			.from('countries')
			.upsert({ id: 103, name: 'Genovia (Kingdom)', code: 'GV' }, { onConflict: 'code' })
			.select('id, name');
		expect(again.data).toEqual([{ id: 103, name: 'Genovia (Kingdom)' }]);
		const ignored = await client
			.from('countries')
			.upsert({ id: 103, name: 'Ignored', code: 'GV' }, { ignoreDuplicates: true })
			.select('name');
		expect(ignored.data).toEqual([]);
		const stored = await client.from('countries').select('name').eq('id', 103).single();
		expect(stored.data).toEqual({ name: 'Genovia (Kingdom)' });
	});

	fixture('update and delete with filters return what they touched', async () => {
		const client = t.serviceClient();
		await client.from('countries').insert({ id: 104, name: 'Ruritania', code: 'RU1' });
		const updated = await client
			.from('countries')
			.update({ climate: 'arid' })
			.eq('code', 'RU1')
			.select('code, climate');
		expect(updated).toMatchObject({ status: 200, data: [{ code: 'RU1', climate: 'arid' }] });
		const silent = await client.from('countries').update({ climate: 'temperate' }).eq('code', 'RU1');
		expect(silent).toMatchObject({ status: 204, data: null, error: null });
		const none = await client.from('countries').update({ climate: 'arid' }).eq('code', 'NOPE').select();
		expect(none.data).toEqual([]);
		const deleted = await client.from('countries').delete().eq('id', 104).select('name');
		expect(deleted).toMatchObject({ status: 200, data: [{ name: 'Ruritania' }] });
		const gone = await client.from('countries').select('id').eq('id', 104);
		expect(gone.data).toEqual([]);
	});

	fixture('single() on a write that touches several rows is refused and rolled back', async () => {
		const client = t.serviceClient();
		const refused = await client.from('cities').update({ population: 1 }).eq('country_id', 1).select().single();
		expect(refused.status).toBe(406);
		expect(refused.error).toMatchObject({ code: 'PGRST116' });
		const unchanged = await client.from('cities').select('population').eq('id', 1).single();
		expect(unchanged.data).toEqual({ population: 640000 });
	});

	fixture('handling=strict with max-affected refuses and rolls back a write touching too many rows', async () => {
		const patch = (filter: string, maxAffected: number) =>
			raw(`cities?${filter}`, {
				method: 'PATCH',
				apikey: t.serviceRoleKey,
				headers: { 'content-type': 'application/json', prefer: `handling=strict, max-affected=${maxAffected}` },
				body: JSON.stringify({ population: 2 })
			});
		const refused = await patch('country_id=eq.1', 2);
		expect(refused.status).toBe(400);
		expect(refused.json).toMatchObject({ code: 'PGRST124' });
		const unchanged = await t.serviceClient().from('cities').select('population').eq('id', 2).single();
		expect(unchanged.data).toEqual({ population: 100000 });
		expect((await patch('id=eq.3', 1)).status).toBe(204);
		await t.serviceClient().from('cities').update({ population: null }).eq('id', 3);
	});

	fixture('constraint violations answer 409 and bad input 400', async () => {
		const client = t.serviceClient();
		const duplicate = await client.from('countries').insert({ id: 1, name: 'Copy', code: 'CP' });
		expect(duplicate.status).toBe(409);
		expect(duplicate.error).toMatchObject({
			code: '23505',
			message: 'duplicate key value violates unique constraint "countries_pkey"'
		});
		const orphan = await client.from('cities').insert({ country_id: 999, name: 'Nowhere' });
		expect(orphan.status).toBe(409);
		expect(orphan.error).toMatchObject({ code: '23503' });
		const badEnum = await client.from('countries').update({ climate: 'lunar' }).eq('id', 1);
		expect(badEnum.status).toBe(400);
		expect(badEnum.error).toMatchObject({ code: '22P02' });
	});
});

describe('rpc', () => {
	fixture('scalar, set of rows with filters, set of scalars, and table results', async () => {
		const client = t.client();
		expect(await client.rpc('add_numbers', { a: 1, b: 2 })).toMatchObject({ data: 3, error: null, status: 200 });
		const cities = await client
			.rpc('cities_of', { country_code: 'MD' })
			.select('name')
			.lt('id', 3)
			.order('id', { ascending: false });
		expect(cities.data).toEqual([{ name: 'Bălți' }, { name: 'Chișinău' }]);
		expect((await client.rpc('country_codes')).data).toEqual(['AT', 'KE', 'MD', 'RO']);
		const totals = await client.rpc('population_by_country').eq('country', 'Moldova');
		expect(totals.data).toEqual([{ country: 'Moldova', population: 740000 }]);
		const viaGet = await client.rpc('add_numbers', { a: 20, b: 22 }, { get: true });
		expect(viaGet.data).toBe(42);
	});

	fixture('void functions answer 204, single unnamed jsonb parameters get the body', async () => {
		const client = t.serviceClient();
		const renamed = await client.rpc('rename_country', { country_id: 4, new_name: 'Atlantis Rising' });
		expect(renamed).toMatchObject({ status: 204, data: null, error: null });
		const after = await client.from('countries').select('name').eq('id', 4).single();
		expect(after.data).toEqual({ name: 'Atlantis Rising' });
		await client.rpc('rename_country', { country_id: 4, new_name: 'Atlantis' });
		const echoed = await client.rpc('echo', { any: ['thing', 1] });
		expect(echoed.data).toEqual({ any: ['thing', 1] });
	});

	fixture('GET runs read-only, so a function that writes is refused with 405', async () => {
		const { error, status } = await t
			.serviceClient()
			.rpc('rename_country', { country_id: 4, new_name: 'Nope' }, { get: true });
		expect(status).toBe(405);
		expect(error).toMatchObject({ code: '25006', message: 'cannot execute UPDATE in a read-only transaction' });
	});

	fixture('an exception raised in a function is a 400 with its message, detail and hint', async () => {
		const { error, status } = await t.client().rpc('refuse', { reason: 'quorum' });
		expect(status).toBe(400);
		expect(error).toEqual({
			code: 'P0001',
			message: 'refused: quorum',
			details: 'the fixture always refuses',
			hint: 'ask someone else'
		});
	});

	fixture('an unknown function or argument set is PGRST202', async () => {
		const { error, status } = await t.client().rpc('add_numbers', { x: 1 });
		expect(status).toBe(404);
		expect(error).toMatchObject({
			code: 'PGRST202',
			message: 'Could not find the function public.add_numbers(x) in the schema cache'
		});
	});

	fixture('functions see the caller: anon key or a signed-in user', async () => {
		const anon = await t.client().rpc('whoami');
		expect(anon.data).toEqual({ role: 'anon', uid: null });
		const user = randomUUID();
		const signedIn = await t.client(await t.userToken(user)).rpc('whoami');
		expect(signedIn.data).toEqual({ role: 'authenticated', uid: user });
	});
});

describe('row level security', () => {
	fixture('owners see and change only their own notes; anon sees none', async () => {
		const alice = randomUUID();
		const bob = randomUUID();
		const asAlice = t.client(await t.userToken(alice));
		const asBob = t.client(await t.userToken(bob));
		const note = await asAlice.from('notes').insert({ body: 'draft para 3' }).select('body, owner_id').single();
		expect(note.error).toBeNull();
		expect(note.data).toEqual({ body: 'draft para 3', owner_id: alice });
		expect((await asAlice.from('notes').select('body')).data).toEqual([{ body: 'draft para 3' }]);
		expect((await asBob.from('notes').select('body')).data).toEqual([]);
		expect((await t.client().from('notes').select('body')).data).toEqual([]);
		const hijack = await asBob.from('notes').update({ body: 'mine now' }).eq('owner_id', alice).select();
		expect(hijack.data).toEqual([]);
		const count = await t
			.serviceClient()
			.from('notes')
			.select('*', { count: 'exact', head: true })
			.eq('owner_id', alice);
		expect(count.count).toBe(1);
	});

	fixture('an insert RLS refuses is 42501: 401 for anon, 403 for a signed-in user', async () => {
		const anon = await t.client().from('notes').insert({ body: 'anonymous', owner_id: randomUUID() });
		expect(anon.status).toBe(401);
		expect(anon.error).toMatchObject({
			code: '42501',
			message: 'new row violates row-level security policy for table "notes"'
		});
		const user = t.client(await t.userToken(randomUUID()));
		const forged = await user.from('notes').insert({ body: 'in your name', owner_id: randomUUID() });
		expect(forged.status).toBe(403);
		expect(forged.error).toMatchObject({
			code: '42501',
			message: 'new row violates row-level security policy for table "notes"'
		});
	});
});
