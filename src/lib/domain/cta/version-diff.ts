// Comparing two states of one language of the Call to Action (two named versions, or a
// version and the live text), block by block: which blocks were added, removed or changed,
// and for changed ones the words inserted and deleted.
import type { Block } from './blocks.ts';
import type { DiffSegment } from './word-diff.ts';
import { wordDiff } from './word-diff.ts';

export type BlockChange = 'same' | 'changed' | 'added' | 'removed';

export interface BlockComparison {
	id: string | null;
	change: BlockChange;
	before: Block | null;
	after: Block | null;
	/** Word diff from before to after (whole text added or removed for added/removed blocks). */
	segments: DiffSegment[];
}

/** Blocks in the order of `after`, with each removed block placed after the block that preceded it in `before`. */
export function compareBlocks(before: Block[], after: Block[]): BlockComparison[] {
	const afterIds = new Set(after.map((block) => block.id).filter((id) => id !== null));
	const beforeById = new Map(before.filter((block) => block.id !== null).map((block) => [block.id!, block]));

	const removedAfter = new Map<string | null, Block[]>();
	let anchor: string | null = null;
	for (const block of before) {
		if (block.id !== null && afterIds.has(block.id)) {
			anchor = block.id;
			continue;
		}
		const list = removedAfter.get(anchor) ?? [];
		list.push(block);
		removedAfter.set(anchor, list);
	}
	const removed = (key: string | null): BlockComparison[] =>
		(removedAfter.get(key) ?? []).map((block) => ({
			id: block.id,
			change: 'removed',
			before: block,
			after: null,
			segments: block.text ? [{ kind: 'removed', text: block.text }] : []
		}));

	const rows = removed(null);
	for (const block of after) {
		const previous = block.id !== null ? beforeById.get(block.id) : undefined;
		if (!previous) {
			rows.push({
				id: block.id,
				change: 'added',
				before: null,
				after: block,
				segments: block.text ? [{ kind: 'added', text: block.text }] : []
			});
		} else {
			const same = previous.text === block.text && previous.type === block.type && previous.level === block.level;
			rows.push({
				id: block.id,
				change: same ? 'same' : 'changed',
				before: previous,
				after: block,
				segments: same ? [{ kind: 'same', text: block.text }] : wordDiff(previous.text, block.text)
			});
		}
		if (block.id !== null) rows.push(...removed(block.id));
	}
	return rows;
}

export function changeCounts(rows: Pick<BlockComparison, 'change'>[]): Record<BlockChange, number> {
	const counts: Record<BlockChange, number> = { same: 0, changed: 0, added: 0, removed: 0 };
	for (const row of rows) counts[row.change]++;
	return counts;
}
