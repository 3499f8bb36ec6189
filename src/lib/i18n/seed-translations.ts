// Reads the translated rows of supabase/seed.sql, pg_temp.tr('en', 'ro', 'ru'), so tests
// can hold the demo content to the same language rules as the UI. Understands exactly
// what the seed writes: SQL string literals ('' escapes a quote) joined with ||.

export interface SeedTranslation {
	line: number;
	en: string;
	ro: string;
	ru: string;
}

const CALL = 'pg_temp.tr(';

export function readSeedTranslations(sql: string): SeedTranslation[] {
	const rows: SeedTranslation[] = [];
	let from = 0;
	for (let at = sql.indexOf(CALL, from); at !== -1; at = sql.indexOf(CALL, from)) {
		let index = at + CALL.length;
		const args: string[] = [];
		let current = '';
		for (;;) {
			while (/\s/.test(sql[index] ?? '')) index++;
			const char = sql[index];
			if (char === "'") {
				const end = closingQuote(sql, index);
				current += sql.slice(index + 1, end).replaceAll("''", "'");
				index = end + 1;
			} else if (sql.startsWith('||', index)) {
				index += 2;
			} else if (char === ',' || char === ')') {
				args.push(current);
				current = '';
				index++;
				if (char === ')') break;
			} else {
				// A definition or a call with something other than literals: not a data row.
				args.length = 0;
				break;
			}
		}
		if (args.length === 3) {
			const [en, ro, ru] = args as [string, string, string];
			rows.push({ line: sql.slice(0, at).split('\n').length, en, ro, ru });
		}
		from = index;
	}
	return rows;
}

function closingQuote(sql: string, open: number): number {
	let index = open + 1;
	for (;;) {
		const next = sql.indexOf("'", index);
		if (next === -1) throw new Error(`Unterminated string literal at offset ${open}`);
		if (sql[next + 1] === "'") index = next + 2;
		else return next;
	}
}
