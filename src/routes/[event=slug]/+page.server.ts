import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => redirect(307, `/${params.event}/programme`)) satisfies PageServerLoad;
