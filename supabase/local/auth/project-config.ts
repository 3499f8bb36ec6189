// The [auth] settings of a Supabase project's config.toml that the local stack honours, as
// the Supabase CLI hands them to GoTrue: the same file configures a hosted project
// (`supabase config push`) and this stack, so closing sign-ups or tightening a rate limit
// is one edit for both.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'smol-toml';
import type { AuthSettingsChange, RateLimits } from './settings.ts';

type Table = Record<string, unknown>;

function table(value: unknown): Table {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

function numberAt(from: Table, key: string): number | undefined {
	const value = from[key];
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function booleanAt(from: Table, key: string): boolean | undefined {
	const value = from[key];
	return typeof value === 'boolean' ? value : undefined;
}

/** Settings given in the project's config.toml; none when the project has no config.toml. */
export async function readAuthConfig(workdir: string): Promise<AuthSettingsChange> {
	let text: string;
	try {
		text = await readFile(path.join(workdir, 'config.toml'), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw error;
	}
	return authSettingsFromToml(parse(text));
}

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** A Go duration as the CLI writes them ("168h", "8h30m", "90s"), in seconds. */
function durationAt(from: Table, key: string): number | undefined {
	const value = from[key];
	const parts = typeof value === 'string' && value !== '' ? DURATION.exec(value) : null;
	if (!parts) return undefined;
	const [hours, minutes, seconds] = parts.slice(1).map((part) => Number(part ?? 0)) as [number, number, number];
	return hours * 3600 + minutes * 60 + seconds;
}

export function authSettingsFromToml(config: Table): AuthSettingsChange {
	const auth = table(config.auth);
	const email = table(auth.email);
	const limits = table(auth.rate_limit);
	const sessions = table(auth.sessions);
	const settings: AuthSettingsChange = {};

	const jwtExpiry = numberAt(auth, 'jwt_expiry');
	if (jwtExpiry) settings.jwtExpiry = jwtExpiry;
	const reuseInterval = numberAt(auth, 'refresh_token_reuse_interval');
	if (reuseInterval !== undefined) settings.refreshTokenReuseInterval = reuseInterval;
	// GoTrue's DISABLE_SIGNUP: either switch closes e-mail sign-ups (the only kind here).
	if (booleanAt(auth, 'enable_signup') === false || booleanAt(email, 'enable_signup') === false) {
		settings.disableSignup = true;
	}

	const inactivity = durationAt(sessions, 'inactivity_timeout');
	if (inactivity !== undefined) settings.sessionInactivityTimeout = inactivity;

	const rateLimits: Partial<RateLimits> = {};
	const names: [keyof RateLimits, string][] = [
		['emailSent', 'email_sent'],
		['signInSignUps', 'sign_in_sign_ups'],
		['tokenRefresh', 'token_refresh'],
		['tokenVerifications', 'token_verifications']
	];
	for (const [setting, key] of names) {
		const value = numberAt(limits, key);
		if (value !== undefined) rateLimits[setting] = value;
	}
	if (Object.keys(rateLimits).length > 0) settings.rateLimits = rateLimits;
	return settings;
}
