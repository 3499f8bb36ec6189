// Contract tests for /rest/v1 reads: real supabase-js clients (and raw fetch where the
// client hides the wire) against the local stack serving the fixture project in
// tests/supabase/fixtures/rest-project. With DATABASE_URL they run on a fresh Postgres
// database; with SUPABASE_URL and keys, against a real Supabase project, where the
// fixture-dependent tests skip (the project does not have the fixture schema).
// Writes, rpc and RLS are in contract-rest-writes, errors and auth in contract-rest-errors.
import { afterAll, beforeAll, describe, expect } from 'vitest';
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
