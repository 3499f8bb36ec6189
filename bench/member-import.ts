// npm run bench:member-import — import_members with 10,000 new delegates on PGlite (or the
// Postgres of DATABASE_URL), as the migrations leave it, next to a baseline in the same
// run: the same database with the members triggers put back per row as they were before
// 20261129040000_member_triggers_per_statement.sql. Runs alternate (baseline, current)
// for BENCH_SAMPLES rounds, each into a fresh event; the median of each is reported.
// Figures, not tests: see bench/README.md.
import {
	addMember,
	asUser,
	createEvent,
	createTestDatabase,
	createUser,
	type TestDatabase
} from '../tests/supabase/helpers/database.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 3);

const PER_ROW_TRIGGERS = `
drop trigger members_audit_insert on public.members;
drop trigger members_audit_update on public.members;
drop trigger members_audit_delete on public.members;
drop trigger members_notify_added on public.members;
drop trigger members_collab_access_insert on public.members;
drop trigger members_collab_access_update on public.members;
drop trigger members_collab_access_delete on public.members;
create trigger members_audit after insert or update or delete on public.members
  for each row execute function public.audit_row_change('event');
create trigger members_notify_added after insert on public.members
  for each row execute function public.notify_member_added();
create trigger members_collab_access after insert or update or delete on public.members
  for each row execute function public.notify_collab_access();
`;

interface Setup {
	testDb: TestDatabase;
	organiser: string;
}

async function setup(perRow: boolean): Promise<Setup> {
	const testDb = await createTestDatabase({ seed: false });
	if (perRow) {
		for (const statement of PER_ROW_TRIGGERS.split(';\n')) if (statement.trim()) await testDb.db.query(statement);
	}
	await testDb.db.query(
		`insert into public.countries (code, name) values ('MD', '{"en":"Moldova"}') on conflict do nothing`
	);
	const organiser = await createUser(testDb.db, { email: 'organiser@example.test' });
	return { testDb, organiser };
}

let round = 0;
async function importOnce({ testDb, organiser }: Setup): Promise<number> {
	const eventId = await createEvent(testDb.db);
	await addMember(testDb.db, eventId, organiser, { role: 'organiser' });
	round += 1;
	const rows = Array.from({ length: ROWS }, (_, i) => [
		`r${round}.p${i}@example.test`,
		`Person ${i}`,
		'MD',
		'Organisation',
		null,
		'delegate',
		'en'
	]);
	const started = performance.now();
	await asUser(testDb.db, organiser, (tx) =>
		tx.query('select * from public.import_members($1, $2)', [eventId, JSON.stringify(rows)])
	);
	return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const baseline = await setup(true);
const current = await setup(false);
const times = { baseline: [] as number[], current: [] as number[] };
for (let sample = 0; sample < SAMPLES; sample++) {
	times.baseline.push(await importOnce(baseline));
	times.current.push(await importOnce(current));
	console.log(
		`round ${sample + 1}: per-row triggers ${Math.round(times.baseline.at(-1)!)} ms, per-statement ${Math.round(times.current.at(-1)!)} ms`
	);
}
await baseline.testDb.close();
await current.testDb.close();

const figures = {
	database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
	rows: ROWS,
	samples: SAMPLES,
	baselineMs: Math.round(median(times.baseline)),
	currentMs: Math.round(median(times.current))
};
console.log(
	`import_members, ${ROWS} new people on ${figures.database}: ${figures.currentMs} ms (baseline, per-row triggers: ${figures.baselineMs} ms)`
);
console.log(JSON.stringify({ ...figures, ratio: Number((figures.currentMs / figures.baselineMs).toFixed(2)) }));
