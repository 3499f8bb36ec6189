// Which message files a page needs. Every locale's messages are split one feature per file;
// the browser downloads only the files its page uses, so a read-only page on venue Wi-Fi
// does not carry the organiser console's or the editor's words. A route not listed here
// gets every file: a new page is never short of a message, only heavier than it could be.

/** Files every page needs: the shell, sign-in, errors. */
export const CORE_MESSAGES: readonly string[] = ['app'];

/** Route ids (SvelteKit's, groups included) → the files they use beyond the core ones. */
export const ROUTE_MESSAGES: Readonly<Record<string, readonly string[]>> = {
	'/(public)': ['events', 'profile'],
	'/(public)/sign-in': [],
	'/[event=slug]': ['timetable'],
	'/[event=slug]/(public)/indicators': [],
	'/[event=slug]/(public)/programme': ['timetable'],
	'/[event=slug]/(public)/programme/[session]': ['timetable', 'notes', 'editor', 'recommendations'],
	'/[event=slug]/(public)/call-to-action': ['calltoaction'],
	'/[event=slug]/(public)/call-to-action/[document]': ['calltoaction', 'editor'],
	'/[event=slug]/(public)/call-to-action/[document]/translation': ['calltoaction'],
	'/[event=slug]/(public)/call-to-action/[document]/versions': ['calltoaction']
};

/** The message files (without `.json`) the page at `routeId` needs, out of `available`. */
export function messageFilesFor(routeId: string | null, available: readonly string[]): string[] {
	// No route: an error page, which uses only the shell's words.
	const extra = routeId === null ? [] : ROUTE_MESSAGES[routeId];
	if (!extra) return [...available];
	const wanted = new Set([...CORE_MESSAGES, ...extra]);
	return available.filter((file) => wanted.has(file));
}
