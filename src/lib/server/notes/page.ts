// What the session page needs of the notes feature, and its publish action: kept here so
// the page's own load and actions only call in (the page belongs to the programme).
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { errorMessageKey } from '$lib/domain/errors';
import { DataError } from '../errors';
import { eventOf } from '../event-context';
import * as notes from './index';

export interface SessionNotesData {
	access: notes.NotesAccess;
	/** The session's rapporteurs and the event's organisers publish (also once it is closed). */
	canPublish: boolean;
	versions: notes.SummaryVersion[];
	/** Per-person IndexedDB key part, so two people sharing a browser keep separate drafts. */
	userId: string | null;
}

export async function loadSessionNotes(locals: App.Locals, slug: string, sessionId: string): Promise<SessionNotesData> {
	const [access, versions, context, rapporteur] = await Promise.all([
		notes.access(locals.supabase, sessionId),
		notes.versions(locals.supabase, sessionId),
		locals.eventContext(slug),
		locals.user ? notes.isRapporteur(locals.supabase, sessionId) : false
	]);
	const canPublish = rapporteur || context?.role === 'organiser';
	// Observers and visitors read the published summary, not the notes in the making (the
	// collab endpoint would let them read a published session's notes; the page shows the
	// summary, which is what was published).
	const participant = Boolean(locals.user) && !!context?.role && context.role !== 'observer';
	return { access: participant ? access : 'none', canPublish, versions, userId: locals.user?.id ?? null };
}

/** `?/publishSummary`: the next version of the summary, rendered from the stored notes. */
export async function publishSummary({ locals, params }: RequestEvent<{ event: string; session: string }>) {
	if (!locals.user) error(401, { message: 'Sign in to publish' });
	const event = await eventOf(locals, params.event);
	try {
		const version = await notes.publish(locals.supabase, params.session, event.default_language);
		return { published: version };
	} catch (cause) {
		if (cause instanceof notes.EmptyNotesError) return fail(400, { publishError: 'notes.publish.empty' });
		if (cause instanceof DataError) {
			return fail(cause.status === 500 ? 500 : 400, { publishError: errorMessageKey(cause) });
		}
		throw cause;
	}
}
