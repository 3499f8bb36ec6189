// Columns and sorting for <DataTable>, apart from the markup so the order is unit-tested.
import type { Snippet } from 'svelte';
import { INTL_LOCALE } from '../../domain/format.ts';
import type { Locale } from '../../domain/locale.ts';

export type SortValue = string | number | Date | null | undefined;
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
	column: string;
	direction: SortDirection;
}

export interface Column<Row> {
	/** Unique among the table's columns. */
	key: string;
	header: string;
	/** The cell's value: shown as text unless `cell` is given, and what the column sorts by. */
	value: (row: Row) => SortValue;
	/** Rich content for the cell (a link, a badge). */
	cell?: Snippet<[Row]>;
	sortable?: boolean;
	/** Numbers and times line up at the end of the cell. */
	align?: 'start' | 'end';
}

function compare(a: SortValue, b: SortValue, collator: Intl.Collator): number {
	if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return collator.compare(String(a), String(b));
}

/** A cell's value as text in the reader's language (numbers and dates included). */
export function displayValue(value: SortValue, locale: Locale): string {
	if (value instanceof Date) return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium' }).format(value);
	if (typeof value === 'number') return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
	return value ?? '';
}

const missing = (value: SortValue) => value === null || value === undefined || value === '';

/**
 * The rows in the column's order: text by the reader's language (ș after s in Romanian,
 * "Б" after "А" in Russian, "item 2" before "item 10"), empty cells last either way, ties
 * in their original order.
 */
export function sortRows<Row>(
	rows: readonly Row[],
	column: Column<Row>,
	direction: SortDirection,
	locale: Locale
): Row[] {
	const collator = new Intl.Collator(INTL_LOCALE[locale], { numeric: true, sensitivity: 'base' });
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row) => ({ row, value: column.value(row) }))
		.sort((a, b) => {
			if (missing(a.value) || missing(b.value)) return Number(missing(a.value)) - Number(missing(b.value));
			return sign * compare(a.value, b.value, collator);
		})
		.map(({ row }) => row);
}
