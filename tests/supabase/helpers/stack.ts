// A Supabase to run contract tests against, chosen by the environment:
// - SUPABASE_URL + SUPABASE_ANON_KEY + SUPABASE_SERVICE_ROLE_KEY: a real Supabase project
//   (SUPABASE_JWT_SECRET too, to mint user tokens); nothing is started.
// - DATABASE_URL: the local stack over a fresh Postgres database, dropped on close.
// - otherwise: the local stack over PGlite in memory.
// The local stack listens on an ephemeral port and serves `workdir` (a Supabase project
// folder); against a real project the fixture schema is absent, so tests that need it
// skip themselves (see `hasFixture`).
import { createClient } from '@supabase/supabase-js';
import { it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { IN_MEMORY, serveLocalStack } from '../../../supabase/local/index.ts';
import type { LocalStack } from '../../../supabase/local/index.ts';
import { signJwt } from '../../../supabase/local/jwt.ts';
import type { JwtClaims } from '../../../supabase/local/jwt.ts';

export type StackTarget = 'pglite' | 'postgres' | 'remote';

export interface TestStack {
	target: StackTarget;
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Undefined against a real project without SUPABASE_JWT_SECRET. */
	jwtSecret: string | undefined;
	/** True when `workdir`'s schema is what the API serves (always, except for a real project). */
	hasFixture: boolean;
	/** The running local stack; undefined against a real project. */
	stack: LocalStack | undefined;
	/** A supabase-js client with the anon key, acting as `accessToken`'s owner when given. */
	client(accessToken?: string): SupabaseClient;
	serviceClient(): SupabaseClient;
	/** A signed access token for a user, like GoTrue issues (needs the JWT secret). */
	userToken(userId: string, claims?: Partial<JwtClaims>, expiresInSeconds?: number): Promise<string>;
	close(): Promise<void>;
}

export interface TestStackOptions {
	/** A Supabase project folder (migrations/, seed.sql); default the contract-test fixture. */
	workdir?: string;
	log?: (message: string) => void;
}

export function fixtureDir(name: string): string {
	return fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
}

export function remoteProject():
	{ url: string; anonKey: string; serviceRoleKey: string; jwtSecret?: string } | undefined {
	const { SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_JWT_SECRET } = process.env;
	if (!SUPABASE_URL || !SUPABASE_ANON_KEY || !SUPABASE_SERVICE_ROLE_KEY) return undefined;
	return {
		url: SUPABASE_URL,
		anonKey: SUPABASE_ANON_KEY,
		serviceRoleKey: SUPABASE_SERVICE_ROLE_KEY,
		jwtSecret: SUPABASE_JWT_SECRET
	};
}

/** A fresh database on DATABASE_URL's server; a clear error when Postgres is not there. */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `accord_rest_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
	const admin = new pg.Client({ connectionString: baseUrl });
	try {
		await admin.connect();
	} catch (error) {
		throw new Error(
			`DATABASE_URL is set but Postgres is not reachable (${(error as Error).message}). ` +
				'Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or unset DATABASE_URL to test on PGlite.'
		);
	}
	try {
		await admin.query(`create database ${pg.escapeIdentifier(name)}`);
	} finally {
		await admin.end();
	}
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: baseUrl });
			await client.connect();
			try {
				await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
			} finally {
				await client.end();
			}
		}
	};
}

function makeClient(url: string, apiKey: string, accessToken?: string): SupabaseClient {
	return createClient(url, apiKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {}
	});
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
	const remote = remoteProject();
	if (remote) {
		return {
			target: 'remote',
			...remote,
			jwtSecret: remote.jwtSecret,
			hasFixture: false,
			stack: undefined,
			client: (token) => makeClient(remote.url, remote.anonKey, token),
			serviceClient: () => makeClient(remote.url, remote.serviceRoleKey),
			userToken: (userId, claims, expiresIn) => mintUserToken(remote.jwtSecret, userId, claims, expiresIn),
			close: async () => undefined
		};
	}
	const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
	let stack: LocalStack;
	try {
		stack = await serveLocalStack({
			port: 0,
			host: '127.0.0.1',
			workdir: options.workdir ?? fixtureDir('rest-project'),
			databaseUrl: scratch?.url,
			dataDir: IN_MEMORY,
			log: options.log ?? (() => undefined)
		});
	} catch (error) {
		await scratch?.drop();
		throw error;
	}
	return {
		target: scratch ? 'postgres' : 'pglite',
		url: stack.url,
		anonKey: stack.anonKey,
		serviceRoleKey: stack.serviceRoleKey,
		jwtSecret: stack.jwtSecret,
		hasFixture: true,
		stack,
		client: (token) => makeClient(stack.url, stack.anonKey, token),
		serviceClient: () => makeClient(stack.url, stack.serviceRoleKey),
		userToken: (userId, claims, expiresIn) => mintUserToken(stack.jwtSecret, userId, claims, expiresIn),
		async close() {
			await stack.close();
			await scratch?.drop();
		}
	};
}

async function mintUserToken(
	secret: string | undefined,
	userId: string,
	claims: Partial<JwtClaims> = {},
	expiresInSeconds = 3600
): Promise<string> {
	if (!secret) {
		throw new Error('Minting user tokens needs the JWT secret (set SUPABASE_JWT_SECRET for a real project).');
	}
	return signJwt(
		{ sub: userId, role: 'authenticated', aud: 'authenticated', email: `${userId}@example.test`, ...claims },
		secret,
		expiresInSeconds
	);
}

/**
 * `it` for tests that need the fixture schema; against a real project they skip, and
 * the file says so once.
 */
export function fixtureTest(suite: string): typeof it | typeof it.skip {
	if (!remoteProject()) return it;
	console.warn(`${suite}: SUPABASE_URL is set — fixture-schema tests are skipped against a real project.`);
	return it.skip;
}

export interface RestRequestInit extends RequestInit {
	/** Sent as Authorization: Bearer. */
	token?: string;
	/** Defaults to the anon key; null sends no apikey at all. */
	apikey?: string | null;
}

export interface RestResponse {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

/** A raw /rest/v1 request, for what supabase-js does not expose (status, headers, malformed input). */
export async function restRequest(stack: TestStack, path: string, init: RestRequestInit = {}): Promise<RestResponse> {
	const headers = new Headers(init.headers);
	const apikey = init.apikey === undefined ? stack.anonKey : init.apikey;
	if (apikey !== null) headers.set('apikey', apikey);
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	const response = await fetch(`${stack.url}/rest/v1/${path}`, { ...init, headers });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: text ? (JSON.parse(text) as unknown) : undefined
	};
}
