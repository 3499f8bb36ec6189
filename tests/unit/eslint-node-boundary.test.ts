// The plain-Node boundary is an ESLint rule; this proves the rule fires where it must
// and stays quiet where SvelteKit resolves the aliases.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const aliasImport = "import { locale } from '$lib/domain/locale.ts';\nexport const value = locale;\n";

async function boundaryErrors(filePath: string) {
	const [result] = await eslint.lintText(aliasImport, { filePath });
	return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('plain-Node import boundary', () => {
	// The first lint builds the TypeScript program for type-aware rules: seconds, not ms.
	beforeAll(() => boundaryErrors('src/server.ts'), 120_000);

	it.each([
		'src/server.ts',
		'src/lib/server/collab/room.ts',
		'src/lib/server/db/sql-client.ts',
		'src/lib/collab/protocol.ts',
		'supabase/local/index.ts',
		'scripts/start.ts',
		'bench/collab.ts'
	])('refuses a $lib import in %s', { timeout: 30_000 }, async (filePath) => {
		const errors = await boundaryErrors(filePath);
		expect(errors).toHaveLength(1);
		expect(errors[0]?.message).toContain('Plain-Node code cannot use SvelteKit aliases');
	});

	it('allows $lib in SvelteKit code', { timeout: 30_000 }, async () => {
		expect(await boundaryErrors('src/lib/server/events.ts')).toEqual([]);
	});
});
