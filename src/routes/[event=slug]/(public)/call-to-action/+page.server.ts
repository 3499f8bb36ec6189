import * as documents from '$lib/server/documents';
import { eventOf } from '$lib/server/event-context';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals, depends }) => {
	depends('app:documents');
	const event = await eventOf(locals, params.event);
	return { documents: await documents.list(locals.supabase, event.id) };
}) satisfies PageServerLoad;
