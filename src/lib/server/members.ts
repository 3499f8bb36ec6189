import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

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
