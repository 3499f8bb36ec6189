// The identity others see for a connection: built on the server from the verified token
// and the member list, so a client cannot show up under someone else's name.
import type { CollabClaims } from './auth.ts';
import type { Identity } from './policies/policy.ts';

// Distinct on light and dark backgrounds, and readable with white cursor labels.
const COLOURS = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7c3aed',
	'#c2410c',
	'#0e7490',
	'#be185d',
	'#4d7c0f',
	'#a16207',
	'#4338ca'
];

function colourFor(key: string): string {
	let hash = 0;
	for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
	return COLOURS[Math.abs(hash) % COLOURS.length]!;
}

function metadataName(claims: CollabClaims): string | null {
	const metadata = claims.user_metadata;
	if (!metadata || typeof metadata !== 'object') return null;
	for (const key of ['display_name', 'full_name', 'name']) {
		const value = (metadata as Record<string, unknown>)[key];
		if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 200);
	}
	return null;
}

export function identityOf(claims: CollabClaims, memberName: string | null): Identity {
	const role = claims.role ?? 'anon';
	const userId = role === 'authenticated' && claims.sub ? claims.sub : null;
	// An empty name is the client's cue to show its own translated word for a guest.
	const name = memberName ?? metadataName(claims) ?? '';
	return { userId, role, name, color: colourFor(userId ?? role) };
}
