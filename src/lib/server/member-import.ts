// Data access for the delegate import: reference countries to read the file against,
// the addresses already at the event (for the preview's counts), and the import itself.
import type { SupabaseClient } from '@supabase/supabase-js';
import { countryIndex, type DelegateRow } from '$lib/domain/csv/delegates';
import type { Database } from '$lib/supabase/database.types';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;

/** Every country's code and names, to match what the file says in any language. */
export async function countries(supabase: Client) {
	const rows = unwrap('memberImport.countries', await supabase.from('countries').select('code, name'));
	return countryIndex(
		rows.map((row) => ({
			code: row.code,
			names: Object.values((row.name ?? {}) as Record<string, string>).filter((name) => typeof name === 'string')
		}))
	);
}

/** The addresses of the event's members, lower case (organisers only). */
export async function memberEmails(supabase: Client, eventId: string): Promise<Set<string>> {
	const rows = unwrap('memberImport.memberEmails', await supabase.rpc('member_contacts', { p_event_id: eventId }));
	return new Set(rows.map((row) => row.email.toLowerCase()));
}

export interface ImportSummary {
	created: number;
	updated: number;
	unchanged: number;
}

/** Writes every row in one transaction, or none (see import_members). */
export async function importRows(supabase: Client, eventId: string, rows: DelegateRow[]): Promise<ImportSummary> {
	const payload = rows.map((row) => [
		row.email,
		row.displayName,
		row.countryCode,
		row.organisation,
		row.sector,
		row.role,
		row.language
	]);
	const response = await supabase.rpc('import_members', { p_event_id: eventId, p_rows: payload }).single();
	return unwrap('memberImport.importRows', response);
}

/** Country code → name in the reader's language (English where it has none). */
export async function countryNames(supabase: Client, locale: string): Promise<Map<string, string>> {
	const rows = unwrap('memberImport.countryNames', await supabase.from('countries').select('code, name'));
	return new Map(
		rows.map((row) => {
			const names = (row.name ?? {}) as Record<string, string>;
			return [row.code, names[locale] ?? names.en ?? row.code];
		})
	);
}
