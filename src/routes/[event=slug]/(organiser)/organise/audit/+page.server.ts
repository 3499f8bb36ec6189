import { eventOf } from '$lib/server/event-context';
import * as audit from '$lib/server/audit';
import * as voting from '$lib/server/voting';
import type { PageServerLoad } from './$types';

const KINDS = [
	'votes',
	'voting_rounds',
	'round_indicators',
	'indicators',
	'members',
	'events',
	'event_days',
	'sessions',
	'session_people',
	'session_summaries',
	'documents',
	'document_versions',
	'amendments'
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load = (async ({ params, locals, url, depends }) => {
	depends('app:audit');
	const event = await eventOf(locals, params.event);
	const kindParam = url.searchParams.get('kind') ?? '';
	const kind = (KINDS as readonly string[]).includes(kindParam) ? kindParam : '';
	const objectParam = (url.searchParams.get('object') ?? '').trim();
	const object = UUID.test(objectParam) ? objectParam.toLowerCase() : '';
	const before = Number(url.searchParams.get('before')) || undefined;
	const page = await audit.entries(locals.supabase, event.id, { kind, object, before });
	const actors = [...new Set(page.rows.flatMap((row) => (row.actor ? [row.actor] : [])))];
	const names = await voting.memberNames(locals.supabase, event.id, actors);
	return {
		kinds: KINDS,
		filter: { kind, object: objectParam, objectInvalid: objectParam !== '' && object === '' },
		rows: page.rows.map((row) => ({ ...row, actorName: row.actor ? (names.get(row.actor) ?? null) : null })),
		more: page.more,
		next: page.rows.at(-1)?.id
	};
}) satisfies PageServerLoad;
