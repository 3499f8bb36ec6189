// The identity others see for a connection: built on the server from the verified token
// and the member list, so a client cannot show up under someone else's name.
import type { CollabClaims } from './auth.ts';
import type { Identity } from './policies/policy.ts';
import { colourFor } from '../../domain/person-colour.ts';

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
