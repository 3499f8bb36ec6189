// Translation drift (DESIGN §5): for each block of the master language, is the translation
// up to date with it? A translated block remembers the hash of the master block it was
// translated from; when the master's text changes, its hash no longer matches and the
// translation is outdated until the translator updates it and confirms.
import type { Block } from './blocks.ts';
import type { DiffSegment } from './word-diff.ts';
import { wordDiff } from './word-diff.ts';

export type DriftStatus = 'ok' | 'outdated' | 'missing';

export interface AlignedBlock {
	/** The master block; rows for translation-only blocks have none. */
	master: Block | null;
	translation: Block | null;
	status: DriftStatus | 'extra';
	/** Outdated: the master's change since the translation was made, word by word (null when its old text is unknown). */
	masterChange: DiffSegment[] | null;
}

export interface DriftCounts {
	ok: number;
	outdated: number;
	missing: number;
}

export function driftOf(master: Block, translation: Block | undefined): DriftStatus {
	if (!translation) return 'missing';
	return translation.sourceHash === master.hash ? 'ok' : 'outdated';
}

/**
 * The master's blocks in order, each beside its translation (same block id); blocks only the
 * translation has come after the master block they follow there, marked 'extra'.
 */
export function alignBlocks(master: Block[], translation: Block[]): AlignedBlock[] {
	const byId = new Map<string, Block>();
	for (const block of translation) if (block.id && !byId.has(block.id)) byId.set(block.id, block);
	const masterIds = new Set(master.map((block) => block.id).filter((id): id is string => id !== null));

	// Translation-only blocks, grouped under the nearest preceding block the master also has.
	const extrasAfter = new Map<string | null, Block[]>();
	let anchor: string | null = null;
	for (const block of translation) {
		if (block.id && masterIds.has(block.id)) {
			anchor = block.id;
			continue;
		}
		const list = extrasAfter.get(anchor) ?? [];
		list.push(block);
		extrasAfter.set(anchor, list);
	}
	const extras = (key: string | null): AlignedBlock[] =>
		(extrasAfter.get(key) ?? []).map((block) => ({
			master: null,
			translation: block,
			status: 'extra',
			masterChange: null
		}));

	const rows: AlignedBlock[] = extras(null);
	for (const block of master) {
		const translated = block.id ? byId.get(block.id) : undefined;
		const status = driftOf(block, translated);
		rows.push({
			master: block,
			translation: translated ?? null,
			status,
			masterChange:
				status === 'outdated' && translated?.sourceText != null ? wordDiff(translated.sourceText, block.text) : null
		});
		if (block.id) rows.push(...extras(block.id));
	}
	return rows;
}

export function countDrift(rows: AlignedBlock[]): DriftCounts {
	const counts: DriftCounts = { ok: 0, outdated: 0, missing: 0 };
	for (const row of rows) if (row.status !== 'extra') counts[row.status]++;
	return counts;
}
