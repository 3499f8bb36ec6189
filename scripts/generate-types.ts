// Writes src/lib/supabase/database.types.ts from the schema the migrations build, in the
// shape `supabase gen types typescript` produces, so supabase-js clients are typed exactly
// without needing the Supabase CLI or Docker. A fresh in-memory PGlite is migrated and the
// public schema read from pg_catalog.
//
//   npm run types:generate            rewrite the file
//   npm run types:generate -- --check exit 1 when the file is out of date
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { openDatabase } from '../src/lib/server/db/sql-client.ts';
import { readTypeCatalog } from '../supabase/local/catalog.ts';
import type {
	TypeCatalog as Catalog,
	TypeCatalogColumn as Column,
	PgFunction,
	TypeCatalogRelation as Relation
} from '../supabase/local/catalog.ts';
import { migrate } from '../supabase/local/migrate.ts';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
export const typesFile = path.join(rootDir, 'src/lib/supabase/database.types.ts');
const schemaName = 'public';
// The local stack answers like PostgREST 12; newer versions unlock more typed features.
const postgrestVersion = '12';

// Used only when the repository has no Prettier config of its own.
const fallbackPrettierOptions: prettier.Options = {
	useTabs: true,
	singleQuote: true,
	trailingComma: 'none',
	printWidth: 100
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');

const stringTypes = new Set([
	'bytea',
	'bpchar',
	'char',
	'varchar',
	'text',
	'citext',
	'name',
	'uuid',
	'date',
	'time',
	'timetz',
	'timestamp',
	'timestamptz',
	'interval',
	'inet',
	'cidr',
	'macaddr',
	'macaddr8',
	'money',
	'xml',
	'tsvector',
	'tsquery',
	'bit',
	'varbit',
	'oid',
	'regclass',
	'regtype',
	'regproc',
	'vector'
]);
const numberTypes = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric']);

class TypeMapper {
	readonly catalog: Catalog;
	constructor(catalog: Catalog) {
		this.catalog = catalog;
	}

	/** The TypeScript type supabase-js sees for a value of this Postgres type. */
	tsType(typeId: number): string {
		const type = this.catalog.types.get(typeId);
		if (!type) return 'unknown';
		const ref = `Database[${quote(schemaName)}]`;
		if (type.kind === 'e') {
			if (type.schema === schemaName) return `${ref}["Enums"][${quote(type.name)}]`;
			return (this.catalog.enumValues.get(type.id) ?? []).map(quote).join(' | ') || 'string';
		}
		if (type.kind === 'd') return this.tsType(type.baseTypeId);
		if (type.kind === 'c') {
			if (type.schema !== schemaName || !type.relationName) return 'unknown';
			if (type.relationKind === 'c') return `${ref}["CompositeTypes"][${quote(type.relationName)}]`;
			const group = type.relationKind === 'v' || type.relationKind === 'm' ? 'Views' : 'Tables';
			return `${ref}[${quote(group)}][${quote(type.relationName)}]["Row"]`;
		}
		if (type.elementId !== 0 && type.name.startsWith('_')) {
			const element = this.tsType(type.elementId);
			return element.includes(' ') && !element.startsWith('Database') ? `(${element})[]` : `${element}[]`;
		}
		if (type.name === 'bool') return 'boolean';
		if (numberTypes.has(type.name)) return 'number';
		if (type.name === 'json' || type.name === 'jsonb') return 'Json';
		if (type.name === 'void') return 'undefined';
		if (type.name === 'record') return 'Record<string, unknown>';
		if (stringTypes.has(type.name) || type.kind === 'r' || type.kind === 'm') return 'string';
		return 'unknown';
	}

	isPseudo(typeId: number): boolean {
		return this.catalog.types.get(typeId)?.kind === 'p';
	}

	typeName(typeId: number): string {
		return this.catalog.types.get(typeId)?.name ?? '';
	}
}

function quote(value: string): string {
	return JSON.stringify(value);
}

function objectType(fields: string[]): string {
	return fields.length === 0 ? '{ [_ in never]: never }' : `{\n${fields.join('\n')}\n}`;
}

function section(entries: string[]): string {
	return entries.length === 0 ? '{\n[_ in never]: never\n}' : `{\n${entries.join('\n')}\n}`;
}

function rowFields(columns: Column[], mapper: TypeMapper): string[] {
	return columns.map(
		(column) => `${quote(column.name)}: ${mapper.tsType(column.typeId)}${column.notNull ? '' : ' | null'}`
	);
}

function writeFields(columns: Column[], mapper: TypeMapper, mode: 'insert' | 'update'): string[] {
	return columns.map((column) => {
		if (column.identity === 'a' || column.generated === 's') return `${quote(column.name)}?: never`;
		const optional = mode === 'update' || !column.notNull || column.hasDefault || column.identity === 'd';
		return `${quote(column.name)}${optional ? '?' : ''}: ${mapper.tsType(column.typeId)}${column.notNull ? '' : ' | null'}`;
	});
}

function viewWriteFields(columns: Column[], mapper: TypeMapper): string[] {
	return columns.map((column) =>
		column.updatable
			? `${quote(column.name)}?: ${mapper.tsType(column.typeId)} | null`
			: `${quote(column.name)}?: never`
	);
}

function relationshipsOf(relation: Relation, catalog: Catalog): string {
	const entries = catalog.relationships
		.filter((relationship) => relationship.relation === relation.name)
		.sort(
			(a, b) => a.name.localeCompare(b.name, 'en') || a.referencedRelation.localeCompare(b.referencedRelation, 'en')
		)
		.map(
			(relationship) => `{
				foreignKeyName: ${quote(relationship.name)}
				columns: ${JSON.stringify(relationship.columns)}
				isOneToOne: ${relationship.isOneToOne}
				referencedRelation: ${quote(relationship.referencedRelation)}
				referencedColumns: ${JSON.stringify(relationship.referencedColumns)}
			}`
		);
	return `[${entries.join(',\n')}]`;
}

/**
 * A function with one unnamed argument of a table's row type is a computed field
 * PostgREST exposes as a column of that table.
 */
function computedFields(relation: Relation, catalog: Catalog, mapper: TypeMapper): string[] {
	return catalog.functions
		.filter((fn) => {
			const inputs = inputArgs(fn);
			return (
				inputs.length === 1 &&
				inputs[0]?.name === '' &&
				catalog.types.get(inputs[0].typeId)?.relationName === relation.name
			);
		})
		.map((fn) => `${quote(fn.name)}: ${mapper.tsType(fn.returnTypeId)} | null`);
}

function renderTables(catalog: Catalog, mapper: TypeMapper): string {
	const tables = catalog.relations.filter((relation) => ['r', 'p', 'f'].includes(relation.kind)).sort(byName);
	return section(
		tables.map((table) => {
			const columns = catalog.columns.get(table.id) ?? [];
			return `${quote(table.name)}: {
				Row: ${objectType([...rowFields(columns, mapper), ...computedFields(table, catalog, mapper)])}
				Insert: ${objectType(writeFields(columns, mapper, 'insert'))}
				Update: ${objectType(writeFields(columns, mapper, 'update'))}
				Relationships: ${relationshipsOf(table, catalog)}
			}`;
		})
	);
}

function renderViews(catalog: Catalog, mapper: TypeMapper): string {
	const views = catalog.relations.filter((relation) => ['v', 'm'].includes(relation.kind)).sort(byName);
	return section(
		views.map((view) => {
			const columns = catalog.columns.get(view.id) ?? [];
			const writes = view.updatable
				? `Insert: ${objectType(viewWriteFields(columns, mapper))}
				Update: ${objectType(viewWriteFields(columns, mapper))}\n`
				: '';
			return `${quote(view.name)}: {
				Row: ${objectType(rowFields(columns, mapper))}
				${writes}Relationships: ${relationshipsOf(view, catalog)}
			}`;
		})
	);
}

interface Arg {
	name: string;
	typeId: number;
	mode: string;
	hasDefault: boolean;
}

function argsOf(fn: PgFunction): Arg[] {
	const args = fn.argTypeIds.map((typeId, index) => ({
		name: fn.argNames[index] ?? '',
		typeId,
		mode: fn.argModes[index] ?? 'i',
		hasDefault: false
	}));
	// pronargdefaults counts the trailing input arguments that have a default.
	const inputs = args.filter((arg) => ['i', 'b', 'v'].includes(arg.mode));
	inputs.slice(inputs.length - fn.defaultCount).forEach((arg) => (arg.hasDefault = fn.defaultCount > 0));
	return args;
}

function inputArgs(fn: PgFunction): Arg[] {
	return argsOf(fn).filter((arg) => ['i', 'b', 'v'].includes(arg.mode));
}

/** PostgREST can call a function through /rpc only with named arguments, or a single unnamed one. */
function isCallable(fn: PgFunction, mapper: TypeMapper): boolean {
	const inputs = inputArgs(fn);
	if (inputs.length > 1 && inputs.some((arg) => arg.name === '')) return false;
	if (inputs.some((arg) => mapper.isPseudo(arg.typeId))) return false;
	const returnType = mapper.typeName(fn.returnTypeId);
	return !mapper.isPseudo(fn.returnTypeId) || returnType === 'void' || returnType === 'record';
}

function renderFunctionArgs(fn: PgFunction, mapper: TypeMapper): string {
	const inputs = inputArgs(fn).sort(byName);
	if (inputs.length === 0) return 'never';
	return `{ ${inputs.map((arg) => `${quote(arg.name)}${arg.hasDefault ? '?' : ''}: ${mapper.tsType(arg.typeId)}`).join('; ')} }`;
}

function renderFunctionReturns(fn: PgFunction, catalog: Catalog, mapper: TypeMapper): string {
	const list = fn.returnsSet ? '[]' : '';
	const args = argsOf(fn);
	// `returns table (...)`, or OUT parameters folded into a record.
	const tableColumns = args.filter((arg) => arg.mode === 't');
	const outColumns = args.filter((arg) => arg.mode === 'o' || arg.mode === 'b');
	const columns =
		tableColumns.length > 0 ? tableColumns : mapper.typeName(fn.returnTypeId) === 'record' ? outColumns : [];
	if (columns.length > 0) {
		const fields = [...columns].sort(byName).map((arg) => `${quote(arg.name)}: ${mapper.tsType(arg.typeId)}`);
		return `Returns: ${objectType(fields)}${list}`;
	}
	const returnType = catalog.types.get(fn.returnTypeId);
	if (returnType?.kind === 'c' && returnType.schema === schemaName && returnType.relationName) {
		const relation = catalog.relations.find((candidate) => candidate.id === returnType.relationId);
		const row =
			relation && relation.kind !== 'c'
				? objectType(rowFields(catalog.columns.get(relation.id) ?? [], mapper))
				: mapper.tsType(fn.returnTypeId);
		return `Returns: ${row}${list}
			SetofOptions: {
				from: "*"
				to: ${quote(returnType.relationName)}
				isOneToOne: ${!fn.returnsSet}
				isSetofReturn: ${fn.returnsSet}
			}`;
	}
	return `Returns: ${mapper.tsType(fn.returnTypeId)}${list}`;
}

function renderFunctions(catalog: Catalog, mapper: TypeMapper): string {
	const groups = new Map<string, PgFunction[]>();
	for (const fn of catalog.functions.filter((candidate) => isCallable(candidate, mapper))) {
		groups.set(fn.name, [...(groups.get(fn.name) ?? []), fn]);
	}
	const names = [...groups.keys()].sort((a, b) => a.localeCompare(b, 'en'));
	return section(
		names.map((name) => {
			const variants = (groups.get(name) ?? []).map(
				(fn) => `{
					Args: ${renderFunctionArgs(fn, mapper)}
					${renderFunctionReturns(fn, catalog, mapper)}
				}`
			);
			return `${quote(name)}: ${variants.length === 1 ? variants[0] : variants.map((variant) => `| ${variant}`).join('\n')}`;
		})
	);
}

function renderEnums(catalog: Catalog): string {
	return section(catalog.enums.map((entry) => `${quote(entry.name)}: ${entry.values.map(quote).join(' | ')}`));
}

function renderCompositeTypes(catalog: Catalog, mapper: TypeMapper): string {
	const composites = catalog.relations.filter((relation) => relation.kind === 'c').sort(byName);
	return section(
		composites.map((composite) => {
			const fields = (catalog.columns.get(composite.id) ?? []).map(
				(column) => `${quote(column.name)}: ${mapper.tsType(column.typeId)} | null`
			);
			return `${quote(composite.name)}: ${objectType(fields)}`;
		})
	);
}

function renderConstants(catalog: Catalog): string {
	const enums = catalog.enums.map((entry) => `${quote(entry.name)}: [${entry.values.map(quote).join(', ')}],`);
	return `export const Constants = {
		${quote(schemaName)}: {
			Enums: {
				${enums.join('\n')}
			},
		},
	} as const`;
}

// The helper types every `supabase gen types` file ends with: Tables<'x'>, TablesInsert<'x'>…
const helperTypes = `
type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, ${quote(schemaName)}>]

export type Tables<
	DefaultSchemaTableNameOrOptions extends
		| keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
		| { schema: keyof DatabaseWithoutInternals },
	TableName extends DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
		? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
				DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
		: never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
			DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends { Row: infer R }
		? R
		: never
	: DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
		? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends { Row: infer R }
			? R
			: never
		: never

export type TablesInsert<
	DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
	TableName extends DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
		: never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends { Insert: infer I }
		? I
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
		? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends { Insert: infer I }
			? I
			: never
		: never

export type TablesUpdate<
	DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
	TableName extends DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
		: never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends { Update: infer U }
		? U
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
		? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends { Update: infer U }
			? U
			: never
		: never

export type Enums<
	DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"] | { schema: keyof DatabaseWithoutInternals },
	EnumName extends DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
		? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
		: never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
	: DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
		? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
		: never

export type CompositeTypes<
	PublicCompositeTypeNameOrOptions extends
		| keyof DefaultSchema["CompositeTypes"]
		| { schema: keyof DatabaseWithoutInternals },
	CompositeTypeName extends PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
		? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
		: never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
	? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
	: PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
		? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
		: never
`;

function renderTypes(catalog: Catalog): string {
	const mapper = new TypeMapper(catalog);
	return `// Generated by scripts/generate-types.ts from supabase/migrations: do not edit by hand.
// After changing a migration run \`npm run types:generate\`; tests/supabase/types.test.ts fails while this file is stale.

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
	// Lets createClient<Database>() pick the PostgREST feature set without a second type argument.
	__InternalSupabase: {
		PostgrestVersion: ${quote(postgrestVersion)}
	}
	${quote(schemaName)}: {
		Tables: ${renderTables(catalog, mapper)}
		Views: ${renderViews(catalog, mapper)}
		Functions: ${renderFunctions(catalog, mapper)}
		Enums: ${renderEnums(catalog)}
		CompositeTypes: ${renderCompositeTypes(catalog, mapper)}
	}
}
${helperTypes}
${renderConstants(catalog)}
`;
}

async function format(source: string): Promise<string> {
	const config = await prettier.resolveConfig(typesFile);
	return prettier.format(source, { ...(config ?? fallbackPrettierOptions), parser: 'typescript', filepath: typesFile });
}

/** Migrates a fresh in-memory database from `workdir` and returns the types file's content. */
export async function generateTypes(workdir: string = path.join(rootDir, 'supabase')): Promise<string> {
	const db = await openDatabase();
	try {
		await migrate(db, workdir);
		return await format(renderTypes(await readTypeCatalog(db, schemaName)));
	} finally {
		await db.close();
	}
}

/** The first line where two texts differ, 1-based, or undefined when they are equal. */
export function firstDifference(expected: string, actual: string): number | undefined {
	if (expected === actual) return undefined;
	const a = expected.split('\n');
	const b = actual.split('\n');
	const index = a.findIndex((line, i) => line !== b[i]);
	return (index === -1 ? a.length : index) + 1;
}

async function main(args: string[]): Promise<number> {
	const generated = await generateTypes();
	const relative = path.relative(process.cwd(), typesFile);
	if (args.includes('--check')) {
		const current = await readFile(typesFile, 'utf8').catch(() => '');
		const line = firstDifference(generated, current);
		if (line === undefined) {
			console.log(`${relative} is up to date.`);
			return 0;
		}
		const expectedLine = generated.split('\n')[line - 1] ?? '(end of file)';
		const currentLine = current.split('\n')[line - 1] ?? '(end of file)';
		console.error(`${relative} is out of date with supabase/migrations (first difference at line ${line}):`);
		console.error(`  expected: ${expectedLine.trim()}`);
		console.error(`  found:    ${currentLine.trim()}`);
		console.error('Run `npm run types:generate` and commit the result.');
		return 1;
	}
	await writeFile(typesFile, generated);
	console.log(`Wrote ${relative}.`);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			process.exit(1);
		}
	);
}
