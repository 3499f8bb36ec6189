import { describe, expect, it } from 'vitest';
import type { PmNode } from './blocks.ts';
import { blocksOf, blockText, normaliseText, translationOf, withText } from './blocks.ts';
import { alignBlocks, countDrift } from './drift.ts';
import { hashText } from './hash.ts';
import { changeCounts, compareBlocks } from './version-diff.ts';
import { hasChanges, wordDiff } from './word-diff.ts';

const p = (id: string | null, text: string, extra: Record<string, unknown> = {}): PmNode => ({
	type: 'paragraph',
	attrs: { id, ...extra },
	content: text ? [{ type: 'text', text }] : []
});
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });

describe('blocks', () => {
	it('reads ids, text and list items from ProseMirror JSON', () => {
		const blocks = blocksOf(
			doc(
				{ type: 'heading', attrs: { id: 'h', level: 2 }, content: [{ type: 'text', text: 'Goals ' }] },
				{
					type: 'orderedList',
					attrs: { id: 'l', start: 1 },
					content: [
						{ type: 'listItem', content: [p(null, 'Train  staff')] },
						{ type: 'listItem', content: [p(null, 'Fund it')] }
					]
				},
				p(null, '')
			)
		);
		expect(blocks.map((block) => [block.id, block.type, block.text])).toEqual([
			['h', 'heading', 'Goals'],
			['l', 'orderedList', 'Train staff\nFund it']
		]);
		expect(blocks[0]!.level).toBe(2);
	});

	it('normalises what is invisible, so the hash only moves when the words do', () => {
		expect(normaliseText('  a\u00a0 b\n')).toBe('a b');
		// ș written as s + combining comma below is the same letter.
		expect(hashText(normaliseText('s\u0326'))).toBe(hashText(normaliseText('ș')));
		expect(hashText('Invest in the workforce')).not.toBe(hashText('Invest in the social workforce'));
		expect(hashText('abc')).toBe(hashText('abc'));
		expect(blockText(p('x', 'one', {}))).toBe('one');
	});

	it('keeps bold and links out of the text but in the node', () => {
		const [block] = blocksOf(
			doc({
				type: 'paragraph',
				attrs: { id: 'b' },
				content: [
					{ type: 'text', text: 'Read ' },
					{ type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }
				]
			})
		);
		expect(block!.text).toBe('Read this');
		expect(block!.node.content).toHaveLength(2);
	});

	it('starts a translation from the master block with its id, hash and text as source', () => {
		const [master] = blocksOf(doc(p('m1', 'Invest in people')));
		const [copy] = blocksOf(doc(translationOf(master!)));
		expect(copy).toMatchObject({ id: 'm1', sourceHash: master!.hash, sourceText: 'Invest in people' });
	});

	it('writes an amendment’s text into a block of the same id and type', () => {
		const [list] = blocksOf(
			doc({ type: 'bulletList', attrs: { id: 'l' }, content: [{ type: 'listItem', content: [p(null, 'old')] }] })
		);
		const [amended] = blocksOf(doc(withText(list!, 'first\n\nsecond')));
		expect(amended).toMatchObject({ id: 'l', type: 'bulletList', text: 'first\nsecond' });
	});
});

describe('drift', () => {
	const master = blocksOf(doc(p('a', 'Invest in the workforce.'), p('b', 'Train staff.'), p('c', 'Fund it.')));
	const translated = (block: (typeof master)[number], text: string) => {
		const node = translationOf(block, p(block.id, text));
		return node;
	};

	it('is ok, outdated or missing per master block, with the master’s change as a word diff', () => {
		const oldB = blocksOf(doc(p('b', 'Train the staff.')))[0]!;
		const ro = blocksOf(
			doc(
				translated(master[0]!, 'Investiți în personal.'),
				translated(oldB, 'Formați personalul.'),
				p('ro-only', 'Notă a traducătorului.')
			)
		);
		const rows = alignBlocks(master, ro);
		expect(rows.map((row) => [row.master?.id ?? null, row.translation?.id ?? null, row.status])).toEqual([
			['a', 'a', 'ok'],
			['b', 'b', 'outdated'],
			[null, 'ro-only', 'extra'],
			['c', null, 'missing']
		]);
		expect(rows[1]!.masterChange).toEqual([
			{ kind: 'same', text: 'Train ' },
			{ kind: 'removed', text: 'the ' },
			{ kind: 'same', text: 'staff.' }
		]);
		expect(countDrift(rows)).toEqual({ ok: 1, outdated: 1, missing: 1 });
	});

	it('treats a block copied without a source (typed in by hand) as outdated', () => {
		const rows = alignBlocks(master.slice(0, 1), blocksOf(doc(p('a', 'Fără sursă'))));
		expect(rows[0]).toMatchObject({ status: 'outdated', masterChange: null });
	});
});

describe('word diff', () => {
	it('marks inserted and deleted words', () => {
		const segments = wordDiff('Invest in staff', 'Invest more in social staff');
		expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['more', 'social']);
		expect(hasChanges(segments)).toBe(true);
		expect(hasChanges(wordDiff('same', 'same'))).toBe(false);
		expect(wordDiff('Доступ к услугам', 'Доступ к социальным услугам').find((s) => s.kind === 'added')?.text).toContain(
			'социальным'
		);
	});
});

describe('version comparison', () => {
	it('lists blocks changed, added and removed, in reading order', () => {
		const before = blocksOf(doc(p('a', 'One.'), p('b', 'Two.'), p('c', 'Three.')));
		const after = blocksOf(doc(p('a', 'One.'), p('c', 'Three and more.'), p('d', 'Four.')));
		const rows = compareBlocks(before, after);
		expect(rows.map((row) => [row.id, row.change])).toEqual([
			['a', 'same'],
			['b', 'removed'],
			['c', 'changed'],
			['d', 'added']
		]);
		expect(rows[2]!.segments.find((s) => s.kind === 'added')?.text).toContain('and more');
		expect(changeCounts(rows)).toEqual({ same: 1, changed: 1, added: 1, removed: 1 });
	});
});
