// The organiser console's sections, in the order its navigation shows them. Each feature
// adds one entry here (and its page under /[event]/(organiser)/organise/<path>); the
// console's layout reads nothing else, so a new section needs no other change to the shell.
// Labels are message keys: put yours in your feature's message file, in all three languages.

export interface OrganiserSection {
	/** The URL segment under /<slug>/organise; '' is the overview. */
	path: string;
	/** The svelte-i18n key of the section's name in the console's navigation. */
	label: string;
}

export const ORGANISER_SECTIONS: readonly OrganiserSection[] = [
	{ path: '', label: 'organiser.sections.overview' },
	{ path: 'settings', label: 'organiser.sections.settings' },
	{ path: 'members', label: 'organiser.sections.members' },
	{ path: 'sessions', label: 'sessions.title' },
	{ path: 'import', label: 'peopleImport.title' },
	{ path: 'invitations', label: 'peopleInvitations.title' },
	{ path: 'badges', label: 'peopleBadges.title' },
	{ path: 'indicators', label: 'voting.indicators.title' },
	{ path: 'rounds', label: 'voting.rounds.title' },
	{ path: 'audit', label: 'voting.audit.title' }
];

/** The link to a section of an event's console. */
export function sectionHref(slug: string, path: string): string {
	return path === '' ? `/${slug}/organise` : `/${slug}/organise/${path}`;
}

/** Whether `pathname` is in the section: the overview only on its own page, others with their sub-pages. */
export function isCurrentSection(pathname: string, slug: string, path: string): boolean {
	const href = sectionHref(slug, path);
	if (path === '') return pathname === href || pathname === `${href}/`;
	return pathname === href || pathname.startsWith(`${href}/`);
}
