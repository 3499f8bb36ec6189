// src/lib/supabase/database.types.ts is generated from the migrations by
// scripts/generate-types.ts. These tests fail when the file is stale, and pin down how the
// generator maps Postgres to TypeScript, on the project's schema and on a small fixture
// schema that has what the project does not use yet (views, composites, overloads…).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { firstDifference, generateTypes, typesFile } from '../../scripts/generate-types.ts';
import type { Database, Enums, Tables, TablesInsert, TablesUpdate } from '../../src/lib/supabase/database.types.ts';
import { Constants } from '../../src/lib/supabase/database.types.ts';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));

/** The text of `name: { … }` (or `name: [ … ]`, `name: | { … } | …`) inside the previous name's block. */
function block(source: string, ...names: string[]): string {
	let text = source;
	for (const name of names) {
		const start = text.search(new RegExp(`^\\s*${name}:`, 'm'));
		expect(start, `no block ${names.join(' > ')}`).toBeGreaterThanOrEqual(0);
		const open = text.slice(start).search(/[{[]/) + start;
		let depth = 0;
		let end = open;
		for (; end < text.length; end++) {
			if (text[end] === '{' || text[end] === '[') depth++;
			if ((text[end] === '}' || text[end] === ']') && --depth === 0) break;
		}
		// Overloads are a union of objects: take every member of it.
		while (/^\s*\|\s*\{/.test(text.slice(end + 1))) {
			end = text.indexOf('{', end + 1);
			for (depth = 0; end < text.length; end++) {
				if (text[end] === '{') depth++;
				if (text[end] === '}' && --depth === 0) break;
			}
		}
		text = text.slice(open, end + 1);
	}
	return text;
}

function fieldsOf(source: string, ...names: string[]): string[] {
	return block(source, ...names)
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => /^'?[\w-]+'?\??: /.test(line));
}

describe('database.types.ts', () => {
	let generated: string;
	let committed: string;

	beforeAll(async () => {
		[generated, committed] = await Promise.all([generateTypes(), readFile(typesFile, 'utf8')]);
	});

	it('is up to date with supabase/migrations', () => {
		const line = firstDifference(generated, committed);
		const hint =
			line === undefined
				? ''
				: `first difference at line ${line}: expected "${generated.split('\n')[line - 1]?.trim()}", ` +
					`found "${committed.split('\n')[line - 1]?.trim()}". Run \`npm run types:generate\` and commit the file.`;
		expect(line, hint).toBeUndefined();
	});

	it('maps an enum column to its union of literals, in declaration order', () => {
		expect(fieldsOf(generated, 'Enums')).toContain(
			"vote_choice: 'agree' | 'reservations' | 'disagree' | 'abstain' | 'block';"
		);
		expect(fieldsOf(generated, 'members', 'Row')).toContain("role: Database['public']['Enums']['member_role'];");
		expect(Constants.public.Enums.member_role).toEqual(['organiser', 'rapporteur', 'delegate', 'observer']);
		expectTypeOf<Enums<'member_role'>>().toEqualTypeOf<'organiser' | 'rapporteur' | 'delegate' | 'observer'>();
		expectTypeOf<Tables<'votes'>['choice']>().toEqualTypeOf<Enums<'vote_choice'>>();
	});

	it('marks nullable columns `| null`, and columns with defaults optional on insert', () => {
		expect(fieldsOf(generated, 'members', 'Row')).toEqual(
			expect.arrayContaining(['country_code: string | null;', 'display_name: string;', 'event_id: string;'])
		);
		expect(fieldsOf(generated, 'members', 'Insert')).toEqual(
			expect.arrayContaining(['country_code?: string | null;', 'display_name: string;', 'id?: string;'])
		);
		expect(fieldsOf(generated, 'members', 'Update')).toContain('display_name?: string;');
		expectTypeOf<Tables<'members'>['country_code']>().toEqualTypeOf<string | null>();
		expectTypeOf<TablesInsert<'members'>['id']>().toEqualTypeOf<string | undefined>();
		expectTypeOf<TablesUpdate<'events'>['title']>().toEqualTypeOf<
			Database['public']['Tables']['events']['Row']['title'] | undefined
		>();
	});

	it('types RPC arguments, optional when they have a default', () => {
		expect(fieldsOf(generated, 'Functions', 'round_tally')).toContain('Args: { round_id: string };');
		expect(block(generated, 'Functions', 'is_translated_text')).toContain(
			'Args: { required_language?: string; value: Json }'
		);
		type TallyArgs = Database['public']['Functions']['round_tally']['Args'];
		expectTypeOf<TallyArgs>().toEqualTypeOf<{ round_id: string }>();
	});

	it('lists foreign keys as relationships supabase-js can embed', () => {
		expect(block(generated, 'Tables', 'members', 'Relationships')).toContain("referencedRelation: 'events';");
		expect(block(generated, 'Tables', 'members', 'Relationships')).toContain(
			"foreignKeyName: 'members_event_id_fkey';"
		);
		// auth.users lives in another schema; PostgREST cannot embed it, so it is not listed.
		expect(block(generated, 'Tables', 'members', 'Relationships')).not.toContain("'users'");
	});

	it('is what `npm run types:generate -- --check` accepts', () => {
		const run = spawnSync(path.join(rootDir, 'node_modules/.bin/node'), ['scripts/generate-types.ts', '--check'], {
			cwd: rootDir,
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('is up to date');
	}, 60_000);
});

// A schema with every shape the generator maps, independent of the project's migrations.
const fixtureMigration = `
create type public.fixture_mood as enum ('calm', 'busy');
create type public.fixture_pair as (label text, weight numeric);

create table public.fixture_parents (
	id uuid primary key default gen_random_uuid(),
	serial bigint generated always as identity,
	name text not null,
	tags text[],
	moods public.fixture_mood[] not null default '{}',
	doc jsonb,
	raw bytea,
	flag boolean not null default false,
	day date,
	at timestamptz,
	ratio double precision,
	amount numeric(10, 2),
	small smallint,
	upper_name text generated always as (upper(name)) stored
);

create table public.fixture_children (
	id bigint generated by default as identity primary key,
	parent_id uuid not null references public.fixture_parents (id),
	profile_of uuid unique references public.fixture_parents (id),
	mood public.fixture_mood not null
);

create view public.fixture_names as select id, name from public.fixture_parents;
create view public.fixture_joined as
	select c.id, p.name from public.fixture_children c join public.fixture_parents p on p.id = c.parent_id;

create function public.fixture_table(parent uuid, lim integer default 10)
returns table (child_id bigint, mood public.fixture_mood)
language sql stable as $$ select id, mood from public.fixture_children where parent_id = parent limit lim $$;

create function public.fixture_setof(search text) returns setof public.fixture_parents
language sql stable as $$ select * from public.fixture_parents where name = search $$;

create function public.fixture_pair_of(p public.fixture_parents) returns public.fixture_pair
language sql stable as $$ select (p.name, p.amount)::public.fixture_pair $$;

create function public.fixture_noop() returns void language sql as $$ select $$;

create function public.fixture_out(a integer, out doubled integer, out label text)
language sql as $$ select a * 2, a::text $$;

create function public.fixture_overload(x integer) returns integer language sql as $$ select x $$;
create function public.fixture_overload(x text) returns text language sql as $$ select x $$;

create function public.fixture_trigger() returns trigger language plpgsql as $$ begin return new; end $$;

create function public.fixture_initials(public.fixture_parents) returns text
language sql stable as $$ select left($1.name, 1) $$;
`;

describe('the generator', () => {
	let workdir: string;
	let types: string;

	beforeAll(async () => {
		workdir = await mkdtemp(path.join(tmpdir(), 'accord-types-'));
		await mkdir(path.join(workdir, 'migrations'));
		await writeFile(path.join(workdir, 'migrations', '20000101000000_fixture.sql'), fixtureMigration);
		types = await generateTypes(workdir);
	});

	afterAll(async () => {
		if (workdir) await rm(workdir, { recursive: true, force: true });
	});

	it('maps column types like supabase gen types', () => {
		expect(fieldsOf(types, 'fixture_parents', 'Row')).toEqual([
			'amount: number | null;',
			'at: string | null;',
			'day: string | null;',
			'doc: Json | null;',
			'flag: boolean;',
			'id: string;',
			"moods: Database['public']['Enums']['fixture_mood'][];",
			'name: string;',
			'ratio: number | null;',
			'raw: string | null;',
			'serial: number;',
			'small: number | null;',
			'tags: string[] | null;',
			'upper_name: string | null;',
			'fixture_initials: string | null;'
		]);
	});

	it('forbids writing identity-always and generated columns, and makes defaults optional', () => {
		const insert = fieldsOf(types, 'fixture_parents', 'Insert');
		expect(insert).toEqual(
			expect.arrayContaining([
				'serial?: never;',
				'upper_name?: never;',
				'name: string;',
				'flag?: boolean;',
				'id?: string;'
			])
		);
		expect(fieldsOf(types, 'fixture_children', 'Insert')).toContain('id?: number;');
		expect(fieldsOf(types, 'fixture_parents', 'Update')).toContain('name?: string;');
	});

	it('detects one-to-one relationships from unique foreign keys', () => {
		const relationships = block(types, 'fixture_children', 'Relationships');
		expect(relationships).toMatch(
			/foreignKeyName: 'fixture_children_parent_id_fkey';\s+columns: \['parent_id'\];\s+isOneToOne: false;/
		);
		expect(relationships).toMatch(
			/foreignKeyName: 'fixture_children_profile_of_fkey';\s+columns: \['profile_of'\];\s+isOneToOne: true;/
		);
	});

	it('types views, with Insert and Update only when they are updatable', () => {
		expect(fieldsOf(types, 'Views', 'fixture_names', 'Row')).toEqual(['id: string | null;', 'name: string | null;']);
		expect(fieldsOf(types, 'Views', 'fixture_names', 'Insert')).toEqual([
			'id?: string | null;',
			'name?: string | null;'
		]);
		expect(block(types, 'Views', 'fixture_joined')).not.toContain('Insert:');
	});

	it('types functions: returns table, setof a table, composites, void, out parameters, overloads', () => {
		const table = block(types, 'Functions', 'fixture_table');
		expect(table).toContain('Args: { lim?: number; parent: string }');
		expect(table).toMatch(
			/Returns: \{\s+child_id: number;\s+mood: Database\['public'\]\['Enums'\]\['fixture_mood'\];\s+\}\[\];/
		);

		const setof = block(types, 'Functions', 'fixture_setof');
		expect(setof).toMatch(/Returns: \{[^}]*name: string;[^}]*\}\[\];/);
		expect(setof).toMatch(/to: 'fixture_parents';\s+isOneToOne: false;\s+isSetofReturn: true;/);

		expect(block(types, 'Functions', 'fixture_pair_of')).toContain(
			"Returns: Database['public']['CompositeTypes']['fixture_pair'];"
		);
		expect(block(types, 'Functions', 'fixture_noop')).toMatch(/Args: never;\s+Returns: undefined;/);
		expect(block(types, 'Functions', 'fixture_out')).toMatch(
			/Args: \{ a: number \};\s+Returns: \{\s+doubled: number;\s+label: string;\s+\};/
		);
		const overload = block(types, 'Functions', 'fixture_overload');
		expect(overload).toMatch(/Args: \{ x: number \};\s+Returns: number;/);
		expect(overload).toMatch(/Args: \{ x: string \};\s+Returns: string;/);
		expect(types).not.toContain('fixture_trigger');
	});

	it('lists enums and composite types', () => {
		expect(fieldsOf(types, 'Enums')).toEqual(["fixture_mood: 'calm' | 'busy';"]);
		expect(fieldsOf(types, 'CompositeTypes', 'fixture_pair')).toEqual([
			'label: string | null;',
			'weight: number | null;'
		]);
		expect(types).toContain("fixture_mood: ['calm', 'busy']");
	});
});
