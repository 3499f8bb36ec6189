// Admission of one socket: name → policy → token → facts → access → room → attach. Every
// refusal closes the socket with a code the browser helper understands (protocol.ts):
// a browser cannot read the status of a refused upgrade, so the upgrade is accepted first.
import { CLOSE_CODES, isValidDocName } from '../../collab/protocol.ts';
import type { CollabClaims, TokenVerifier } from './auth.ts';
import { AuthError } from './auth.ts';
import type { GrantLookup } from './access.ts';
import type { ClientConnection } from './client-connection.ts';
import { identityOf } from './identity.ts';
import type { CollabLimits } from './limits.ts';
import { policyFor } from './policies/index.ts';
import type { DocumentFacts, DocumentPolicy } from './policies/policy.ts';
import type { DocumentRegistry } from './registry.ts';

export interface AdmissionContext {
	verify: TokenVerifier;
	grants: GrantLookup;
	/** The document's facts when it is not loaded yet; null when there is no such document. */
	readFacts: (policy: DocumentPolicy, doc: string) => Promise<DocumentFacts | null>;
	registry: DocumentRegistry;
	limits: CollabLimits;
	log: (message: string) => void;
	closing: () => boolean;
	/** Open connections: all of them, and those of one user (by sub, or by role without one). */
	openConnections: () => number;
	openConnectionsOf: (userKey: string) => number;
	/** Called in the same turn as the attach, so the counts above stay exact. */
	onAttached: (connection: ClientConnection, userKey: string) => void;
}

export const userKeyOf = (claims: CollabClaims): string => claims.sub ?? `role:${claims.role ?? 'none'}`;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function admit(
	connection: ClientConnection,
	token: string | null,
	context: AdmissionContext
): Promise<void> {
	const doc = connection.doc;
	if (context.closing()) return connection.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
	if (!isValidDocName(doc)) return connection.close(CLOSE_CODES.BAD_DOCUMENT, 'invalid document name');
	const policy = policyFor(doc);
	if (!policy) return connection.close(CLOSE_CODES.UNKNOWN_KIND, 'unknown document kind; expected cta: or notes:');
	if (!token) return connection.close(CLOSE_CODES.UNAUTHENTICATED, 'no access token');

	let claims: CollabClaims;
	try {
		claims = await context.verify(token);
	} catch (error) {
		const expired = error instanceof AuthError && error.reason === 'expired';
		return connection.close(CLOSE_CODES.UNAUTHENTICATED, expired ? 'token expired' : 'invalid access token');
	}

	let room;
	let identity;
	let access;
	try {
		const facts = context.registry.get(doc)?.facts ?? (await context.readFacts(policy, doc));
		if (!facts) return connection.close(CLOSE_CODES.FORBIDDEN, 'no access to this document');
		const [grant] = await context.grants([{ doc, claims, eventId: facts.eventId }]);
		identity = identityOf(claims, grant!.memberName);
		access = policy.authorize(grant!.access, facts, identity);
		if (access === 'none') return connection.close(CLOSE_CODES.FORBIDDEN, 'no access to this document');
		room = await context.registry.open(doc, policy, facts);
	} catch (error) {
		context.log(`collab: ${doc}: could not open: ${describe(error)}`);
		return connection.close(CLOSE_CODES.STORAGE_UNAVAILABLE, 'document unavailable; try again');
	}

	// Counted here, after the last wait, so concurrent admissions cannot overshoot.
	if (context.closing()) connection.close(CLOSE_CODES.GOING_AWAY, 'server shutting down');
	else if (context.openConnections() >= context.limits.maxConnections) {
		connection.close(CLOSE_CODES.TRY_AGAIN_LATER, 'server busy; try again');
	} else if (context.openConnectionsOf(userKeyOf(claims)) >= context.limits.maxConnectionsPerUser) {
		connection.close(CLOSE_CODES.RATE_LIMITED, 'too many connections for this user');
	}
	if (connection.closed) return context.registry.scheduleUnload(room);
	connection.attach({ room, policy, claims, identity, access });
	if (!connection.closed) context.onAttached(connection, userKeyOf(claims));
}
