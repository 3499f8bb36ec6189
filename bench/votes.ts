// npm run bench:votes — 1,000 delegates × 12 indicators voting through the app's real HTTP
// path (supabase-js rpc('cast_vote') against the server `npm start` runs), next to direct
// SQL inserts of the same rows into the same database as the baseline, in the same run.
// Also: how long after a vote the organiser's tally shows it (a subscribed client on the
// round's Broadcast topic re-reading round_tally at most twice a second, as the tally page
// does), and what round_tally costs at 1,000 voters. Figures, not tests: see bench/README.md.
//
// The database is Postgres (DATABASE_URL, default the local Postgres 15): the baseline
// needs a connection of its own to the database the app writes to, which the in-process
// PGlite of a plain `npm start` cannot give. A scratch database is created and dropped.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { buildIfNeeded } from '../scripts/build-if-needed.ts';
import { coalesce } from '../src/lib/live/coalesce.ts';
import { apiKeys, DEFAULT_JWT_SECRET, signJwt } from '../supabase/local/jwt.ts';

const DELEGATES = Number(process.env.BENCH_DELEGATES ?? 1000);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 12);
/** Delegates voting at the same moment, each casting their indicators one after another. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** The app's pool to Postgres has 10 connections; the baseline gets as many. */
const SQL_CONNECTIONS = 10;
/** The tally page re-reads round_tally at most twice a second (src/lib/live). */
const TALLY_COALESCE_MS = 500;
const TALLY_SAMPLES = 20;
/**
 * The plenary's pace: 150 delegates voting on 12 indicators within about a minute is
 * 30 votes/s. The vote-to-screen delay is measured at this pace; under the full load
 * above it is mostly the votes' own queueing and is reported beside it.
 */
const PACED_VOTES_PER_SECOND = Number(process.env.BENCH_PACED_RATE ?? 30);
const PACED_SECONDS = 20;
/** The two paths take turns in this many slices of the delegates. */
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
/** Delegations the delegates belong to (the 2018 seed: 42 delegates of 21). */
const COUNTRIES = Number(process.env.BENCH_COUNTRIES ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_HTTP_VS_SQL = 0.3;
const TARGET_TALLY_P95_MS = 1000;
const CHOICES = ['agree', 'reservations', 'disagree', 'abstain'] as const;

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const node = path.join(repoRoot, 'node_modules/.bin/node');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (values: number[], p: number) => {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round1 = (value: number) => Math.round(value * 10) / 10;
const choiceOf = (delegate: number, indicator: number) => CHOICES[(delegate * 7 + indicator) % CHOICES.length]!;

// --- the database and the app -------------------------------------------------------------

async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `accord_bench_votes_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
	const admin = new pg.Client({ connectionString: SERVER_URL });
	await admin.connect().catch((error: Error) => {
		throw new Error(`bench:votes needs Postgres at ${SERVER_URL} (${error.message}); set DATABASE_URL.`);
	});
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(SERVER_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const again = new pg.Client({ connectionString: SERVER_URL });
			await again.connect();
			await again.query(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}

/** `npm start` on the scratch database (demo mode: migrations and seed), until it says it runs. */
async function startApp(databaseUrl: string): Promise<ChildProcess> {
	const child = spawn(node, ['scripts/start.ts', '--no-build'], {
		cwd: repoRoot,
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: databaseUrl,
			ACCORD_DATA_DIR: 'memory',
			SUPABASE_JWT_SECRET: DEFAULT_JWT_SECRET
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	child.stdout!.setEncoding('utf8');
	await new Promise<void>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
		child.stdout!.on('data', (chunk: string) => {
			output += chunk;
			if (/Accord is running at/.test(output)) resolve();
		});
	});
	child.stdout!.resume();
	return child;
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	child.kill('SIGTERM');
	await once(child, 'exit');
}

// --- the event: 1,000 delegates, 12 indicators, two open rounds on them -------------------

interface Setup {
	delegates: { id: string; country: string }[];
	indicatorIds: string[];
	organiserId: string;
	/** Voted through HTTP. */
	httpRound: string;
	/** Written by direct SQL: the same rows. */
	sqlRound: string;
	/** Voted through HTTP at a plenary's pace, for the vote-to-screen delay. */
	pacedRound: string;
}

async function createEvent(db: pg.Pool): Promise<Setup> {
	const { rows: events } = await db.query<{ id: string }>(
		`insert into public.events (slug, title, timezone, starts_on, ends_on, status)
		 values ('bench-votes', '{"en":"Vote benchmark"}', 'Europe/Chisinau', current_date, current_date + 1, 'published')
		 returning id`
	);
	const eventId = events[0]!.id;
	const { rows: countries } = await db.query<{ code: string }>(
		`select code from public.countries order by code limit $1`,
		[COUNTRIES]
	);
	const newUsers = async (count: number, label: string) => {
		const { rows } = await db.query<{ id: string }>(
			`insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
			 select gen_random_uuid(), 'authenticated', 'authenticated', format('bench.%s.%s@accord.test', $2::text, n), now(),
			        '{"provider":"email","providers":["email"]}', '{}', now(), now()
			 from generate_series(1, $1::int) as n order by n returning id`,
			[count, label]
		);
		return rows.map((row) => row.id);
	};
	const [organiserId] = await newUsers(1, 'organiser');
	await db.query(
		`insert into public.members (event_id, user_id, role, display_name) values ($1, $2, 'organiser', 'Organiser')`,
		[eventId, organiserId]
	);
	const delegates = (await newUsers(DELEGATES, 'delegate')).map((id, index) => ({
		id,
		country: countries[index % countries.length]!.code
	}));
	await db.query(
		`insert into public.members (event_id, user_id, role, country_code, display_name)
		 select $1, d.id, 'delegate', d.country, 'Delegate ' || d.n
		 from unnest($2::uuid[], $3::text[]) with ordinality as d (id, country, n)`,
		[eventId, delegates.map((d) => d.id), delegates.map((d) => d.country)]
	);
	const domains = ['planning', 'developing', 'supporting', 'cross_cutting'];
	const { rows: indicators } = await db.query<{ id: string }>(
		`insert into public.indicators (event_id, code, domain, title, position)
		 select $1, 'B' || n, ($2::text[])[1 + (n - 1) % 4]::public.indicator_domain,
		        jsonb_build_object('en', 'Indicator ' || n), n
		 from generate_series(1, $3::int) as n order by n returning id`,
		[eventId, domains, INDICATORS]
	);
	const indicatorIds = indicators.map((row) => row.id);
	const rounds: string[] = [];
	for (const title of ['HTTP', 'SQL', 'Paced']) {
		const { rows } = await db.query<{ id: string }>(
			`insert into public.voting_rounds (event_id, title, mode, results_visibility)
			 values ($1, jsonb_build_object('en', $2::text), 'per_delegate', 'live') returning id`,
			[eventId, title]
		);
		rounds.push(rows[0]!.id);
		await db.query(
			`insert into public.round_indicators (round_id, indicator_id, position)
			 select $1, id, ordinality from unnest($2::uuid[]) with ordinality as i (id, ordinality)`,
			[rows[0]!.id, indicatorIds]
		);
	}
	return {
		delegates,
		indicatorIds,
		organiserId: organiserId!,
		httpRound: rounds[0]!,
		sqlRound: rounds[1]!,
		pacedRound: rounds[2]!
	};
}

// --- load ------------------------------------------------------------------------------------

interface Load {
	seconds: number;
	votesPerSecond: number;
	p50Ms: number;
	p95Ms: number;
	errors: number;
}

/** What one stretch of load measured. */
interface Sample {
	latencies: number[];
	seconds: number;
	errors: number;
}

/** Stretches of one path, put together: votes over the time they took. */
function summarise(samples: Sample[]): Load {
	const latencies = samples.flatMap((sample) => sample.latencies);
	const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
	return {
		seconds: round1(seconds),
		votesPerSecond: Math.round(latencies.length / seconds),
		p50Ms: round1(percentile(latencies, 50)),
		p95Ms: round1(percentile(latencies, 95)),
		errors: samples.reduce((sum, sample) => sum + sample.errors, 0)
	};
}

/**
 * Every delegate casts a vote on every indicator, one after another as on a phone;
 * CONCURRENCY delegates at a time. `cast` resolves once the database has the vote.
 */
async function castAll(
	delegates: { from: number; to: number },
	cast: (delegateIndex: number) => (indicatorIndex: number) => Promise<void>,
	onSent?: (sentAt: number, ackedAt: number) => void
): Promise<Sample> {
	const latencies: number[] = [];
	let errors = 0;
	let next = delegates.from;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			for (let delegate = next++; delegate < delegates.to; delegate = next++) {
				const castOne = cast(delegate);
				for (let indicator = 0; indicator < INDICATORS; indicator++) {
					const sentAt = performance.now();
					try {
						await castOne(indicator);
					} catch (error) {
						if (errors++ < 3) console.error(error);
						continue;
					}
					const ackedAt = performance.now();
					latencies.push(ackedAt - sentAt);
					onSent?.(sentAt, ackedAt);
				}
			}
		})
	);
	return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

function apiClient(url: string, anonKey: string, token: string): SupabaseClient {
	const client = createClient(url, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { headers: { Authorization: `Bearer ${token}` } }
	});
	void client.realtime.setAuth(token);
	return client;
}

const token = (userId: string) =>
	signJwt(
		{ sub: userId, role: 'authenticated', aud: 'authenticated', email: `${userId}@accord.test` },
		DEFAULT_JWT_SECRET,
		3600
	);

interface TallyRow {
	turnout: number;
}

/**
 * The organiser's screen: on each Broadcast of the round, re-read round_tally (coalesced
 * as the page does). Records when each read returned and how many votes it counted.
 */
async function watchTally(organiser: SupabaseClient, roundId: string) {
	const reads: { at: number; counted: number }[] = [];
	const read = async () => {
		const { data, error } = await organiser.rpc('round_tally', { round_id: roundId });
		if (error) throw error;
		const counted = (data as TallyRow[]).reduce((sum, row) => sum + row.turnout, 0);
		reads.push({ at: performance.now(), counted });
	};
	const reload = coalesce(read, TALLY_COALESCE_MS);
	const channel = organiser.channel(`round:${roundId}`);
	channel.on('broadcast', { event: '*' }, () => reload.schedule());
	await new Promise<void>((resolve, reject) => {
		channel.subscribe((status, error) => {
			if (status === 'SUBSCRIBED') resolve();
			else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(error ?? new Error(status));
		});
	});
	return {
		reads,
		/** Resolves once a read has counted `total` votes (or gives up after 30 s). */
		async until(total: number) {
			for (let waited = 0; waited < 30_000 && (reads.at(-1)?.counted ?? 0) < total; waited += 50) await sleep(50);
		},
		async stop() {
			reload.stop();
			await organiser.removeChannel(channel);
		}
	};
}

/**
 * Vote to screen: the k-th vote the database acknowledged is on the organiser's screen
 * with the first re-read that counted at least k votes (acknowledgement order stands in
 * for commit order; the two differ only among votes in flight together).
 */
function tallyDelays(acks: { sentAt: number; ackedAt: number }[], reads: { at: number; counted: number }[]): number[] {
	const ordered = [...acks].sort((a, b) => a.ackedAt - b.ackedAt);
	const delays: number[] = [];
	let r = 0;
	for (const [index, vote] of ordered.entries()) {
		while (r < reads.length && (reads[r]!.counted < index + 1 || reads[r]!.at < vote.sentAt)) r++;
		if (r === reads.length) break;
		delays.push(reads[r]!.at - vote.sentAt);
	}
	return delays;
}

/**
 * Votes sent at a steady rate whatever the answers (open loop), as delegates tap at their
 * own pace: vote i is delegate i / INDICATORS on indicator i % INDICATORS.
 */
async function castPaced(
	cast: (delegateIndex: number) => (indicatorIndex: number) => Promise<void>,
	onSent: (sentAt: number, ackedAt: number) => void
): Promise<Sample> {
	const total = PACED_VOTES_PER_SECOND * PACED_SECONDS;
	const latencies: number[] = [];
	let errors = 0;
	const started = performance.now();
	const voters = new Map<number, (indicatorIndex: number) => Promise<void>>();
	const sent: Promise<void>[] = [];
	for (let vote = 0; vote < total; vote++) {
		const due = started + (vote * 1000) / PACED_VOTES_PER_SECOND;
		if (due > performance.now()) await sleep(due - performance.now());
		const delegate = Math.floor(vote / INDICATORS);
		if (!voters.has(delegate)) voters.set(delegate, cast(delegate));
		const sentAt = performance.now();
		sent.push(
			voters.get(delegate)!(vote % INDICATORS).then(
				() => {
					const ackedAt = performance.now();
					latencies.push(ackedAt - sentAt);
					onSent(sentAt, ackedAt);
				},
				(error: unknown) => {
					if (errors++ < 3) console.error(error);
				}
			)
		);
	}
	await Promise.all(sent);
	return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

// --- run -------------------------------------------------------------------------------------

console.log('Building the app (if needed)…');
buildIfNeeded();
const scratch = await createScratchDatabase();
let app: ChildProcess | undefined;
const db = new pg.Pool({ connectionString: scratch.url, max: SQL_CONNECTIONS });
try {
	app = await startApp(scratch.url);
	const url = `http://127.0.0.1:${PORT}`;
	const { anonKey } = await apiKeys(DEFAULT_JWT_SECRET);
	const setup = await createEvent(db);
	const organiser = apiClient(url, anonKey, await token(setup.organiserId));
	for (const roundId of [setup.httpRound, setup.sqlRound, setup.pacedRound]) {
		const { error } = await organiser.rpc('open_round', { round_id: roundId });
		if (error) throw error;
	}
	const tokens = await Promise.all(setup.delegates.map((delegate) => token(delegate.id)));
	const load1 = loadavg()[0]!;
	console.log(
		`${DELEGATES} delegates × ${INDICATORS} indicators, ${CONCURRENCY} delegates at once; load average ${load1.toFixed(1)}`
	);

	// Direct SQL: the same rows into the other round, as the superuser (no checks, no log;
	// the table's own triggers, the Broadcast among them, still run).
	const sqlCast = (round: string) => (delegateIndex: number) => (indicatorIndex: number) => {
		const delegate = setup.delegates[delegateIndex]!;
		return db
			.query(
				`insert into public.votes (round_id, indicator_id, voter_id, country_code, unit, choice)
				 values ($1, $2, $3, $4, $5, $6)`,
				[
					round,
					setup.indicatorIds[indicatorIndex],
					delegate.id,
					delegate.country,
					`delegate:${delegate.id}`,
					choiceOf(delegateIndex, indicatorIndex)
				]
			)
			.then(() => undefined);
	};
	const httpCast = (round: string) => (delegateIndex: number) => {
		const client = apiClient(url, anonKey, tokens[delegateIndex]!);
		return async (indicatorIndex: number) => {
			const { error } = await client.rpc('cast_vote', {
				round_id: round,
				indicator_id: setup.indicatorIds[indicatorIndex],
				choice: choiceOf(delegateIndex, indicatorIndex)
			});
			if (error) throw new Error(`cast_vote: ${error.message}`);
		};
	};

	/**
	 * Runs a load on a round with the organiser's tally subscribed to it; returns the load
	 * and, per vote, how long until the organiser's re-read counted it.
	 */
	const withTally = async (
		roundId: string,
		countedBefore: number,
		run: (onSent: (sentAt: number, ackedAt: number) => void) => Promise<Sample>
	) => {
		const tally = await watchTally(organiser, roundId);
		const acks: { sentAt: number; ackedAt: number }[] = [];
		const sample = await run((sentAt, ackedAt) => acks.push({ sentAt, ackedAt }));
		await tally.until(countedBefore + acks.length);
		await tally.stop();
		const reads = tally.reads.map((read) => ({ at: read.at, counted: read.counted - countedBefore }));
		return { sample, delays: tallyDelays(acks, reads), reads: reads.length };
	};
	const delayFigures = (delays: number[]) => ({
		p50Ms: Math.round(percentile(delays, 50)),
		p95Ms: Math.round(percentile(delays, 95))
	});

	// The two paths take turns, slice by slice of the delegates, so a shared machine's
	// changing load falls on both alike.
	const sqlSamples: Sample[] = [];
	const httpSamples: Sample[] = [];
	const fullDelays: number[] = [];
	let fullReads = 0;
	const sliceSize = Math.ceil(DELEGATES / SLICES);
	for (let slice = 0; slice < SLICES; slice++) {
		const delegates = { from: slice * sliceSize, to: Math.min(DELEGATES, (slice + 1) * sliceSize) };
		sqlSamples.push(await castAll(delegates, sqlCast(setup.sqlRound)));
		const countedBefore = httpSamples.reduce((sum, sample) => sum + sample.latencies.length, 0);
		const http = await withTally(setup.httpRound, countedBefore, (onSent) =>
			castAll(delegates, httpCast(setup.httpRound), onSent)
		);
		httpSamples.push(http.sample);
		fullDelays.push(...http.delays);
		fullReads += http.reads;
		const [s, h] = [summarise([sqlSamples.at(-1)!]), summarise([http.sample])];
		console.log(
			`  slice ${slice + 1}/${SLICES}: SQL ${s.votesPerSecond} votes/s (p95 ${s.p95Ms} ms), ` +
				`HTTP ${h.votesPerSecond} votes/s (p95 ${h.p95Ms} ms); load average ${loadavg()[0]!.toFixed(1)}`
		);
	}
	const sql = summarise(sqlSamples);
	const http = summarise(httpSamples);
	const full = { ...delayFigures(fullDelays), reads: fullReads };
	const votesCast = httpSamples.reduce((sum, sample) => sum + sample.latencies.length, 0);
	console.log(`Direct SQL inserts: ${sql.votesPerSecond} votes/s, p50 ${sql.p50Ms} ms, p95 ${sql.p95Ms} ms`);
	console.log(`HTTP rpc(cast_vote): ${http.votesPerSecond} votes/s, p50 ${http.p50Ms} ms, p95 ${http.p95Ms} ms`);
	console.log(`  vote → organiser's tally under this load: p50 ${full.p50Ms} ms, p95 ${full.p95Ms} ms`);

	console.log(`HTTP at a plenary's pace: ${PACED_VOTES_PER_SECOND} votes/s for ${PACED_SECONDS} s…`);
	const pacedRun = await withTally(setup.pacedRound, 0, (onSent) => castPaced(httpCast(setup.pacedRound), onSent));
	const paced = {
		load: summarise([pacedRun.sample]),
		update: { ...delayFigures(pacedRun.delays), reads: pacedRun.reads }
	};
	console.log(
		`  ${paced.load.votesPerSecond} votes/s, p50 ${paced.load.p50Ms} ms, p95 ${paced.load.p95Ms} ms; ` +
			`vote → organiser's tally: p50 ${paced.update.p50Ms} ms, p95 ${paced.update.p95Ms} ms (${paced.update.reads} re-reads)`
	);

	// round_tally at 1,000 voters, quiet: through the API as the organiser, and in SQL.
	const tallyHttp: number[] = [];
	const tallySql: number[] = [];
	const claims = JSON.stringify({ sub: setup.organiserId, role: 'authenticated' });
	for (let sample = 0; sample < TALLY_SAMPLES; sample++) {
		let started = performance.now();
		const { data, error } = await organiser.rpc('round_tally', { round_id: setup.httpRound });
		if (error) throw error;
		tallyHttp.push(performance.now() - started);
		if ((data as TallyRow[]).reduce((sum, row) => sum + row.turnout, 0) !== votesCast) {
			throw new Error('round_tally does not count every vote');
		}
		const connection = await db.connect();
		try {
			started = performance.now();
			await connection.query('begin');
			await connection.query(
				`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
				[claims]
			);
			await connection.query('select * from public.round_tally($1)', [setup.httpRound]);
			await connection.query('commit');
			tallySql.push(performance.now() - started);
		} finally {
			connection.release();
		}
	}
	const roundTally = {
		httpP50Ms: round1(percentile(tallyHttp, 50)),
		httpP95Ms: round1(percentile(tallyHttp, 95)),
		sqlP50Ms: round1(percentile(tallySql, 50)),
		sqlP95Ms: round1(percentile(tallySql, 95))
	};
	console.log(
		`round_tally at ${DELEGATES} voters: HTTP p50 ${roundTally.httpP50Ms} ms / p95 ${roundTally.httpP95Ms} ms; ` +
			`SQL p50 ${roundTally.sqlP50Ms} ms / p95 ${roundTally.sqlP95Ms} ms`
	);

	const httpVsSqlRatio = Math.round((http.votesPerSecond / sql.votesPerSecond) * 1000) / 1000;
	console.log(
		`HTTP/SQL rate ${httpVsSqlRatio}× (target ≥ ${TARGET_HTTP_VS_SQL}): ${httpVsSqlRatio >= TARGET_HTTP_VS_SQL ? 'met' : 'MISSED'}; ` +
			`tally p95 at the plenary's pace ${paced.update.p95Ms} ms (target ≤ ${TARGET_TALLY_P95_MS}): ${paced.update.p95Ms <= TARGET_TALLY_P95_MS ? 'met' : 'MISSED'}`
	);
	console.log(
		JSON.stringify({
			bench: 'votes',
			delegates: DELEGATES,
			indicators: INDICATORS,
			concurrency: CONCURRENCY,
			loadAverage: Math.round(load1 * 10) / 10,
			http,
			sql,
			httpVsSqlRatio,
			tallyUpdateP50Ms: paced.update.p50Ms,
			tallyUpdateP95Ms: paced.update.p95Ms,
			paced: { ...paced.load, targetVotesPerSecond: PACED_VOTES_PER_SECOND, tallyReads: paced.update.reads },
			tallyUpdateUnderFullLoadP50Ms: full.p50Ms,
			tallyUpdateUnderFullLoadP95Ms: full.p95Ms,
			roundTally,
			targets: { httpVsSqlRatio: TARGET_HTTP_VS_SQL, tallyUpdateP95Ms: TARGET_TALLY_P95_MS }
		})
	);
} finally {
	await db.end();
	if (app) await stop(app);
	// BENCH_KEEP_DATABASE=1 keeps the database to look into (EXPLAIN) afterwards.
	if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database: ${scratch.url}`);
	else await scratch.drop();
}
