// Message keys for the values of the member and event enums, written out so the message
// usage test sees each one (a key built from a value would have to be listed there).
// Other organiser pages (import, invitations, badges) use the same words for roles and sectors.
import type { Database } from '$lib/supabase/database.types';

type Enums = Database['public']['Enums'];

export const ROLE_LABEL: Record<Enums['member_role'], string> = {
	organiser: 'organiser.roles.organiser',
	rapporteur: 'organiser.roles.rapporteur',
	delegate: 'organiser.roles.delegate',
	observer: 'organiser.roles.observer'
};

export const SECTOR_LABEL: Record<Enums['sector'], string> = {
	child_protection: 'organiser.sectors.childProtection',
	social_protection: 'organiser.sectors.socialProtection',
	health: 'organiser.sectors.health',
	education: 'organiser.sectors.education',
	early_childhood_development: 'organiser.sectors.earlyChildhoodDevelopment',
	migration: 'organiser.sectors.migration',
	justice: 'organiser.sectors.justice',
	youth: 'organiser.sectors.youth',
	disability: 'organiser.sectors.disability',
	gender: 'organiser.sectors.gender'
};

/** What each status means for who sees the event, shown beside it in the console. */
export const STATUS_EXPLAINED: Record<Enums['event_status'], string> = {
	draft: 'organiser.status.explain.draft',
	published: 'organiser.status.explain.published',
	closed: 'organiser.status.explain.closed'
};

export const ROLES = Object.keys(ROLE_LABEL) as Enums['member_role'][];
export const SECTORS = Object.keys(SECTOR_LABEL) as Enums['sector'][];
