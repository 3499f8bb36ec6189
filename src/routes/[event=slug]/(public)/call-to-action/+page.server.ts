import * as documents from '$lib/server/documents';
import type { PageServerLoad } from './$types';

export const load = (async ({ parent, locals, depends }) => {
	depends('app:documents');
	const { event } = await parent();
	return { documents: await documents.list(locals.supabase, event.id) };
}) satisfies PageServerLoad;
