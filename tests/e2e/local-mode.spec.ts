// ACCORD_MODE=local, tried as a hostile delegate on the venue network would: no demo
// accounts to sign in as, no outbox of sign-in links to read, no token to forge with the
// Supabase CLI's public secret. Mail goes out through a real SMTP server (a sink run by
// the test), and the install's own secret survives a restart.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import WebSocket from 'ws';
import { COLLAB_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../src/lib/collab/protocol.ts';
import { apiKeys, DEFAULT_JWT_SECRET, JWT_SECRET_FILE } from '../../supabase/local/jwt.ts';
import { expect, t, test } from './fixtures';
import { SpawnedServer, spawnedPort } from './spawned-server';

const run = promisify(execFile);

// Each test starts its own server (migrations, seed): a slow machine needs the time.
test.describe.configure({ timeout: 240_000 });

interface ReceivedMail {
	to: string[];
	text: string;
}

/** An SMTP server that keeps what it receives, parsed as a mail client would. */
async function startSmtpSink(port: number) {
	const received: ReceivedMail[] = [];
	const waiters: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			simpleParser(stream).then(
				(mail) => {
					received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text: mail.text ?? '' });
					for (const wake of waiters.splice(0)) wake();
					callback();
				},
				(error: Error) => callback(error)
			);
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		received,
		/** The first mail to `address`, once it has arrived. */
		async mailTo(address: string): Promise<ReceivedMail> {
			for (;;) {
				const mail = received.find((candidate) => candidate.to.includes(address));
				if (mail) return mail;
				await new Promise<void>((resolve) => waiters.push(resolve));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** How the collab endpoint answers a token: the close code, or 'open' if it speaks. */
function collabVerdict(baseUrl: string, token: string): Promise<number | 'open'> {
	const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/cta:probe:en`, [
		COLLAB_SUBPROTOCOL,
		`${TOKEN_PROTOCOL_PREFIX}${token}`
	]);
	return new Promise((resolve, reject) => {
		socket.once('message', () => {
			resolve('open');
			socket.close();
		});
		socket.once('close', (code) => resolve(code));
		socket.once('error', reject);
	});
}

/** How Realtime answers an apikey at the upgrade: the HTTP status, or 'open'. */
function realtimeVerdict(baseUrl: string, key: string): Promise<number | 'open'> {
	const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${key}&vsn=1.0.0`);
	return new Promise((resolve, reject) => {
		socket.once('open', () => {
			resolve('open');
			socket.close();
		});
		socket.once('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			socket.terminate();
		});
		socket.once('error', reject);
	});
}

function restHeaders(key: string): Record<string, string> {
	return { apikey: key, authorization: `Bearer ${key}` };
}

test.describe('local mode with SMTP', () => {
	let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
	let dataDir: string;
	let server: SpawnedServer;
	let url: string;
	const env = () => ({
		ACCORD_MODE: 'local',
		PORT: String(spawnedPort(3)),
		ACCORD_DATA_DIR: dataDir,
		SMTP_URL: `smtp://127.0.0.1:${spawnedPort(2)}`
	});

	test.beforeAll(async () => {
		smtp = await startSmtpSink(spawnedPort(2));
		dataDir = await mkdtemp(path.join(tmpdir(), 'accord-local-'));
		server = new SpawnedServer(env(), ['--no-build']);
		url = await server.ready();
	});

	test.afterAll(async () => {
		await server?.stop();
		await smtp?.close();
		if (dataDir) await rm(dataDir, { recursive: true, force: true });
	});

	test('prints no sign-in links, and the demo accounts do not exist', async ({ request }) => {
		expect(server.output).not.toContain('/auth/confirm?');
		expect(server.output).not.toMatch(/public demo secret/);
		const { anonKey } = await apiKeys(await installSecret(dataDir));
		const response = await request.post(`${url}/auth/v1/token?grant_type=password`, {
			headers: restHeaders(anonKey),
			data: { email: 'organiser@accord.test', password: 'accord-demo' }
		});
		expect(response.status()).toBe(400);
		expect((await response.json()).error_code).toBe('invalid_credentials');
	});

	test('a service_role token signed with the public demo secret is refused by REST, Auth, Realtime and collab', async ({
		request
	}) => {
		const forged = (await apiKeys(DEFAULT_JWT_SECRET)).serviceRoleKey;
		const genuine = (await apiKeys(await installSecret(dataDir))).serviceRoleKey;

		const refused = await request.get(`${url}/rest/v1/events?select=id`, { headers: restHeaders(forged) });
		expect(refused.status()).toBe(401);
		const accepted = await request.get(`${url}/rest/v1/events?select=id`, { headers: restHeaders(genuine) });
		expect(accepted.status()).toBe(200);

		const forgedAdmin = await request.get(`${url}/auth/v1/admin/users`, { headers: restHeaders(forged) });
		expect(forgedAdmin.status()).toBe(401);
		const admin = await request.get(`${url}/auth/v1/admin/users`, { headers: restHeaders(genuine) });
		expect(admin.status()).toBe(200);

		expect(await realtimeVerdict(url, forged)).toBe(401);
		expect(await realtimeVerdict(url, genuine)).toBe('open');

		expect(await collabVerdict(url, forged)).toBe(4401);
		expect(await collabVerdict(url, genuine)).not.toBe(4401);
	});

	test('the sign-in link goes out by SMTP only: no outbox, nothing in the log', async ({ page, request }) => {
		// Local mode has no accounts: whoever runs the server adds the person first.
		const email = 'amina.delegate@example.org';
		const added = await run('node_modules/.bin/node', ['scripts/add-account.ts', email, 'Amina Haddad'], {
			env: { ...process.env, ACCORD_DATA_DIR: dataDir, PORT: String(spawnedPort(3)) }
		});
		expect(added.stdout).toContain(`Added ${email}`);

		await page.goto(`${url}/sign-in`);
		await expect(page.getByRole('link', { name: t('en', 'auth.localOutbox') })).toHaveCount(0);
		await page.getByLabel(t('en', 'auth.email')).fill(email);
		await page.getByRole('button', { name: t('en', 'auth.sendLink') }).click();
		await expect(page.getByRole('status')).toContainText(email);

		const mail = await smtp.mailTo(email);
		const link = /https?:\/\/\S+\/auth\/v1\/verify\?\S+/.exec(mail.text)?.[0];
		expect(link, mail.text).toBeDefined();
		expect(server.output).not.toContain(new URL(link!).searchParams.get('token')!);
		expect((await request.get(`${url}/dev/outbox`)).status()).toBe(404);

		await page.goto(link!);
		await expect(page.getByText(t('en', 'auth.signedInAs', { name: 'Amina Haddad' }))).toBeVisible();
	});

	test('the install keeps its own secret across a restart, readable by its owner only', async ({ request }) => {
		const file = path.join(dataDir, JWT_SECRET_FILE);
		const before = await installSecret(dataDir);
		expect(before).not.toBe(DEFAULT_JWT_SECRET);
		expect((await stat(file)).mode & 0o077).toBe(0);

		await server.stop();
		server = new SpawnedServer(env(), ['--no-build']);
		url = await server.ready();

		expect(await installSecret(dataDir)).toBe(before);
		const { serviceRoleKey } = await apiKeys(before);
		const response = await request.get(`${url}/rest/v1/events?select=id`, { headers: restHeaders(serviceRoleKey) });
		expect(response.status()).toBe(200);
	});
});

test.describe('local mode without SMTP', () => {
	let server: SpawnedServer;
	let url: string;

	test.beforeAll(async () => {
		server = new SpawnedServer({ ACCORD_MODE: 'local', PORT: String(spawnedPort(4)), ACCORD_DATA_DIR: 'memory' }, [
			'--no-build'
		]);
		url = await server.ready();
	});

	test.afterAll(async () => {
		await server?.stop();
	});

	test('the outbox answers this machine only, not a request a proxy forwarded', async ({ request }) => {
		expect((await request.get(`${url}/dev/outbox`)).status()).toBe(200);
		const forwarded: [string, string][] = [
			['x-forwarded-for', '192.0.2.44'],
			['forwarded', 'for=192.0.2.44'],
			['x-real-ip', '192.0.2.44']
		];
		for (const [name, value] of forwarded) {
			const response = await request.get(`${url}/dev/outbox`, { headers: { [name]: value } });
			expect(response.status(), name).toBe(404);
		}
		const signIn = await request.get(`${url}/sign-in`, { headers: { 'x-forwarded-for': '192.0.2.44' } });
		expect(await signIn.text()).not.toContain('href="/dev/outbox"');
	});
});

test.describe('refusals at start', () => {
	test('local mode refuses the public demo secret', async () => {
		const server = new SpawnedServer(
			{
				ACCORD_MODE: 'local',
				PORT: String(spawnedPort(5)),
				ACCORD_DATA_DIR: 'memory',
				SUPABASE_JWT_SECRET: DEFAULT_JWT_SECRET
			},
			['--no-build']
		);
		expect(await server.exited).not.toBe(0);
		expect(server.output).toMatch(/public demo secret, which only ACCORD_MODE=demo may use/);
		expect(server.output).not.toContain('Accord is running');
	});

	test('the demo refuses the public secret on an address beyond loopback', async () => {
		const server = new SpawnedServer(
			{
				HOST: '0.0.0.0',
				PORT: String(spawnedPort(5)),
				ACCORD_DATA_DIR: 'memory',
				SUPABASE_JWT_SECRET: DEFAULT_JWT_SECRET
			},
			['--no-build']
		);
		expect(await server.exited).not.toBe(0);
		expect(server.output).toMatch(/Refusing to listen beyond loopback/);
		expect(server.output).not.toContain('Accord is running');
	});

	test('local mode refuses a database the demo seeded', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-demo-'));
		try {
			const demo = new SpawnedServer({ PORT: String(spawnedPort(5)), ACCORD_DATA_DIR: dataDir }, ['--no-build']);
			await demo.ready();
			await demo.stop();
			const local = new SpawnedServer(
				{ ACCORD_MODE: 'local', PORT: String(spawnedPort(5)), ACCORD_DATA_DIR: dataDir },
				['--no-build']
			);
			expect(await local.exited).not.toBe(0);
			expect(local.output).toMatch(/holds the demo accounts/);
			expect(local.output).not.toContain('Accord is running');
		} finally {
			await rm(dataDir, { recursive: true, force: true });
		}
	});
});

async function installSecret(dataDir: string): Promise<string> {
	return (await readFile(path.join(dataDir, JWT_SECRET_FILE), 'utf8')).trim();
}
