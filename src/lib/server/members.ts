import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

type Client = SupabaseClient<Database>;
type MemberRole = Database['public']['Enums']['member_role'];

/** How many members an event has, by role, and how many of them have joined or been invited. */
export async function tally(supabase: Client, eventId: string) {
	const rows = unwrap(
		'members.tally',
		await supabase.from('members').select('role, invited_at, joined_at').eq('event_id', eventId)
	);
	const byRole: Record<MemberRole, number> = { organiser: 0, rapporteur: 0, delegate: 0, observer: 0 };
	let joined = 0;
	let invited = 0;
	for (const row of rows) {
		byRole[row.role] += 1;
		if (row.joined_at) joined += 1;
		else if (row.invited_at) invited += 1;
	}
	return { total: rows.length, byRole, joined, invited };
}

/** Every member of the event, for the organisers' list (RLS: members see their event's members). */
export async function list(supabase: Client, eventId: string) {
	return unwrap(
		'members.list',
		await supabase
			.from('members')
			.select('id, user_id, display_name, organisation, country_code, sector, role, invited_at, joined_at')
			.eq('event_id', eventId)
			.order('display_name')
	);
}

function refused(operation: string): never {
	throw new DataError(operation, { code: '42501', message: 'not an organiser', status: 403 });
}

/** Changes a member's role; the database keeps the last organiser (hint last_organiser). */
export async function setRole(supabase: Client, eventId: string, memberId: string, role: MemberRole) {
	const rows = unwrap(
		'members.setRole',
		await supabase.from('members').update({ role }).eq('id', memberId).eq('event_id', eventId).select('id')
	);
	if (rows.length === 0) refused('members.setRole');
}

export async function remove(supabase: Client, eventId: string, memberId: string) {
	const rows = unwrap(
		'members.remove',
		await supabase.from('members').delete().eq('id', memberId).eq('event_id', eventId).select('id')
	);
	if (rows.length === 0) refused('members.remove');
}
