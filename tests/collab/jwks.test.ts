// Hosted Supabase signs access tokens with asymmetric keys published as a JWKS. The
// server fetches the key set, accepts tokens it signed, and refuses tokens signed by
// another key or with the wrong issuer.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { CLOSE_CODES } from '../../src/lib/collab/protocol.ts';
import type { RunningServer } from './helpers.ts';
import { connectClient, eventually, openPersistenceDb, rawConnect, startServer, whenSynced } from './helpers.ts';

const ISSUER = 'https://project.supabase.test/auth/v1';
const USER = '00000000-0000-4000-8000-0000000a11ce';

async function sign(key: CryptoKey, kid: string, claims: Record<string, unknown>): Promise<string> {
	return new SignJWT({ role: 'authenticated', aud: 'authenticated', ...claims })
		.setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
		.setSubject(USER)
		.setIssuedAt()
		.setExpirationTime('1h')
		.sign(key);
}

describe('tokens verified against a JWKS', () => {
	let db: SqlDatabase;
	let jwksServer: Server;
	let server: RunningServer;
	let projectKey: CryptoKey;
	let otherKey: CryptoKey;

	beforeAll(async () => {
		const project = await generateKeyPair('ES256');
		projectKey = project.privateKey;
		otherKey = (await generateKeyPair('ES256')).privateKey;
		const jwk = { ...(await exportJWK(project.publicKey)), kid: 'project-key', alg: 'ES256', use: 'sig' };
		jwksServer = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
		});
		await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
		const address = jwksServer.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		db = await openPersistenceDb();
		server = await startServer({
			db,
			auth: { jwksUrl: `http://127.0.0.1:${port}/auth/v1/.well-known/jwks.json`, issuer: ISSUER },
			access: async (_doc, claims) => (claims.sub === USER ? 'write' : 'none')
		});
	});

	afterAll(async () => {
		await server?.stop();
		await db?.close();
		jwksServer?.close();
	});

	it('accepts a token signed by the project key', async () => {
		const client = connectClient(server.url, 'notes:jwks', await sign(projectKey, 'project-key', { iss: ISSUER }));
		await whenSynced(client.provider);
		// Verified and admitted with the access its claims earn: its edit is stored.
		client.text.insert(0, 'signed with the project key');
		await eventually(() => server.collab.stats().persistedUpdates === 1, 'the edit is stored');
		expect(server.collab.stats().closes[CLOSE_CODES.UNAUTHENTICATED]).toBeUndefined();
		client.destroy();
	});

	it('refuses a token signed by another key, with another issuer, or HS256 when no secret is set', async () => {
		const forged = rawConnect(server.url, 'notes:jwks', await sign(otherKey, 'project-key', { iss: ISSUER }));
		expect((await forged.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
		const wrongIssuer = rawConnect(
			server.url,
			'notes:jwks',
			await sign(projectKey, 'project-key', { iss: 'https://elsewhere.test' })
		);
		expect((await wrongIssuer.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
		const hs256 = new SignJWT({ role: 'authenticated', sub: USER, iss: ISSUER })
			.setProtectedHeader({ alg: 'HS256' })
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode('a-secret-the-server-does-not-have-at-all'));
		const symmetric = rawConnect(server.url, 'notes:jwks', await hs256);
		expect((await symmetric.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
	});
});
