// The policy for a document name, by its kind prefix; an unknown kind has none and is refused.
import { ctaPolicy } from './cta.ts';
import { notesPolicy } from './notes.ts';
import type { DocumentPolicy } from './policy.ts';

const POLICIES: Record<string, DocumentPolicy> = { cta: ctaPolicy, notes: notesPolicy };

export function policyFor(name: string): DocumentPolicy | null {
	const kind = name.slice(0, name.indexOf(':'));
	return Object.hasOwn(POLICIES, kind) ? POLICIES[kind]! : null;
}

export type { DocumentFacts, DocumentKind, DocumentPolicy, Identity, Verdict } from './policy.ts';
export { OPEN_FACTS } from './policy.ts';
