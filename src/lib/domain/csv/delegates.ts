// A delegate list (CSV) read and checked row by row before anything is written. Every
// problem names the line of the file it is on (as a spreadsheet or text editor counts
// them, so a quoted line break moves the following rows down) and its column, so the
// organiser can find and fix it. The database checks the same rules again on import.
import Papa from 'papaparse';
import {
	HEADER_ALIASES,
	LANGUAGE_ALIASES,
	ROLE_ALIASES,
	SECTOR_ALIASES,
	normalizeLabel,
	type ImportField,
	type ImportLanguage,
	type ImportRole,
	type ImportSector
} from './header-aliases.ts';

export type { ImportField } from './header-aliases.ts';

/** Countries as reference data: the ISO code and its names in every language. */
export interface CountryName {
	code: string;
	names: string[];
}

export interface DelegateRow {
	line: number;
	email: string;
	displayName: string;
	countryCode: string | null;
	organisation: string | null;
	sector: ImportSector | null;
	role: ImportRole;
	language: ImportLanguage | null;
}

export type ProblemKey =
	| 'peopleImport.problem.empty'
	| 'peopleImport.problem.tooManyRows'
	| 'peopleImport.problem.missingColumn'
	| 'peopleImport.problem.unknownColumn'
	| 'peopleImport.problem.repeatedColumn'
	| 'peopleImport.problem.emailMissing'
	| 'peopleImport.problem.emailInvalid'
	| 'peopleImport.problem.emailRepeated'
	| 'peopleImport.problem.nameMissing'
	| 'peopleImport.problem.tooLong'
	| 'peopleImport.problem.countryUnknown'
	| 'peopleImport.problem.sectorUnknown'
	| 'peopleImport.problem.roleUnknown'
	| 'peopleImport.problem.languageUnknown'
	| 'peopleImport.problem.extraCells'
	| 'peopleImport.problem.unclosedQuote';

export interface ImportProblem {
	/** Line of the file, counting from 1 (the header is line 1). */
	line: number;
	/** The column as the file names it, when the problem is in one cell or header. */
	column: string | null;
	key: ProblemKey;
	/** The offending text, or another line for a repeated address. */
	value?: string;
	otherLine?: number;
}

export interface ParsedDelegates {
	rows: DelegateRow[];
	problems: ImportProblem[];
	delimiter: string;
}

export const MAX_ROWS = 20_000;
const REQUIRED: readonly ImportField[] = ['email', 'name'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_LENGTH: Partial<Record<ImportField, number>> = { email: 254, name: 200, organisation: 300 };

/** Everyday names people type for countries whose reference name is the formal one. */
const COUNTRY_EVERYDAY_NAMES: Record<string, string[]> = {
	GB: ['UK', 'United Kingdom', 'Great Britain', 'Marea Britanie', 'Великобритания'],
	MK: ['Macedonia', 'North Macedonia', 'Macedonia de Nord', 'Северная Македония', 'Македония'],
	RU: ['Russia', 'Rusia', 'Россия'],
	TR: ['Turkey', 'Türkiye', 'Turcia', 'Турция'],
	US: ['USA', 'United States', 'SUA', 'США']
};

/** "Republic of Moldova" → "moldova": the short form people write, in each language. */
const FORMAL_PREFIX = /^(republic of|republica|республика) /;

/**
 * Country names (any language), everyday short forms and codes → code. A short form made
 * by dropping "Republic of" is taken only where it names a single country.
 */
export function countryIndex(countries: CountryName[]): Map<string, string> {
	const map = new Map<string, string>();
	const short = new Map<string, string | null>();
	for (const country of countries) {
		map.set(normalizeLabel(country.code), country.code);
		for (const name of [...country.names, ...(COUNTRY_EVERYDAY_NAMES[country.code] ?? [])]) {
			const label = normalizeLabel(name);
			map.set(label, country.code);
			const shortened = label.replace(FORMAL_PREFIX, '');
			if (shortened !== label) {
				short.set(shortened, short.has(shortened) && short.get(shortened) !== country.code ? null : country.code);
			}
		}
	}
	for (const [label, code] of short) if (code && !map.has(label)) map.set(label, code);
	return map;
}

/** Line numbers where each record starts, from the character offsets papaparse reports. */
function lineCounter(text: string) {
	let offset = 0;
	let line = 1;
	return (recordStart: number): number => {
		for (; offset < recordStart; offset++) if (text.charCodeAt(offset) === 10) line++;
		return line;
	};
}

interface Header {
	fields: (ImportField | null)[];
	/** Each field's column as the file names it, for the problems. */
	labels: Map<ImportField, string>;
	problems: ImportProblem[];
}

function readHeader(cells: string[]): Header {
	const fields: (ImportField | null)[] = [];
	const labels = new Map<ImportField, string>();
	const problems: ImportProblem[] = [];
	for (const cell of cells) {
		const label = cell.trim();
		const field = HEADER_ALIASES.get(normalizeLabel(label)) ?? null;
		if (!field && label !== '') problems.push({ line: 1, column: label, key: 'peopleImport.problem.unknownColumn' });
		else if (field && fields.includes(field)) {
			problems.push({ line: 1, column: label, key: 'peopleImport.problem.repeatedColumn' });
		}
		const fresh = field && !fields.includes(field) ? field : null;
		if (fresh) labels.set(fresh, label);
		fields.push(fresh);
	}
	for (const field of REQUIRED) {
		if (!fields.includes(field)) problems.push({ line: 1, column: field, key: 'peopleImport.problem.missingColumn' });
	}
	return { fields, labels, problems };
}

type Cells = Partial<Record<ImportField, string>>;

function checkRow(
	line: number,
	cells: Cells,
	columnName: (field: ImportField) => string,
	countries: Map<string, string>
): { row?: DelegateRow; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	const problem = (field: ImportField, key: ProblemKey, value?: string) =>
		problems.push({ line, column: columnName(field), key, ...(value !== undefined ? { value } : {}) });

	for (const [field, max] of Object.entries(MAX_LENGTH) as [ImportField, number][]) {
		if ((cells[field] ?? '').length > max) problem(field, 'peopleImport.problem.tooLong');
	}
	const email = (cells.email ?? '').toLowerCase();
	if (email === '') problem('email', 'peopleImport.problem.emailMissing');
	else if (!EMAIL.test(email)) problem('email', 'peopleImport.problem.emailInvalid', email);
	const displayName = cells.name ?? '';
	if (displayName === '') problem('name', 'peopleImport.problem.nameMissing');

	const lookup = <T>(field: ImportField, map: Map<string, T>, key: ProblemKey): T | null => {
		const text = cells[field] ?? '';
		if (text === '') return null;
		const found = map.get(normalizeLabel(text));
		if (found === undefined) problem(field, key, text);
		return found ?? null;
	};
	const countryCode = lookup('country', countries, 'peopleImport.problem.countryUnknown');
	const sector = lookup('sector', SECTOR_ALIASES, 'peopleImport.problem.sectorUnknown');
	const role = lookup('role', ROLE_ALIASES, 'peopleImport.problem.roleUnknown') ?? 'delegate';
	const language = lookup('language', LANGUAGE_ALIASES, 'peopleImport.problem.languageUnknown');

	if (problems.length > 0) return { problems };
	return {
		row: {
			line,
			email,
			displayName,
			countryCode,
			organisation: cells.organisation || null,
			sector,
			role,
			language
		},
		problems
	};
}

/**
 * Reads a delegate list: comma, semicolon (Excel in Romanian and Russian) or tab
 * separated, with or without a byte order mark, Windows or Unix line ends, quoted cells
 * with commas and line breaks. Blank lines are skipped. Rows come back only when there
 * is no problem at all: an import is all or nothing.
 */
export function parseDelegates(text: string, countries: Map<string, string>): ParsedDelegates {
	const content = text.replace(/^\uFEFF/, '');
	const problems: ImportProblem[] = [];
	const rows: DelegateRow[] = [];
	if (content.trim() === '') {
		return { rows, problems: [{ line: 1, column: null, key: 'peopleImport.problem.empty' }], delimiter: ',' };
	}

	const lineAt = lineCounter(content);
	let header: Header | undefined;
	let recordStart = 0;
	let dataRows = 0;
	let delimiter = ',';
	const seen = new Map<string, number>();
	Papa.parse<string[]>(content, {
		delimitersToGuess: [',', ';', '\t', '|'],
		step: (step) => {
			const line = lineAt(recordStart);
			recordStart = step.meta.cursor;
			delimiter = step.meta.delimiter;
			// papaparse leaves the line break before a record in the record's start.
			const cells = step.data.map((cell) => cell.trim());
			if (step.errors.some((error) => error.code === 'MissingQuotes')) {
				problems.push({ line, column: null, key: 'peopleImport.problem.unclosedQuote' });
			}
			if (cells.every((cell) => cell === '')) return;
			if (!header) {
				header = readHeader(cells);
				problems.push(...header.problems);
				return;
			}
			dataRows++;
			if (dataRows > MAX_ROWS) {
				if (dataRows === MAX_ROWS + 1) {
					problems.push({ line, column: null, key: 'peopleImport.problem.tooManyRows', value: String(MAX_ROWS) });
				}
				return;
			}
			// Without its required columns no row can be read; the header problem says it all.
			if (header.problems.some((problem) => problem.key === 'peopleImport.problem.missingColumn')) return;
			const fields = header.fields;
			if (cells.length > fields.length && cells.slice(fields.length).some((cell) => cell !== '')) {
				problems.push({ line, column: null, key: 'peopleImport.problem.extraCells' });
			}
			const byField: Cells = {};
			fields.forEach((field, i) => {
				if (field) byField[field] = cells[i] ?? '';
			});
			const labels = header.labels;
			const columnName = (field: ImportField) => labels.get(field) ?? field;
			const checked = checkRow(line, byField, columnName, countries);
			problems.push(...checked.problems);
			if (checked.row) {
				const first = seen.get(checked.row.email);
				if (first !== undefined) {
					problems.push({
						line,
						column: columnName('email'),
						key: 'peopleImport.problem.emailRepeated',
						value: checked.row.email,
						otherLine: first
					});
				} else {
					seen.set(checked.row.email, line);
					rows.push(checked.row);
				}
			}
		}
	});
	if (!header || dataRows === 0) problems.push({ line: 1, column: null, key: 'peopleImport.problem.empty' });
	return { rows: problems.length === 0 ? rows : [], problems, delimiter };
}
