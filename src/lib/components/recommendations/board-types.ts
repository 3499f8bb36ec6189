// What the board's components share: the board's data as the page loads it, and what a
// refused or finished form post brought back.
import type { FormMessage } from '$lib/forms';
import type { BoardData } from '$lib/server/recommendation-board';

export type { BoardData };
export type BoardItem = BoardData['items'][number];

/** The page's `form` as far as the board reads it (the result of one of its actions). */
export interface BoardFormResult {
	intent?: string;
	added?: string;
	errors?: Partial<Record<string, FormMessage>>;
	values?: { intent?: unknown; id?: unknown; [name: string]: unknown };
}

/** The message keys of each status, written out so every key is visibly used. */
export const STATUS_LABEL = {
	proposed: 'recommendations.status.proposed',
	accepted: 'recommendations.status.accepted',
	merged: 'recommendations.status.merged',
	rejected: 'recommendations.status.rejected'
} as const;

/** The refusal a form post brought back, when it came from this form (action and item). */
export function refusalFor(form: BoardFormResult | null | undefined, intent: string, id?: string) {
	if (!form?.errors || form.values?.intent !== intent) return undefined;
	if (id !== undefined && form.values.id !== id) return undefined;
	return form;
}
