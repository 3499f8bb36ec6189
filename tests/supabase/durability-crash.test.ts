// Durability (issue 7, "nothing lost"): REST writes and votes the local stack has
// acknowledged survive a kill -9. Delegates cast votes and raise recommendations in
// parallel bursts; once enough have been acknowledged the stack process is killed with
// SIGKILL while requests are still in flight, restarted on the same database, and every
// acknowledged write must be there. (The collab server's own crash test is
// tests/collab/crash.test.ts.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiKeys, signJwt } from '../../supabase/local/jwt.ts';
import { createScratchDatabase, remoteProject } from './helpers/stack.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const node = path.join(repo, 'node_modules', '.bin', 'node');
const local = remoteProject() ? describe.skip : describe;

const DELEGATES = 4;
const INDICATORS = 30;
/** Acknowledged writes to wait for before the kill: enough that bursts are in flight. */
const ACKNOWLEDGED_BEFORE_KILL = 40;

interface Stack {
	url: string;
	child: ChildProcess;
	exited: Promise<void>;
}

async function startStack(args: string[]): Promise<Stack> {
	const child = spawn(node, ['supabase/local/cli.ts', '--port', '0', ...args], {
		cwd: repo,
		env: { ...process.env, DATABASE_URL: '' }
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /API URL: (\S+)/.exec(output);
			if (match) resolve(match[1]!);
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`the stack exited (${code}) before serving:\n${output}`)));
	});
	return { url, child, exited };
}

async function stopStack(stack: Stack, signal: NodeJS.Signals): Promise<void> {
	if (stack.child.exitCode === null && stack.child.signalCode === null) stack.child.kill(signal);
	await stack.exited;
}

local('a kill -9 of the local stack', () => {
	it('loses no acknowledged REST write or vote', { timeout: 240_000 }, async () => {
		const workdir = await mkdtemp(path.join(tmpdir(), 'accord-crash-'));
		await symlink(path.join(repo, 'supabase', 'migrations'), path.join(workdir, 'migrations'), 'dir');
		const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
		const secret = randomBytes(32).toString('hex');
		const args = [
			'--workdir',
			workdir,
			'--jwt-secret',
			secret,
			...(scratch ? ['--db-url', scratch.url] : ['--data-dir', path.join(workdir, 'pglite')])
		];
		const { serviceRoleKey } = await apiKeys(secret);
		let stack = await startStack(args);
		try {
			const call = async (token: string, route: string, body: unknown, prefer = 'return=representation') => {
				const response = await fetch(`${stack.url}${route}`, {
					method: 'POST',
					headers: {
						apikey: serviceRoleKey,
						authorization: `Bearer ${token}`,
						'content-type': 'application/json',
						prefer
					},
					body: JSON.stringify(body)
				});
				if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
				const text = await response.text();
				return text ? JSON.parse(text) : null;
			};
			const asService = (route: string, body: unknown) => call(serviceRoleKey, route, body);

			const [event] = await asService('/rest/v1/events', {
				slug: `crash-${randomBytes(3).toString('hex')}`,
				title: { en: 'Crash test' },
				starts_on: '2026-11-28',
				ends_on: '2026-11-28',
				status: 'published'
			});
			// Romania comes with the schema: countries are reference data (a migration).
			const delegates: { id: string; memberId: string; token: string }[] = [];
			for (let i = 0; i < DELEGATES; i++) {
				const user = await asService('/auth/v1/admin/users', {
					email: `delegate-${i}-${randomUUID()}@example.test`,
					password: randomBytes(12).toString('hex'),
					email_confirm: true
				});
				const [member] = await asService('/rest/v1/members', {
					event_id: event.id,
					user_id: user.id,
					role: 'delegate',
					country_code: 'RO',
					display_name: `Delegate ${i}`
				});
				const token = await signJwt({ sub: user.id, role: 'authenticated', aud: 'authenticated' }, secret, 3600);
				delegates.push({ id: user.id, memberId: member.id, token });
			}
			const indicators: { id: string }[] = await asService(
				'/rest/v1/indicators',
				Array.from({ length: INDICATORS }, (_, i) => ({
					event_id: event.id,
					code: `I${i}`,
					domain: 'planning',
					title: { en: `Indicator ${i}` }
				}))
			);
			const [round] = await asService('/rest/v1/voting_rounds', { event_id: event.id, title: { en: 'Round' } });
			await asService(
				'/rest/v1/round_indicators',
				indicators.map((indicator, position) => ({ round_id: round.id, indicator_id: indicator.id, position }))
			);
			const opened = await fetch(`${stack.url}/rest/v1/voting_rounds?id=eq.${round.id}`, {
				method: 'PATCH',
				headers: {
					apikey: serviceRoleKey,
					authorization: `Bearer ${serviceRoleKey}`,
					'content-type': 'application/json'
				},
				body: JSON.stringify({ status: 'open' })
			});
			expect(opened.ok).toBe(true);
			const [session] = await asService('/rest/v1/sessions', {
				event_id: event.id,
				starts_at: '2026-11-28T09:00:00Z',
				ends_at: '2026-11-28T10:00:00Z',
				format: 'plenary',
				title: { en: 'Plenary' }
			});

			// The bursts: every delegate votes on every indicator in turn and raises
			// recommendations, all at once. What the stack answered with success is recorded
			// the moment the answer arrives; the kill comes from the acknowledgement handler.
			const acknowledgedVotes = new Set<string>();
			const acknowledgedRecommendations = new Set<string>();
			let killed = false;
			const acknowledge = (record: () => void) => {
				record();
				if (!killed && acknowledgedVotes.size + acknowledgedRecommendations.size >= ACKNOWLEDGED_BEFORE_KILL) {
					killed = true;
					stack.child.kill('SIGKILL');
				}
			};
			const voteBurst = async (delegate: (typeof delegates)[number]) => {
				for (const indicator of indicators) {
					if (killed) return;
					try {
						await call(delegate.token, '/rest/v1/rpc/cast_vote', {
							round_id: round.id,
							indicator_id: indicator.id,
							choice: 'agree'
						});
					} catch (error) {
						// after the kill, requests in flight fail: those were never acknowledged
						if (killed) return;
						throw error;
					}
					acknowledge(() => acknowledgedVotes.add(`${delegate.id}/${indicator.id}`));
				}
			};
			const recommendationBurst = async (delegate: (typeof delegates)[number]) => {
				for (let n = 0; !killed && n < 1000; n++) {
					const text = `Recommendation ${delegate.memberId} #${n}`;
					try {
						await call(
							delegate.token,
							'/rest/v1/recommendations',
							{ session_id: session.id, author_id: delegate.memberId, text, language: 'en' },
							'return=minimal'
						);
					} catch (error) {
						// after the kill, requests in flight fail: those were never acknowledged
						if (killed) return;
						throw error;
					}
					acknowledge(() => acknowledgedRecommendations.add(text));
				}
			};
			await Promise.all([...delegates.map(voteBurst), ...delegates.map(recommendationBurst)]);
			expect(killed).toBe(true);
			await stack.exited;

			stack = await startStack(args);
			const read = async (route: string) => {
				const response = await fetch(`${stack.url}${route}`, {
					headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}` }
				});
				expect(response.ok).toBe(true);
				return response.json();
			};
			const storedVotes = new Set(
				(
					(await read(`/rest/v1/votes?select=voter_id,indicator_id&round_id=eq.${round.id}`)) as {
						voter_id: string;
						indicator_id: string;
					}[]
				).map((vote) => `${vote.voter_id}/${vote.indicator_id}`)
			);
			const storedRecommendations = new Set(
				((await read(`/rest/v1/recommendations?select=text&session_id=eq.${session.id}`)) as { text: string }[]).map(
					(row) => row.text
				)
			);
			expect(acknowledgedVotes.size).toBeGreaterThan(0);
			expect(acknowledgedRecommendations.size).toBeGreaterThan(0);
			expect([...acknowledgedVotes].filter((vote) => !storedVotes.has(vote))).toEqual([]);
			expect([...acknowledgedRecommendations].filter((text) => !storedRecommendations.has(text))).toEqual([]);
		} finally {
			await stopStack(stack, 'SIGKILL');
			await scratch?.drop();
			await rm(workdir, { recursive: true, force: true });
		}
	});
});
