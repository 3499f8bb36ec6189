// Contract tests for /rest/v1: real supabase-js clients (and raw fetch where the client
// hides the wire) against the local stack serving the fixture project in
// tests/supabase/fixtures/rest-project. With DATABASE_URL the same suite runs on a fresh
// Postgres database; with SUPABASE_URL and keys, against a real Supabase project, where
// the fixture-dependent tests skip (the project does not have the fixture schema).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { remoteProject, startTestStack } from './helpers/stack.ts';
import type { TestStack } from './helpers/stack.ts';

const remote = remoteProject();
if (remote) {
	console.warn('contract-rest: SUPABASE_URL is set — fixture-schema tests are skipped against a real project.');
}
const fixture = remote ? it.skip : it;

let t: TestStack;

beforeAll(async () => {
	t = await startTestStack();
});

afterAll(async () => {
	await t?.close();
});

/** A raw request with the anon key, for what supabase-js does not expose (status, headers, malformed input). */
async function raw(path: string, init: RequestInit & { token?: string; apikey?: string | null } = {}) {
	const headers = new Headers(init.headers);
	const apikey = init.apikey === undefined ? t.anonKey : init.apikey;
	if (apikey !== null) headers.set('apikey', apikey);
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	const response = await fetch(`${t.url}/rest/v1/${path}`, { ...init, headers });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: text ? (JSON.parse(text) as unknown) : undefined
	};
}

describe('select with embedded relations', () => {
	fixture('embeds one-to-many arrays, nested embeds and one-to-one objects', async () => {
		const { data, error } = await t
			.client()
			.from('countries')
			.select('id, name, cities(name, districts(name)), country_profiles(motto)')
			.eq('id', 1)
			.order('id', { referencedTable: 'cities' })
			.order('name', { referencedTable: 'cities.districts' })
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({
			id: 1,
			name: 'Moldova',
			cities: [
				{ name: 'Chișinău', districts: [{ name: 'Botanica' }, { name: 'Centru' }] },
				{ name: 'Bălți', districts: [] },
				{ name: 'Cahul', districts: [] }
			],
			country_profiles: { motto: 'Limba noastră' }
		});
	});

	fixture('embeds many-to-one as an object, with an alias and a foreign key hint', async () => {
		const { data, error } = await t
			.client()
			.from('cities')
			.select('name, country:countries!cities_country_id_fkey(code, name)')
			.in('id', [1, 6])
			.order('id');
		expect(error).toBeNull();
		expect(data).toEqual([
			{ name: 'Chișinău', country: { code: 'MD', name: 'Moldova' } },
			{ name: 'Nairobi', country: { code: 'KE', name: 'Kenya' } }
		]);
	});

	fixture('filters embedded rows, and drops parents without a match when !inner', async () => {
		const client = t.client();
		const left = await client.from('countries').select('code, cities(name)').eq('cities.is_capital', true).order('id');
		expect(left.error).toBeNull();
		expect(left.data).toEqual([
			{ code: 'MD', cities: [{ name: 'Chișinău' }] },
			{ code: 'RO', cities: [{ name: 'București' }] },
			{ code: 'KE', cities: [{ name: 'Nairobi' }] },
			{ code: 'AT', cities: [] }
		]);
		const inner = await client
			.from('countries')
			.select('code, cities!inner(name)')
			.gt('cities.population', 1_000_000)
			.order('id');
		expect(inner.error).toBeNull();
		expect(inner.data).toEqual([
			{ code: 'RO', cities: [{ name: 'București' }] },
			{ code: 'KE', cities: [{ name: 'Nairobi' }] }
		]);
	});

	fixture('an empty embed filters parents without adding a key', async () => {
		const { data, error } = await t
			.client()
			.from('countries')
			.select('code, cities!inner()')
			.gt('cities.population', 1_000_000)
			.order('id');
		expect(error).toBeNull();
		expect(data).toEqual([{ code: 'RO' }, { code: 'KE' }]);
	});

	fixture('null filtering on an embedded resource finds parents with and without matches', async () => {
		const client = t.client();
		const without = await client.from('countries').select('code, cities(id)').is('cities', null).order('id');
		expect(without.data).toEqual([{ code: 'AT', cities: [] }]);
		const withCities = await client.from('countries').select('code, cities(id)').not('cities', 'is', null).order('id');
		expect((withCities.data ?? []).map((row) => row.code)).toEqual(['MD', 'RO', 'KE']);
	});

	fixture('renames, casts, JSON paths and spreads to-one embeds', async () => {
		const { data, error } = await t
			.client()
			.from('cities')
			.select(
				'label:name, people:population::text, ...countries(country:name, capital:info->>capital, eu:info->eu->candidate)'
			)
			.eq('id', 2)
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({ label: 'Bălți', people: '100000', country: 'Moldova', capital: 'Chișinău', eu: true });
	});

	fixture('embeds many-to-many through a junction table, both ways', async () => {
		const client = t.client();
		const countries = await client
			.from('countries')
			.select('code, organisations(name)')
			.in('id', [2, 4])
			.order('id')
			.order('id', { referencedTable: 'organisations' });
		expect(countries.error).toBeNull();
		expect(countries.data).toEqual([
			{ code: 'RO', organisations: [{ name: 'United Nations' }, { name: 'European Union' }] },
			{ code: 'AT', organisations: [] }
		]);
		const members = await client
			.from('organisations')
			.select('name, members:countries!memberships(code)')
			.eq('id', 1)
			.order('code', { referencedTable: 'members' })
			.single();
		expect(members.data).toEqual({ name: 'United Nations', members: [{ code: 'KE' }, { code: 'MD' }, { code: 'RO' }] });
	});

	fixture('embeds through views over tables with foreign keys, both ways', async () => {
		const client = t.client();
		const capitals = await client.from('capitals').select('name, countries(code)').order('id');
		expect(capitals.error).toBeNull();
		expect(capitals.data).toEqual([
			{ name: 'Chișinău', countries: { code: 'MD' } },
			{ name: 'București', countries: { code: 'RO' } },
			{ name: 'Nairobi', countries: { code: 'KE' } }
		]);
		const countries = await client.from('countries').select('code, capitals(name)').in('id', [1, 4]).order('id');
		expect(countries.data).toEqual([
			{ code: 'MD', capitals: [{ name: 'Chișinău' }] },
			{ code: 'AT', capitals: [] }
		]);
	});

	fixture('answers PGRST200 for an unknown relationship', async () => {
		const { data, error, status } = await t.client().from('countries').select('name, planets(name)');
		expect(data).toBeNull();
		expect(status).toBe(400);
		expect(error).toMatchObject({
			code: 'PGRST200',
			message: "Could not find a relationship between 'countries' and 'planets' in the schema cache"
		});
	});
});

describe('filters', () => {
	const countries = () => t.client().from('countries').select('code').order('id');
	const codes = async (filter: (query: ReturnType<typeof countries>) => ReturnType<typeof countries>) => {
		const { data, error } = await filter(countries());
		expect(error).toBeNull();
		return (data ?? []).map((row) => row.code);
	};

	fixture('eq, neq, gt, gte, lt, lte, in', async () => {
		expect(await codes((q) => q.eq('name', 'Kenya'))).toEqual(['KE']);
		expect(await codes((q) => q.neq('code', 'MD'))).toEqual(['RO', 'KE', 'AT']);
		expect(await codes((q) => q.gt('id', 2))).toEqual(['KE', 'AT']);
		expect(await codes((q) => q.gte('id', 2))).toEqual(['RO', 'KE', 'AT']);
		expect(await codes((q) => q.lt('id', 2))).toEqual(['MD']);
		expect(await codes((q) => q.lte('id', 2))).toEqual(['MD', 'RO']);
		expect(await codes((q) => q.in('code', ['KE', 'MD', 'XX']))).toEqual(['MD', 'KE']);
		expect(await codes((q) => q.in('name', ['Kenya, Republic of', 'Romania']))).toEqual(['RO']);
	});

	fixture('is null / true / false, and not', async () => {
		expect(await codes((q) => q.is('climate', null))).toEqual(['AT']);
		expect(await codes((q) => q.not('climate', 'is', null))).toEqual(['MD', 'RO', 'KE']);
		expect(await codes((q) => q.not('code', 'in', '(MD,RO)'))).toEqual(['KE', 'AT']);
		const capitals = await t.client().from('cities').select('name').is('is_capital', false).order('id');
		expect(capitals.data).toEqual([{ name: 'Bălți' }, { name: 'Cahul' }, { name: 'Cluj-Napoca' }]);
	});

	fixture('like and ilike with * wildcards, match', async () => {
		expect(await codes((q) => q.like('name', '*ia'))).toEqual(['RO']);
		expect(await codes((q) => q.ilike('name', 'm*'))).toEqual(['MD']);
		expect(await codes((q) => q.match({ climate: 'tropical' }))).toEqual(['KE']);
		expect(await codes((q) => q.filter('name', 'imatch', '^(kenya|atl)'))).toEqual(['KE', 'AT']);
	});

	fixture('or with nested and, on the top level and on an embedded resource', async () => {
		expect(await codes((q) => q.or('code.eq.AT,and(id.gte.2,climate.eq.temperate)'))).toEqual(['RO', 'AT']);
		const { data } = await t
			.client()
			.from('countries')
			.select('code, cities(name)')
			.eq('id', 1)
			.or('population.gt.500000,population.is.null', { referencedTable: 'cities' })
			.order('id', { referencedTable: 'cities' });
		expect(data).toEqual([{ code: 'MD', cities: [{ name: 'Chișinău' }, { name: 'Cahul' }] }]);
	});

	fixture('contains, contained by and overlaps on arrays and jsonb', async () => {
		expect(await codes((q) => q.contains('languages', ['ro']))).toEqual(['MD', 'RO']);
		expect(await codes((q) => q.containedBy('languages', ['ro', 'en', 'sw']))).toEqual(['RO', 'KE', 'AT']);
		expect(await codes((q) => q.overlaps('languages', ['sw', 'ru']))).toEqual(['MD', 'KE']);
		expect(await codes((q) => q.contains('info', { eu: { candidate: true } }))).toEqual(['MD']);
	});

	fixture('filters on JSON paths', async () => {
		expect(await codes((q) => q.eq('info->>capital', 'Nairobi'))).toEqual(['KE']);
	});
});

describe('order, range and count', () => {
	fixture('orders by several columns with nulls last', async () => {
		const { data } = await t
			.client()
			.from('cities')
			.select('name')
			.order('population', { ascending: false, nullsFirst: false })
			.order('name')
			.limit(7);
		expect((data ?? []).map((r) => r.name)).toEqual([
			'Nairobi',
			'București',
			'Chișinău',
			'Cluj-Napoca',
			'Bălți',
			'Cahul'
		]);
	});

	fixture('orders by a column of a to-one embedded resource', async () => {
		const client = t.client();
		const { data, error } = await client
			.from('cities')
			.select('name, country:countries(name)')
			.lte('id', 6)
			.order('country(name)', { ascending: false })
			.order('name');
		expect(error).toBeNull();
		expect((data ?? []).map((row) => row.name)).toEqual([
			'București',
			'Cluj-Napoca',
			'Bălți',
			'Cahul',
			'Chișinău',
			'Nairobi'
		]);
		const toMany = await client.from('countries').select('name, cities(name)').order('cities(name)');
		expect(toMany.status).toBe(400);
		expect(toMany.error).toMatchObject({ code: 'PGRST118' });
	});

	fixture('range with an exact count answers 206 and Content-Range', async () => {
		const { data, count, status } = await t
			.client()
			.from('cities')
			.select('id', { count: 'exact' })
			.order('id')
			.range(1, 2);
		expect(data).toEqual([{ id: 2 }, { id: 3 }]);
		expect(count).toBe(6);
		expect(status).toBe(206);
		const wire = await raw('cities?select=id&order=id&offset=1&limit=2', { headers: { prefer: 'count=exact' } });
		expect(wire.headers.get('content-range')).toBe('1-2/6');
		const all = await raw('cities?select=id');
		expect(all.status).toBe(200);
		expect(all.headers.get('content-range')).toBe('0-5/*');
	});

	fixture('head requests count without a body', async () => {
		const { data, count, status, error } = await t
			.client()
			.from('cities')
			.select('*', { count: 'exact', head: true })
			.eq('country_id', 1);
		expect(error).toBeNull();
		expect(data).toBeNull();
		expect(count).toBe(3);
		expect(status).toBe(200);
	});

	fixture('an offset past the end with a count is 416', async () => {
		const wire = await raw('cities?select=id&offset=50', { headers: { prefer: 'count=exact' } });
		expect(wire.status).toBe(416);
		expect(wire.json).toMatchObject({ code: 'PGRST103' });
	});
});

describe('single and maybeSingle', () => {
	fixture('single returns the object, or PGRST116 for no row and for many rows', async () => {
		const client = t.client();
		const one = await client.from('countries').select('name').eq('code', 'RO').single();
		expect(one).toMatchObject({ data: { name: 'Romania' }, error: null, status: 200 });
		const none = await client.from('countries').select('name').eq('code', 'XX').single();
		expect(none.status).toBe(406);
		expect(none.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 0 rows' });
		const many = await client.from('countries').select('name').single();
		expect(many.status).toBe(406);
		expect(many.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 4 rows' });
	});

	fixture('maybeSingle gives null for no row and PGRST116 for many', async () => {
		const client = t.client();
		const none = await client.from('countries').select('name').eq('code', 'XX').maybeSingle();
		expect(none).toMatchObject({ data: null, error: null });
		const many = await client.from('countries').select('name').maybeSingle();
		expect(many.error).toMatchObject({ code: 'PGRST116' });
	});
});

describe('writes', () => {
	// Writes add rows past the seed (countries 100+, cities of those and of Atlantis);
	// remove them so the read tests see the seed alone whatever the order.
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
