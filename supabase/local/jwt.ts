// JWTs as Supabase issues them: HS256 with the project's secret, Supabase's claims.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT, jwtVerify, errors } from 'jose';

/**
 * The Supabase CLI's well-known local secret. Anyone can sign any token with it
 * (`service_role` included), so only the demo, on loopback, may use it.
 */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** The file in the data folder that holds an install's own secret. */
export const JWT_SECRET_FILE = 'jwt-secret';

/** 256 random bits, as GoTrue's HS256 wants at least 32 characters. */
export function randomJwtSecret(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * The install's own secret, kept in `dir` so tokens and API keys survive a restart:
 * read it, or on first start create it (readable by the owner only). Creation is
 * exclusive, so two processes starting at once end up with the same secret.
 */
export async function persistentJwtSecret(dir: string): Promise<{ secret: string; created: boolean }> {
	const file = path.join(dir, JWT_SECRET_FILE);
	await mkdir(dir, { recursive: true });
	const secret = randomJwtSecret();
	try {
		await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
		return { secret, created: true };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	const stored = (await readFile(file, 'utf8')).trim();
	if (stored.length < 32) throw new Error(`${file} holds no usable secret (at least 32 characters)`);
	return { secret: stored, created: false };
}

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface JwtClaims {
	sub?: string;
	role: string;
	aud?: string | string[];
	exp?: number;
	iat?: number;
	iss?: string;
	email?: string;
	phone?: string;
	app_metadata?: Record<string, unknown>;
	user_metadata?: Record<string, unknown>;
	session_id?: string;
	aal?: string;
	amr?: { method: string; timestamp: number }[];
	is_anonymous?: boolean;
	[claim: string]: unknown;
}

export class JwtError extends Error {
	readonly reason: 'expired' | 'invalid';
	constructor(reason: 'expired' | 'invalid', message: string) {
		super(message);
		this.name = 'JwtError';
		this.reason = reason;
	}
}

const encoder = new TextEncoder();

export async function signJwt(claims: JwtClaims, secret: string, expiresInSeconds?: number): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	const body: JwtClaims = { iat: now, ...claims };
	if (expiresInSeconds !== undefined) body.exp = now + expiresInSeconds;
	return new SignJWT(body).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(encoder.encode(secret));
}

export async function verifyJwt(token: string, secret: string): Promise<JwtClaims> {
	try {
		const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
		if (typeof payload.role !== 'string') throw new JwtError('invalid', 'JWT has no role claim');
		return payload as JwtClaims;
	} catch (error) {
		if (error instanceof JwtError) throw error;
		if (error instanceof errors.JWTExpired) throw new JwtError('expired', 'JWT expired');
		throw new JwtError('invalid', error instanceof Error ? error.message : 'invalid JWT');
	}
}

/** The anon and service_role API keys: long-lived JWTs like the Supabase CLI prints. */
export async function apiKeys(secret: string): Promise<{ anonKey: string; serviceRoleKey: string }> {
	// Fixed iat/exp so the keys are stable across restarts for the same secret. Anyone who
	// knows the secret can compute them, which is why only the demo uses a public one: an
	// install's own secret never leaves its data folder.
	const iat = 1_700_000_000;
	const exp = iat + 10 * 365 * 24 * 3600;
	const [anonKey, serviceRoleKey] = await Promise.all(
		(['anon', 'service_role'] as const).map((role) => signJwt({ iss: 'supabase-demo', role, iat, exp }, secret))
	);
	return { anonKey: anonKey!, serviceRoleKey: serviceRoleKey! };
}
