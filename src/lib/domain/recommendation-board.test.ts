import { describe, expect, it } from 'vitest';
import { boardSearch, boardView, viewBoard, type BoardItem } from './recommendation-board.ts';

function item(id: string, fields: Partial<BoardItem> = {}): BoardItem & { id: string } {
	return {
		id,
		status: 'proposed',
		created_at: '2018-11-21T10:00:00Z',
		endorsement_count: 0,
		hidden_at: null,
		...fields
	};
}

describe('boardView', () => {
	it('reads sort and status from the URL', () => {
		expect(boardView(new URLSearchParams('sort=endorsed&status=accepted'))).toEqual({
			sort: 'endorsed',
			status: 'accepted'
		});
	});

	it('falls back to newest first and every status for anything else', () => {
		expect(boardView(new URLSearchParams('sort=random&status=<script>'))).toEqual({ sort: 'newest', status: 'all' });
		expect(boardView(new URLSearchParams())).toEqual({ sort: 'newest', status: 'all' });
	});
});

describe('viewBoard', () => {
	const items = [
		item('old-popular', { created_at: '2018-11-21T09:00:00Z', endorsement_count: 5, status: 'accepted' }),
		item('new', { created_at: '2018-11-21T11:00:00Z', endorsement_count: 1 }),
		item('middle', { created_at: '2018-11-21T10:00:00Z', endorsement_count: 1, status: 'rejected' }),
		item('hidden', { created_at: '2018-11-21T12:00:00Z', endorsement_count: 9, hidden_at: '2018-11-21T12:05:00Z' })
	];
	const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

	it('puts the newest first and leaves hidden items out', () => {
		expect(ids(viewBoard(items, { sort: 'newest', status: 'all' }))).toEqual(['new', 'middle', 'old-popular']);
	});

	it('puts the most endorsed first, the newer first on a tie', () => {
		expect(ids(viewBoard(items, { sort: 'endorsed', status: 'all' }))).toEqual(['old-popular', 'new', 'middle']);
	});

	it('filters by status', () => {
		expect(ids(viewBoard(items, { sort: 'newest', status: 'rejected' }))).toEqual(['middle']);
	});

	it('shows hidden items only when asked for', () => {
		expect(ids(viewBoard(items, { sort: 'newest', status: 'hidden' }))).toEqual(['hidden']);
	});

	it('leaves its input as it was', () => {
		const before = ids(items);
		viewBoard(items, { sort: 'endorsed', status: 'all' });
		expect(ids(items)).toEqual(before);
	});
});

describe('boardSearch', () => {
	it('writes only what differs from the usual view', () => {
		expect(boardSearch({ sort: 'newest', status: 'all' })).toBe('');
		expect(boardSearch({ sort: 'endorsed', status: 'merged' })).toBe('?sort=endorsed&status=merged');
	});
});
