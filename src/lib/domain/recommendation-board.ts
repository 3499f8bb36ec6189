// How a session's recommendation board is ordered and filtered. The view lives in the URL
// (`?sort=endorsed&status=accepted`) so that a plain GET form works without JavaScript, a
// link shares what one sees, and the browser's back button returns to it.

export const RECOMMENDATION_STATUSES = ['proposed', 'accepted', 'merged', 'rejected'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const BOARD_SORTS = ['newest', 'endorsed'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** `hidden` shows organisers what they took off the board; for others it shows nothing. */
export type BoardFilter = RecommendationStatus | 'hidden' | 'all';

export interface BoardView {
	sort: BoardSort;
	status: BoardFilter;
}

/** At most this many characters in a recommendation (the database's own limit). */
export const RECOMMENDATION_MAX_LENGTH = 4000;
/** At most this many characters in the reason an organiser gives for hiding one. */
export const HIDE_REASON_MAX_LENGTH = 500;

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
	return value !== null && (values as readonly string[]).includes(value);
}

/** The view a URL asks for; anything unknown falls back to newest first, every status. */
export function boardView(params: URLSearchParams): BoardView {
	const sort = params.get('sort');
	const status = params.get('status');
	return {
		sort: isOneOf(BOARD_SORTS, sort) ? sort : 'newest',
		status: isOneOf([...RECOMMENDATION_STATUSES, 'hidden'] as const, status) ? status : 'all'
	};
}

export interface BoardItem {
	status: RecommendationStatus;
	created_at: string;
	endorsement_count: number;
	hidden_at: string | null;
}

/**
 * The items the view shows, in its order. Hidden items appear only under the `hidden`
 * filter, so an organiser's board looks like everyone else's until they ask for them.
 * Ties in endorsements go to the newer item; equal times keep the input order.
 */
export function viewBoard<T extends BoardItem>(items: readonly T[], view: BoardView): T[] {
	const shown = items.filter((item) =>
		view.status === 'hidden'
			? item.hidden_at !== null
			: item.hidden_at === null && (view.status === 'all' || item.status === view.status)
	);
	const newest = (a: T, b: T) => Date.parse(b.created_at) - Date.parse(a.created_at);
	return shown.sort(
		view.sort === 'endorsed' ? (a, b) => b.endorsement_count - a.endorsement_count || newest(a, b) : newest
	);
}

/** The URL search of a view, without the defaults (a clean `?` for the usual view). */
export function boardSearch(view: BoardView): string {
	const params = new URLSearchParams();
	if (view.sort !== 'newest') params.set('sort', view.sort);
	if (view.status !== 'all') params.set('status', view.status);
	const search = params.toString();
	return search ? `?${search}` : '';
}
