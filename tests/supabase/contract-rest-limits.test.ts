// Hostile requests against /rest/v1, each written as the attack: limited writes that
// must not touch more rows than named, nesting and fan-out that must be refused before
// they freeze the process, malformed input that must be a 4xx with PostgREST's body, and
// request bodies that must not exhaust memory. Runs on PGlite and on Postgres 15.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { bodyLimits } from '../../supabase/local/http.ts';
import { fixtureTest, restRequest, startTestStack } from './helpers/stack.ts';
import type { RestRequestInit, RestResponse, TestStack } from './helpers/stack.ts';

const fixture = fixtureTest('contract-rest-limits');

let t: TestStack;
const defaultBodyLimits = { ...bodyLimits };

beforeAll(async () => {
	t = await startTestStack();
});

afterAll(async () => {
	await t?.close();
});

afterEach(() => {
	Object.assign(bodyLimits, defaultBodyLimits);
});

const raw = (path: string, init?: RestRequestInit) => restRequest(t, path, init);
const asService = (path: string, init: RestRequestInit = {}) => raw(path, { apikey: t.serviceRoleKey, ...init });

/** A country of its own with `count` cities, so tests do not see each other's rows. */
async function countryWithCities(id: number, count: number): Promise<number[]> {
	const service = t.serviceClient();
	const country = await service.from('countries').insert({ id, name: `Country ${id}`, code: `C${id}` });
	expect(country.error).toBeNull();
	const cities = await service
		.from('cities')
		.insert(Array.from({ length: count }, (_, i) => ({ country_id: id, name: `City ${id}.${i}` })))
		.select('id')
		.order('id');
	expect(cities.error).toBeNull();
	return cities.data!.map((city) => city.id as number);
}

function expectRefused(wire: RestResponse, code: string, label: string): void {
	expect(wire.status, label).toBeGreaterThanOrEqual(400);
	expect(wire.status, label).toBeLessThan(500);
	expect(wire.json, label).toMatchObject({ code, message: expect.any(String) });
	expect(wire.json, label).toHaveProperty('details');
	expect(wire.json, label).toHaveProperty('hint');
}

describe('limited updates and deletes', () => {
	fixture('a delete with order and limit deletes only the rows the limit names', async () => {
		const ids = await countryWithCities(101, 3);
		const service = t.serviceClient();
		const deleted = await service.from('cities').delete().eq('country_id', 101).order('id').limit(1).select('id');
		expect(deleted.error).toBeNull();
		expect(deleted.data).toEqual([{ id: ids[0] }]);
		const left = await service.from('cities').select('id').eq('country_id', 101).order('id');
		expect(left.data).toEqual([{ id: ids[1] }, { id: ids[2] }]);
	});

	fixture('an update with order, limit and offset updates only the rows they name', async () => {
		const ids = await countryWithCities(102, 4);
		const service = t.serviceClient();
		const updated = await service
			.from('cities')
			.update({ is_capital: true })
			.eq('country_id', 102)
			.order('id', { ascending: false })
			.range(1, 2)
			.select('id');
		expect(updated.error).toBeNull();
		expect(updated.data?.map((row) => row.id).sort()).toEqual([ids[1], ids[2]]);
		const capitals = await service.from('cities').select('id').eq('country_id', 102).eq('is_capital', true);
		expect(capitals.data?.map((row) => row.id).sort()).toEqual([ids[1], ids[2]]);
	});

	fixture('return=minimal limited deletes report the one row they touched', async () => {
		await countryWithCities(103, 3);
		const wire = await asService('cities?country_id=eq.103&order=id.desc&limit=1', {
			method: 'DELETE',
			headers: { prefer: 'count=exact' }
		});
		expect(wire.status).toBe(204);
		expect(wire.headers.get('content-range')).toBe('0-0/1');
		const left = await t
			.serviceClient()
			.from('cities')
			.select('id', { count: 'exact', head: true })
			.eq('country_id', 103);
		expect(left.count).toBe(2);
	});
});

describe('nesting and fan-out', () => {
	fixture('an anonymous select embedded five levels deep is refused before any SQL', async () => {
		const deep = 'countries?select=id,cities(id,countries(id,cities(id,countries(id,cities(id)))))';
		expectRefused(await raw(deep), 'PGRST100', 'five levels');
		// Four levels is still a valid request.
		const four = await raw('countries?select=id,cities(id,countries(id,cities(id,countries(id))))&id=eq.4');
		expect(four.status).toBe(200);
	});

	fixture('embeds that multiply past the budget are stopped inside SQL, and the server keeps answering', async () => {
		await countryWithCities(104, 800);
		// 800 cities, each embedding its country and that country's 800 cities, each with its
		// country again: 640,000 nested objects, tens of megabytes of JSON.
		const heavy = raw('countries?select=id,cities(id,countries(id,cities(id,name,countries(id,name))))&id=eq.104');
		const cheap = raw('countries?select=name&id=eq.1');
		const [heavyWire, cheapWire] = await Promise.all([heavy, cheap]);
		expect(heavyWire.status).toBe(400);
		expect(heavyWire.json).toMatchObject({ code: 'PT400', message: expect.stringContaining('embedded resources') });
		expect(cheapWire.status).toBe(200);
		expect(cheapWire.json).toEqual([{ name: 'Moldova' }]);
		// Within the budget the same shape is answered.
		const narrow = await raw('countries?select=id,cities(id,countries(id,cities(id)))&id=eq.104&cities.limit=10');
		expect(narrow.status).toBe(200);
	});

	fixture('a function result larger than the response limit is refused inside SQL', async () => {
		const hugeText = await raw('rpc/repeat_text?times=20000000');
		expect(hugeText.status).toBe(400);
		expect(hugeText.json).toMatchObject({ code: 'PT400', message: expect.stringContaining('larger than') });
		const small = await raw('rpc/repeat_text?times=3');
		expect(small.json).toBe('xxx');
	});

	fixture('a read returns at most max_rows rows (config.toml [api] max_rows = 1000)', async () => {
		await countryWithCities(105, 1005);
		const wire = await raw('cities?select=id&country_id=eq.105', { headers: { prefer: 'count=exact' } });
		expect(wire.status).toBe(206);
		expect((wire.json as unknown[]).length).toBe(1000);
		expect(wire.headers.get('content-range')).toBe('0-999/1005');
	});
});

describe('statement timeouts per role', () => {
	fixture('each API role runs under its Supabase statement timeout', async () => {
		const whoRuns = async (init: RestRequestInit) => (await raw('rpc/statement_timeout', init)).json;
		expect(await whoRuns({})).toBe('3s');
		expect(await whoRuns({ token: await t.userToken('00000000-0000-4000-8000-000000000001') })).toBe('8s');
		expect(await whoRuns({ apikey: t.serviceRoleKey })).not.toMatch(/^[38]s$/);
	});

	fixture('on Postgres, an anonymous statement past 3 s is cancelled while other requests are served', async (ctx) => {
		// PGlite runs SQL on the server's own thread and cannot interrupt a statement; there
		// the nesting limits and row budget above are what bound a request.
		if (t.target !== 'postgres') ctx.skip();
		const finished: string[] = [];
		const slow = raw('rpc/sleep_seconds', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ seconds: 30 })
		}).then((wire) => {
			finished.push('slow');
			return wire;
		});
		const cheap = raw('countries?select=name&id=eq.2').then((wire) => {
			finished.push('cheap');
			return wire;
		});
		const [slowWire, cheapWire] = await Promise.all([slow, cheap]);
		expect(cheapWire.json).toEqual([{ name: 'Romania' }]);
		expect(finished).toEqual(['cheap', 'slow']);
		expect(slowWire.status).toBe(500);
		expect(slowWire.json).toMatchObject({ code: '57014', message: expect.stringContaining('statement timeout') });
	});
});

describe('malformed input is a 4xx with PostgREST’s body', () => {
	const json = { 'content-type': 'application/json' };

	fixture('unbalanced on_conflict and columns are PGRST100', async () => {
		const upsert = await asService('countries?on_conflict=code)%20do%20nothing;--', {
			method: 'POST',
			headers: { ...json, prefer: 'resolution=merge-duplicates' },
			body: JSON.stringify({ id: 1, name: 'Moldova', code: 'MD' })
		});
		expectRefused(upsert, 'PGRST100', 'on_conflict');
		const columns = await asService('countries?columns=id,(name', {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ id: 9, name: 'x', code: 'x' })
		});
		expectRefused(columns, 'PGRST100', 'columns');
	});

	fixture('an or= tree nested thousands deep is PGRST100', async () => {
		const depth = 2000;
		const tree = `${'or('.repeat(depth)}id.eq.1${')'.repeat(depth)}`;
		expectRefused(await raw(`countries?or=(${tree.slice(3, -1)})`), 'PGRST100', 'or');
		expectRefused(await raw(`countries?and=(${'and('.repeat(depth)}id.eq.1${')'.repeat(depth)})`), 'PGRST100', 'and');
	});

	fixture('a JSON path thousands of arrows long is PGRST100', async () => {
		const path = `info${'->a'.repeat(3000)}`;
		expectRefused(await raw(`countries?${path}=eq.1`), 'PGRST100', 'filter');
		expectRefused(await raw(`countries?select=${path}`), 'PGRST100', 'select');
		expectRefused(await raw(`countries?order=${path}`), 'PGRST100', 'order');
	});

	fixture('a JSON body nested thousands deep is PGRST102', async () => {
		const depth = 50_000;
		for (const body of [
			`${'['.repeat(depth)}${']'.repeat(depth)}`,
			`{"info":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`
		]) {
			const wire = await asService('countries', { method: 'POST', headers: json, body });
			expectRefused(wire, 'PGRST102', body.slice(0, 10));
		}
		const rpc = await raw('rpc/echo', {
			method: 'POST',
			headers: json,
			body: `${'['.repeat(depth)}${']'.repeat(depth)}`
		});
		expectRefused(rpc, 'PGRST102', 'rpc');
	});
});

/** A raw request whose body is sent in part and then held open. */
function heldRequest(path: string, declared: number, sent: number): { response: Promise<number>; release(): void } {
	const url = new URL(`${t.url}/rest/v1/${path}`);
	const req = http.request(url, {
		method: 'POST',
		headers: { apikey: t.anonKey, 'content-type': 'application/json', 'content-length': String(declared) }
	});
	const response = new Promise<number>((resolve, reject) => {
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
	});
	req.write(' '.repeat(sent));
	return {
		response,
		release: () => req.destroy()
	};
}

describe('request bodies', () => {
	fixture('a body over the size limit is 413', async () => {
		const wire = await raw('rpc/echo', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ text: 'x'.repeat(bodyLimits.maxBytes) })
		});
		expect(wire.status).toBe(413);
		expect(wire.json).toMatchObject({ code: 'PGRST413' });
	});

	fixture('a body that never finishes is cut off with 408', async () => {
		bodyLimits.timeoutMs = 200;
		const held = heldRequest('rpc/echo', 100, 10);
		try {
			expect(await held.response).toBe(408);
		} finally {
			held.release();
		}
	});

	fixture(
		'bodies in flight share one budget: past it a body is refused with 503, and freed when one ends',
		async () => {
			bodyLimits.maxBytesInFlight = 1000;
			const held = heldRequest('rpc/echo', 800, 10);
			const echo = () =>
				raw('rpc/echo', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: `"${'x'.repeat(400)}"`
				});
			try {
				// The held body reserves its declared 800 bytes once the server starts reading it.
				let refused: RestResponse | undefined;
				for (let attempt = 0; attempt < 200 && !refused; attempt++) {
					const wire = await echo();
					if (wire.status === 503) refused = wire;
					else expect(wire.status).toBe(200);
				}
				expect(refused?.json).toMatchObject({ code: 'PGRST503' });
			} finally {
				held.release();
			}
			await expect(held.response).rejects.toThrow();
			let served: RestResponse | undefined;
			for (let attempt = 0; attempt < 200 && served?.status !== 200; attempt++) served = await echo();
			expect(served?.status).toBe(200);
		}
	);
});

it('keeps the default body limits for the other tests', () => {
	expect(bodyLimits).toEqual(defaultBodyLimits);
});
