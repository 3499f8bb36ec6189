import { error } from '@sveltejs/kit';
import { isLocalStack, supabaseServerUrl, supabaseServiceRoleKey } from '$lib/server/config';
import type { PageServerLoad } from './$types';

interface OutboxMessage {
	id: string;
	to: string;
	subject: string;
	text: string;
	link?: string;
	sentAt: string;
}

// Local mode only: the mail the local Auth server would have sent.
export const load = (async ({ fetch, depends }) => {
	if (!isLocalStack()) error(404, { message: 'Not found' });
	depends('app:outbox');
	const key = supabaseServiceRoleKey();
	const response = await fetch(`${supabaseServerUrl()}/local/v1/outbox?limit=50`, {
		headers: { apikey: key, authorization: `Bearer ${key}` }
	});
	if (!response.ok) error(502, { message: `Outbox answered ${response.status}` });
	const messages = (await response.json()) as OutboxMessage[];
	return { messages };
}) satisfies PageServerLoad;
