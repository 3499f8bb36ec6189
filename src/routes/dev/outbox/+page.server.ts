import { error } from '@sveltejs/kit';
import { outboxVisibleTo, supabaseServerUrl, supabaseServiceRoleKey } from '$lib/server/config';
import type { PageServerLoad } from './$types';

interface OutboxMessage {
	id: string;
	to: string;
	subject: string;
	text: string;
	link?: string;
	sentAt: string;
}

// The mail the local Auth server would have sent. It holds sign-in links, so it exists
// only in demo mode, or for requests from this machine in local mode without SMTP.
export const load = (async ({ fetch, depends, getClientAddress, request }) => {
	if (!outboxVisibleTo({ clientAddress: getClientAddress(), headers: request.headers })) {
		error(404, { message: 'Not found' });
	}
	depends('app:outbox');
	const key = supabaseServiceRoleKey();
	const response = await fetch(`${supabaseServerUrl()}/local/v1/outbox?limit=50`, {
		headers: { apikey: key, authorization: `Bearer ${key}` }
	});
	if (!response.ok) error(502, { message: `Outbox answered ${response.status}` });
	const messages = (await response.json()) as OutboxMessage[];
	return { messages };
}) satisfies PageServerLoad;
