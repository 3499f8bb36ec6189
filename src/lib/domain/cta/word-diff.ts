// Word diffs for people: what changed in a master block since it was translated, and
// between two versions. The `diff` package does the work (Myers' algorithm on words).
import { diffWordsWithSpace } from 'diff';

export interface DiffSegment {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

export function wordDiff(before: string, after: string): DiffSegment[] {
	const segments: DiffSegment[] = [];
	for (const part of diffWordsWithSpace(before, after)) {
		const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
		const last = segments.at(-1);
		if (last && last.kind === kind) last.text += part.value;
		else segments.push({ kind, text: part.value });
	}
	return segments;
}

/** Whether a diff changes anything. */
export const hasChanges = (segments: DiffSegment[]): boolean => segments.some((segment) => segment.kind !== 'same');
