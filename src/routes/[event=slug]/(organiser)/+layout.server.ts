import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The guard in hooks.server.ts decides; this only turns its refusal of a page into the
// translated error page, which an error thrown in a hook cannot render.
export const load = (({ locals }) => {
	if (locals.routeDenial) {
		error(locals.routeDenial, { message: locals.routeDenial === 404 ? 'Not found' : 'Forbidden' });
	}
}) satisfies LayoutServerLoad;
