import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DataTable from './DataTable.svelte';
import type { Column } from './data-table';

interface Delegate {
	id: number;
	name: string;
	country: string;
	seats: number;
}

const delegates: Delegate[] = [
	{ id: 1, name: 'Țurcanu', country: 'Moldova', seats: 3 },
	{ id: 2, name: 'Șerban', country: 'Romania', seats: 12 },
	{ id: 3, name: 'Sorin', country: 'Romania', seats: 1 }
];

const columns: Column<Delegate>[] = [
	{ key: 'name', header: 'Name', value: (d) => d.name, sortable: true },
	{ key: 'country', header: 'Country', value: (d) => d.country },
	{ key: 'seats', header: 'Seats', value: (d) => d.seats, sortable: true, align: 'end' }
];

const names = () =>
	screen
		.getAllByRole('row')
		.slice(1)
		.map((row) => within(row).getAllByRole('cell')[0]!.textContent?.trim());

describe('DataTable', () => {
	const props = {
		caption: 'Delegates',
		columns,
		rows: delegates,
		rowKey: (d: Delegate) => d.id,
		locale: 'ro' as const
	};

	it('is a named table in the order given until a column is sorted', () => {
		render(DataTable<Delegate>, { props: { ...props, emptyText: 'No delegates yet.' } });
		expect(screen.getByRole('table', { name: 'Delegates' })).toBeTruthy();
		expect(names()).toEqual(['Țurcanu', 'Șerban', 'Sorin']);
		expect(screen.getAllByRole('columnheader').map((th) => th.getAttribute('aria-sort'))).toEqual([null, null, null]);
		// Only sortable columns offer a button.
		expect(screen.getAllByRole('button').map((b) => b.textContent?.replace(/[↕▲▼]/g, '').trim())).toEqual([
			'Name',
			'Seats'
		]);
	});

	it('sorts by a column, then the other way, with aria-sort on that column and a spoken note', async () => {
		render(DataTable<Delegate>, { props: { ...props, emptyText: 'No delegates yet.' } });
		const [nameHeader, , seatsHeader] = screen.getAllByRole('columnheader');

		await fireEvent.click(within(nameHeader!).getByRole('button'));
		expect(names()).toEqual(['Sorin', 'Șerban', 'Țurcanu']);
		expect(nameHeader!.getAttribute('aria-sort')).toBe('ascending');
		expect(screen.getByRole('status').textContent?.trim()).toBe('Sorted by Name, ascending');

		await fireEvent.click(within(nameHeader!).getByRole('button'));
		expect(names()).toEqual(['Țurcanu', 'Șerban', 'Sorin']);
		expect(nameHeader!.getAttribute('aria-sort')).toBe('descending');

		await fireEvent.click(within(seatsHeader!).getByRole('button'));
		expect(names()).toEqual(['Sorin', 'Țurcanu', 'Șerban']);
		expect(seatsHeader!.getAttribute('aria-sort')).toBe('ascending');
		expect(nameHeader!.hasAttribute('aria-sort')).toBe(false);
		expect(screen.getByRole('status').textContent?.trim()).toBe('Sorted by Seats, ascending');
	});

	it('writes numbers the reader’s way', () => {
		render(DataTable<Delegate>, {
			props: { ...props, rows: [{ id: 9, name: 'Plenary', country: 'Moldova', seats: 1200 }], emptyText: '-' }
		});
		expect(screen.getAllByRole('cell')[2]!.textContent?.trim()).toBe('1.200');
	});

	it('shows an empty state instead of an empty table', () => {
		render(DataTable<Delegate>, { props: { ...props, rows: [], emptyText: 'No delegates yet.' } });
		expect(screen.queryByRole('table')).toBeNull();
		expect(screen.getByText('Delegates')).toBeTruthy();
		expect(screen.getByText('No delegates yet.')).toBeTruthy();
	});
});
