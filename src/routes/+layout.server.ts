import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user
			? {
					id: user.id,
					email: user.email ?? '',
					displayName:
						typeof user.user_metadata?.display_name === 'string' ? user.user_metadata.display_name : (user.email ?? '')
				}
			: null
	};
}) satisfies LayoutServerLoad;
