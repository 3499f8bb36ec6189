// Countries are reference data: an install without the demo seed (local mode, a hosted
// project) has every delegation a member or a vote can name, in the three languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

let testDb: TestDatabase;
let names: Map<string, { en: string; ro: string; ru: string }>;

beforeAll(async () => {
	testDb = await createTestDatabase({ seed: false });
	const { rows } = await testDb.db.query<{ code: string; name: { en: string; ro: string; ru: string } }>(
		'select code, name from public.countries'
	);
	names = new Map(rows.map((row) => [row.code, row.name]));
});

afterAll(async () => {
	await testDb?.close();
});

describe('countries without the seed', () => {
	it('has every ISO 3166-1 country and Kosovo under UNSCR 1244', () => {
		expect(names.size).toBeGreaterThanOrEqual(249);
		for (const code of ['RO', 'MD', 'UA', 'FR', 'KZ', 'US', 'CN', 'BR', 'ZA']) expect(names.has(code), code).toBe(true);
		expect(names.get('XK')).toEqual({
			en: 'Kosovo (UNSCR 1244)',
			ro: 'Kosovo (RCSONU 1244)',
			ru: 'Косово (резолюция СБ ООН 1244)'
		});
	});

	it('names each in English, Romanian and Russian, as a UN delegation list would', () => {
		for (const [code, name] of names) {
			expect(name.en, code).toMatch(/\p{L}/u);
			expect(name.ro, code).toMatch(/\p{L}/u);
			expect(name.ru, code).toMatch(/\p{Script=Cyrillic}/u);
			// Russian without ё; Romanian with comma-below ș ț, never the cedilla forms.
			expect(name.ru, code).not.toMatch(/[ёЁ]/);
			expect(name.ro, code).not.toMatch(/[şţŞŢ]/);
		}
		expect(names.get('MD')).toEqual({ en: 'Republic of Moldova', ro: 'Republica Moldova', ru: 'Республика Молдова' });
		expect(names.get('KR')?.en).toBe('Republic of Korea');
		expect(names.get('AE')?.ru).toBe('Объединенные Арабские Эмираты');
	});
});
