import { describe, expect, it } from 'vitest';
import { countryIndex, parseDelegates, type ImportProblem } from './delegates.ts';

const countries = countryIndex([
	{ code: 'MD', names: ['Republic of Moldova', 'Republica Moldova', 'Республика Молдова'] },
	{ code: 'KR', names: ['Republic of Korea', 'Republica Coreea', 'Республика Корея'] },
	{ code: 'KP', names: ["Democratic People's Republic of Korea", 'Republica Populară Democrată Coreeană', 'КНДР'] },
	{ code: 'RU', names: ['Russian Federation', 'Federația Rusă', 'Российская Федерация'] },
	{ code: 'RO', names: ['Romania', 'România', 'Румыния'] },
	{ code: 'GE', names: ['Georgia', 'Georgia', 'Грузия'] }
]);

const HEADER = 'name,email,country,organisation,sector,role,language';

function parse(text: string) {
	return parseDelegates(text, countries);
}

function problemsOf(text: string): Pick<ImportProblem, 'line' | 'column' | 'key'>[] {
	return parse(text).problems.map(({ line, column, key }) => ({ line, column, key }));
}

describe('parseDelegates', () => {
	it('reads a clean comma-separated file into rows with their line numbers', () => {
		const result = parse(
			`${HEADER}\nAna Popescu,Ana@Example.org,MD,Ministry,child protection,delegate,ro\nIvan Petrov,ivan@example.org,Грузия,,,observer,русский\n`
		);
		expect(result.problems).toEqual([]);
		expect(result.rows).toEqual([
			{
				line: 2,
				email: 'ana@example.org',
				displayName: 'Ana Popescu',
				countryCode: 'MD',
				organisation: 'Ministry',
				sector: 'child_protection',
				role: 'delegate',
				language: 'ro'
			},
			{
				line: 3,
				email: 'ivan@example.org',
				displayName: 'Ivan Petrov',
				countryCode: 'GE',
				organisation: null,
				sector: null,
				role: 'observer',
				language: 'ru'
			}
		]);
	});

	it('takes a Romanian Excel file: semicolons, BOM, CRLF, Romanian headers and values', () => {
		const text =
			'\uFEFFNume;Adresă de e-mail;Țară;Organizație;Sector;Rol;Limbă\r\nIon Rusu;ion@example.org;Republica Moldova;Ministerul Muncii, Protecției Sociale;Protecția copilului;delegat;română\r\n';
		const result = parse(text);
		expect(result.problems).toEqual([]);
		expect(result.delimiter).toBe(';');
		expect(result.rows[0]).toMatchObject({
			line: 2,
			email: 'ion@example.org',
			countryCode: 'MD',
			organisation: 'Ministerul Muncii, Protecției Sociale',
			sector: 'child_protection',
			role: 'delegate',
			language: 'ro'
		});
	});

	it('knows countries by code, formal and everyday name in any language', () => {
		const index = countries;
		const expected: [string, string][] = [
			['md', 'MD'],
			['Moldova', 'MD'],
			['Молдова', 'MD'],
			['Republica Moldova', 'MD'],
			['Россия', 'RU'],
			['Russia', 'RU'],
			['Korea', 'KR']
		];
		for (const [name, code] of expected) {
			expect(index.get(name.toLowerCase()), name).toBe(code);
		}
	});

	it('takes Russian headers', () => {
		const result = parse('ФИО,Эл. почта,Страна,Роль,Язык\nИван,ivan@example.org,Румыния,Делегат,ru\n');
		expect(result.problems).toEqual([]);
		expect(result.rows[0]).toMatchObject({ countryCode: 'RO', role: 'delegate', language: 'ru' });
	});

	it('keeps quoted commas and line breaks inside a cell, and counts the lines after them', () => {
		const text = `${HEADER}\n"Popescu, Ana",ana@example.org,MD,"Ministry of Labour,\nSocial Protection and Family",,delegate,\nBad,not-an-email,MD,,,delegate,\n`;
		const result = parse(text);
		expect(problemsOf(text)).toEqual([{ line: 4, column: 'email', key: 'peopleImport.problem.emailInvalid' }]);
		expect(result.rows).toEqual([]);
		const fixed = parse(text.replace('not-an-email', 'bad@example.org'));
		expect(fixed.rows.map((row) => [row.line, row.displayName, row.organisation])).toEqual([
			[2, 'Popescu, Ana', 'Ministry of Labour,\nSocial Protection and Family'],
			[4, 'Bad', null]
		]);
	});

	it('counts lines right with CRLF and blank lines', () => {
		expect(problemsOf(`${HEADER}\r\n\r\nA,a@example.org,MD,,,delegate,\r\nB,b@,MD,,,delegate,\r\n`)).toEqual([
			{ line: 4, column: 'email', key: 'peopleImport.problem.emailInvalid' }
		]);
	});

	it('names the missing and unknown columns, as the file spells them', () => {
		expect(problemsOf('Full name,Emial,Country\nA,a@example.org,MD\n')).toEqual([
			{ line: 1, column: 'Emial', key: 'peopleImport.problem.unknownColumn' },
			{ line: 1, column: 'email', key: 'peopleImport.problem.missingColumn' }
		]);
		expect(problemsOf('name,email,e-mail\nA,a@example.org,b@example.org\n')).toEqual([
			{ line: 1, column: 'e-mail', key: 'peopleImport.problem.repeatedColumn' }
		]);
	});

	it('reports every bad value in a row with its column', () => {
		const text = `Nume,E-mail,Țară,Sector,Rol,Limbă\n,ana@example.org,Atlantis,Space,king,klingon\n`;
		expect(problemsOf(text)).toEqual([
			{ line: 2, column: 'Nume', key: 'peopleImport.problem.nameMissing' },
			{ line: 2, column: 'Țară', key: 'peopleImport.problem.countryUnknown' },
			{ line: 2, column: 'Sector', key: 'peopleImport.problem.sectorUnknown' },
			{ line: 2, column: 'Rol', key: 'peopleImport.problem.roleUnknown' },
			{ line: 2, column: 'Limbă', key: 'peopleImport.problem.languageUnknown' }
		]);
		expect(parse(text).problems[1]!.value).toBe('Atlantis');
	});

	it('finds an address repeated in the file, whatever its case, naming the first line', () => {
		const result = parse(`name,email\nA,a@example.org\nB,b@example.org\nA again,A@EXAMPLE.org\n`);
		expect(result.problems).toEqual([
			{ line: 4, column: 'email', key: 'peopleImport.problem.emailRepeated', value: 'a@example.org', otherLine: 2 }
		]);
		expect(result.rows).toEqual([]);
	});

	it('refuses an empty file, a header alone, and whitespace', () => {
		for (const text of ['', '\uFEFF', '   \r\n\r\n', 'name,email\n']) {
			expect(problemsOf(text)).toEqual([{ line: 1, column: null, key: 'peopleImport.problem.empty' }]);
		}
	});

	it('flags cells beyond the header and an unclosed quote', () => {
		expect(problemsOf('name,email\nA,a@example.org,surplus\n')).toEqual([
			{ line: 2, column: null, key: 'peopleImport.problem.extraCells' }
		]);
		expect(problemsOf('name,email\n"A,a@example.org\nB,b@example.org\n').map((p) => p.key)).toContain(
			'peopleImport.problem.unclosedQuote'
		);
	});

	it('defaults the role to delegate and leaves empty optional cells null', () => {
		expect(parse('email,name\na@example.org,A\n').rows).toEqual([
			{
				line: 2,
				email: 'a@example.org',
				displayName: 'A',
				countryCode: null,
				organisation: null,
				sector: null,
				role: 'delegate',
				language: null
			}
		]);
	});

	it('reads 10,000 rows and finds the one bad row among them', () => {
		const lines = [HEADER];
		for (let i = 0; i < 10_000; i++) lines.push(`Person ${i},person.${i}@example.org,RO,Org,health,delegate,en`);
		lines[5001] = 'Person bad,person.bad@example,RO,Org,health,delegate,en';
		const result = parse(lines.join('\r\n'));
		expect(result.problems).toEqual([
			{ line: 5002, column: 'email', key: 'peopleImport.problem.emailInvalid', value: 'person.bad@example' }
		]);
		const fixed = parse(lines.join('\r\n').replace('person.bad@example', 'person.bad@example.org'));
		expect(fixed.rows).toHaveLength(10_000);
		expect(fixed.rows.at(-1)!.line).toBe(10_001);
	});
});
