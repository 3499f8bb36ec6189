// The local Supabase stack (served by the stack core, so /auth/v1 and /local/v1 are routed
// exactly as in `npm start`) with a known site URL and redirect allow-list, for the Auth
// contract tests:
//
//   const stack = await startAuthStack({ emailMinInterval: 0 });
//   const supabase = createClient(stack.url, stack.anonKey);
//   const mail = await stack.latestMail('ana@example.org');
//   await stack.close();
//
// PGlite in memory by default; with DATABASE_URL (a Postgres 15+ server) each stack gets
// a fresh, uniquely named database that close() drops. The project's own migrations are
// not applied: Auth needs only the platform objects, unless a workdir is given.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { OutboxMessage, StackContext } from '../../../supabase/local/context.ts';
import { IN_MEMORY, serveLocalStack } from '../../../supabase/local/index.ts';
import { configureAuth, type AuthSettingsChange } from '../../../supabase/local/auth/index.ts';
import { createScratchDatabase } from './stack.ts';

export const SITE_URL = 'http://app.accord.test:5173';
export const ALLOWED_REDIRECT = 'https://partner.accord.test/auth/';

export interface AuthStack {
	url: string;
	ctx: StackContext;
	anonKey: string;
	serviceRoleKey: string;
	/** Lines the stack logged (the printed mails among them). */
	logs: string[];
	/** The newest mail to an address; fails the test when there is none. */
	latestMail(to: string): Promise<OutboxMessage>;
	/** A supabase-js client without stored sessions (the anon key unless another is given). */
	client(flowType?: 'implicit' | 'pkce', key?: string): SupabaseClient;
	/** A supabase-js client with the service_role key, for auth.admin. */
	adminClient(): SupabaseClient;
	/** A raw request to /auth/v1 with the anon key and, unless turned off, auth-js's API version header. */
	authFetch(path: string, init?: RequestInit & { apiVersion?: boolean }): Promise<Response>;
	/** Creates a confirmed user through the admin API and returns its id. */
	confirmedUser(email: string, password: string): Promise<string>;
	close(): Promise<void>;
}

let emailCounter = 0;

/** A fresh address per test, so tests do not see each other's mail. */
export function newEmail(label: string): string {
	emailCounter += 1;
	return `${label}.${emailCounter}.${Date.now().toString(36)}@delegates.accord.test`;
}

export interface AuthStackOptions {
	/** A Supabase project folder to migrate (and seed); default none. */
	workdir?: string;
	/** GoTrue's SITE_URL; default SITE_URL. */
	siteUrl?: string;
	/** The redirect allow-list; default everything under ALLOWED_REDIRECT. */
	redirectUrls?: string[];
}

/**
 * The contract tests sign in far more often from one address than people do: their stacks
 * are not throttled unless a test asks for limits (the rate-limit tests use GoTrue's).
 */
export const UNTHROTTLED = { emailSent: 1e6, signInSignUps: 1e6, tokenRefresh: 1e6, tokenVerifications: 1e6 };

export async function startAuthStack(
	settings: AuthSettingsChange = {},
	options: AuthStackOptions = {}
): Promise<AuthStack> {
	const emptyProject = options.workdir ? undefined : await mkdtemp(path.join(tmpdir(), 'accord-auth-'));
	const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
	const logs: string[] = [];
	const removeProject = async () => {
		if (emptyProject) await rm(emptyProject, { recursive: true, force: true });
	};
	try {
		const stack = await serveLocalStack({
			port: 0,
			host: '127.0.0.1',
			workdir: options.workdir ?? emptyProject,
			databaseUrl: scratch?.url,
			dataDir: IN_MEMORY,
			siteUrl: options.siteUrl ?? SITE_URL,
			redirectUrls: options.redirectUrls ?? [`${ALLOWED_REDIRECT}**`],
			log: (message) => logs.push(message)
		});
		configureAuth(stack.ctx, { ...settings, rateLimits: { ...UNTHROTTLED, ...settings.rateLimits } });
		const client = (flowType: 'implicit' | 'pkce' = 'implicit', key = stack.anonKey) =>
			createClient(stack.url, key, {
				auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType }
			});
		return {
			url: stack.url,
			ctx: stack.ctx,
			anonKey: stack.anonKey,
			serviceRoleKey: stack.serviceRoleKey,
			logs,
			async latestMail(to) {
				const [mail] = await stack.ctx.outbox.list({ to, limit: 1 });
				if (!mail) throw new Error(`no mail to ${to} in the outbox`);
				return mail;
			},
			client,
			adminClient: () => client('implicit', stack.serviceRoleKey),
			authFetch(requestPath, init = {}) {
				const headers = new Headers(init.headers);
				if (!headers.has('apikey')) headers.set('apikey', stack.anonKey);
				if (init.apiVersion !== false) headers.set('X-Supabase-Api-Version', '2024-01-01');
				if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
				return fetch(`${stack.url}/auth/v1${requestPath}`, { ...init, headers });
			},
			async confirmedUser(email, password) {
				const { data, error } = await client('implicit', stack.serviceRoleKey).auth.admin.createUser({
					email,
					password,
					email_confirm: true
				});
				if (error || !data.user) throw new Error(`could not create ${email}: ${error?.message}`);
				return data.user.id;
			},
			async close() {
				await stack.close();
				await scratch?.drop();
				await removeProject();
			}
		};
	} catch (error) {
		await scratch?.drop();
		await removeProject();
		throw error;
	}
}

/** The 6-digit code printed in a mail. */
export function codeIn(mail: OutboxMessage): string {
	const code = /code: (\d{6})/.exec(mail.text)?.[1];
	if (!code) throw new Error(`no code in mail "${mail.subject}"`);
	return code;
}

/** Follows a mailed link the way a browser does, without following GoTrue's redirect. */
export async function followLink(link: string): Promise<URL> {
	const response = await fetch(link, { redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) {
		throw new Error(`expected a 303 redirect from ${link}, got ${response.status}: ${await response.text()}`);
	}
	return new URL(location);
}

export function fragmentParams(url: URL): URLSearchParams {
	return new URLSearchParams(url.hash.replace(/^#/, ''));
}
