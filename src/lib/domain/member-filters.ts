// The members list's search and filters, read from and written to the URL so a filtered
// list can be bookmarked, shared and reloaded, and works without JavaScript (a GET form).

export type JoinState = 'joined' | 'invited' | 'not-invited';
export const JOIN_STATES: readonly JoinState[] = ['joined', 'invited', 'not-invited'];

export interface MemberFilters {
	q: string;
	role: string;
	country: string;
	sector: string;
	state: JoinState | '';
}

export function filtersFrom(params: URLSearchParams): MemberFilters {
	const state = params.get('state') ?? '';
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		role: params.get('role') ?? '',
		country: params.get('country') ?? '',
		sector: params.get('sector') ?? '',
		state: (JOIN_STATES as readonly string[]).includes(state) ? (state as JoinState) : ''
	};
}

export interface FilterableMember {
	display_name: string;
	organisation: string | null;
	role: string;
	country_code: string | null;
	sector: string | null;
	invited_at: string | null;
	joined_at: string | null;
}

export function joinState(member: Pick<FilterableMember, 'invited_at' | 'joined_at'>): JoinState {
	if (member.joined_at) return 'joined';
	return member.invited_at ? 'invited' : 'not-invited';
}

/** Letters compared without case or diacritics: "stefan" finds "Ștefan", "ион" finds "Ион". */
function folded(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLocaleLowerCase();
}

export function matches(member: FilterableMember, filters: MemberFilters): boolean {
	if (filters.role && member.role !== filters.role) return false;
	if (filters.country && member.country_code !== filters.country) return false;
	if (filters.sector && member.sector !== filters.sector) return false;
	if (filters.state && joinState(member) !== filters.state) return false;
	if (filters.q) {
		const needle = folded(filters.q);
		const haystack = folded(`${member.display_name} ${member.organisation ?? ''}`);
		if (!haystack.includes(needle)) return false;
	}
	return true;
}

/** Whether any filter is set (the page then offers to clear them). */
export function isFiltered(filters: MemberFilters): boolean {
	return Object.values(filters).some((value) => value !== '');
}
