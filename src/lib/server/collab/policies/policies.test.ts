import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ctaPolicy } from './cta.ts';
import { policyFor } from './index.ts';
import { notesPolicy } from './notes.ts';
import type { Identity } from './policy.ts';
import { atMost, stampedAwareness } from './policy.ts';

const delegate: Identity = { userId: 'u1', role: 'authenticated', name: 'Ana Rusu', color: '#1d4ed8' };
const service: Identity = { userId: null, role: 'service_role', name: '', color: '#b91c1c' };
// A real (empty) Yjs update: the notes policy also reads what an update builds.
const update = Y.encodeStateAsUpdate(new Y.Doc());

describe('document policies', () => {
	it('finds the policy by kind and none for other kinds', () => {
		expect(policyFor('notes:abc')).toBe(notesPolicy);
		expect(policyFor('cta:abc:en')).toBe(ctaPolicy);
		expect(policyFor('wiki:abc')).toBeNull();
		expect(policyFor('toString:x')).toBeNull();
		expect(policyFor('notes')).toBeNull();
	});

	it('atMost keeps the lower access', () => {
		expect(atMost('write', 'read')).toBe('read');
		expect(atMost('none', 'read')).toBe('none');
		expect(atMost('read', 'write')).toBe('read');
	});

	it('cta: no client writes in amendment, frozen or adopted mode; the service role still may', () => {
		for (const mode of ['amendments', 'frozen', 'adopted']) {
			const facts = { mode, eventId: null };
			expect(ctaPolicy.authorize('write', facts, delegate)).toBe('read');
			expect(ctaPolicy.validateUpdate({ facts, access: 'write', identity: delegate }, update).ok).toBe(false);
			expect(ctaPolicy.validateUpdate({ facts, access: 'write', identity: service }, update).ok).toBe(true);
		}
		const drafting = { mode: 'drafting', eventId: null };
		expect(ctaPolicy.authorize('write', drafting, delegate)).toBe('write');
		expect(ctaPolicy.validateUpdate({ facts: drafting, access: 'write', identity: delegate }, update).ok).toBe(true);
		expect(ctaPolicy.validateUpdate({ facts: drafting, access: 'read', identity: delegate }, update).ok).toBe(false);
	});

	it('notes: writers only, and nobody once the session is closed', () => {
		const live = { mode: 'live', eventId: null };
		const closed = { mode: 'closed', eventId: null };
		expect(notesPolicy.validateUpdate({ facts: live, access: 'write', identity: delegate }, update).ok).toBe(true);
		expect(notesPolicy.validateUpdate({ facts: live, access: 'read', identity: delegate }, update).ok).toBe(false);
		expect(notesPolicy.authorize('write', closed, delegate)).toBe('read');
		expect(notesPolicy.validateUpdate({ facts: closed, access: 'write', identity: delegate }, update).ok).toBe(false);
	});

	it('stamps the verified name and colour over what the client claimed, keeping its cursor', () => {
		const claimed = { user: { name: 'The Organiser', color: '#000000', id: 'someone-else' }, cursor: { anchor: 3 } };
		expect(stampedAwareness(delegate, claimed)).toEqual({
			user: { id: 'u1', name: 'Ana Rusu', color: '#1d4ed8' },
			cursor: { anchor: 3 }
		});
	});
});
