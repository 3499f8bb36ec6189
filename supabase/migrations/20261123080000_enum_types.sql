-- The closed vocabularies of the domain model (DESIGN §1, §2, §4). Enums rather than
-- text + check so the generated TypeScript types carry the exact unions.

create type public.language_code as enum ('en', 'ro', 'ru');

create type public.event_status as enum ('draft', 'published', 'closed');

create type public.member_role as enum ('organiser', 'rapporteur', 'delegate', 'observer');

-- The sector typology delegates and speakers pick from (DESIGN §1).
create type public.sector as enum (
  'child_protection',
  'social_protection',
  'health',
  'education',
  'early_childhood_development',
  'migration',
  'justice',
  'youth',
  'disability',
  'gender'
);

-- The workforce profile typology (DESIGN §1).
create type public.profile_type as enum (
  'certified_social_worker',
  'uncertified_social_worker',
  'para_professional',
  'allied_professional'
);

create type public.session_format as enum ('plenary', 'panel', 'parallel', 'working_group', 'webinar');

create type public.session_status as enum ('scheduled', 'live', 'closed');

create type public.session_person_role as enum ('chair', 'resource_person', 'rapporteur', 'speaker');

create type public.recommendation_status as enum ('proposed', 'accepted', 'merged', 'rejected');

create type public.document_status as enum ('drafting', 'amendments', 'frozen', 'adopted');

create type public.amendment_status as enum ('proposed', 'accepted', 'rejected');

create type public.indicator_domain as enum ('planning', 'developing', 'supporting', 'cross_cutting');

create type public.voting_mode as enum ('per_delegate', 'per_delegation');

-- open: members see every vote of the round; secret: a voter sees only their own.
create type public.ballot_kind as enum ('open', 'secret');

create type public.results_visibility as enum ('live', 'after_close');

create type public.round_status as enum ('draft', 'open', 'closed');

create type public.vote_choice as enum ('agree', 'reservations', 'disagree', 'abstain', 'block');
