// A person's profile: one per person, kept in their Auth user metadata (which the server
// reads on every request to choose their language) and copied to each of their memberships
// by update_my_profile, so organisers and other members see the same name everywhere.
import type { SupabaseClient, User } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from './errors';

type Client = SupabaseClient<Database>;
type Enums = Database['public']['Enums'];

export interface Profile {
	display_name: string;
	organisation: string;
	country_code: string;
	sector: Enums['sector'] | '';
	preferred_language: Enums['language_code'] | '';
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** The profile as stored, falling back to the person's first membership for what they never set. */
export function of(
	user: User,
	memberships: {
		display_name: string;
		organisation: string | null;
		country_code: string | null;
		sector: Enums['sector'] | null;
		preferred_language: Enums['language_code'] | null;
	}[]
): Profile {
	const meta = user.user_metadata ?? {};
	const first = memberships[0];
	return {
		display_name: text(meta.display_name) || first?.display_name || '',
		organisation: text(meta.organisation) || first?.organisation || '',
		country_code: text(meta.country_code) || first?.country_code || '',
		sector: (text(meta.sector) || first?.sector || '') as Profile['sector'],
		preferred_language: (text(meta.preferred_language) ||
			first?.preferred_language ||
			'') as Profile['preferred_language']
	};
}

/** The caller's memberships with the event they belong to, for the per-event part of the page. */
export async function memberships(supabase: Client, userId: string) {
	return unwrap(
		'profile.memberships',
		await supabase
			.from('members')
			.select(
				'id, role, display_name, organisation, country_code, sector, preferred_language, events!inner(slug, title, default_language)'
			)
			.eq('user_id', userId)
	);
}

export interface ProfileChange {
	display_name: string;
	organisation?: string;
	country_code?: string;
	sector?: Enums['sector'];
	preferred_language: Enums['language_code'];
}

export async function save(supabase: Client, change: ProfileChange) {
	const { error } = await supabase.auth.updateUser({
		data: {
			display_name: change.display_name,
			organisation: change.organisation ?? null,
			country_code: change.country_code ?? null,
			sector: change.sector ?? null,
			preferred_language: change.preferred_language
		}
	});
	if (error) {
		throw new DataError('profile.save', { code: error.code ?? 'auth', message: error.message, status: error.status });
	}
	unwrap(
		'profile.saveMemberships',
		await supabase.rpc('update_my_profile', {
			display_name: change.display_name,
			preferred_language: change.preferred_language,
			organisation: change.organisation ?? '',
			sector: change.sector
		})
	);
}
