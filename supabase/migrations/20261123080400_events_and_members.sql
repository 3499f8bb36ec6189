-- Events and who belongs to them. Roles are per event (DESIGN §2), so every other
-- table's policies ask "what is the caller's role in this row's event?" through the
-- security definer helpers below: they read members without RLS, which keeps policies
-- on members itself free of recursion.

create table public.events (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 80),
  title jsonb not null,
  summary jsonb,
  venue text check (length(venue) <= 300),
  timezone text not null default 'UTC' check (public.is_time_zone(timezone)),
  starts_on date not null,
  ends_on date not null,
  languages public.language_code[] not null default '{en,ro,ru}',
  default_language public.language_code not null default 'en',
  status public.event_status not null default 'draft',
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint events_dates_ordered check (ends_on >= starts_on),
  constraint events_languages_not_empty check (cardinality(languages) between 1 and 3),
  constraint events_default_language_offered check (default_language = any (languages)),
  constraint events_title_translated check (public.is_translated_text(title, default_language::text)),
  constraint events_summary_translated check (summary is null or public.is_translated_text(summary, default_language::text))
);

create index events_status_idx on public.events (status);
create index events_created_by_idx on public.events (created_by);

comment on table public.events is 'A conference or consultation.';
comment on column public.events.slug is 'URL segment: lowercase letters, digits and single hyphens.';
comment on column public.events.title is 'Translated {en, ro, ru}; the default language is required.';
comment on column public.events.summary is 'Translated {en, ro, ru} or null.';
comment on column public.events.timezone is 'IANA time zone of the venue; dates and times are shown in it.';
comment on column public.events.languages is 'Working languages of the event.';
comment on column public.events.default_language is 'Language translated fields fall back to; one of languages.';
comment on column public.events.status is 'draft: organisers only; published: public programme; closed: over, still public.';

create trigger events_set_updated_at
  before update on public.events
  for each row execute function public.set_updated_at();

create table public.members (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null,
  country_code text references public.countries (code),
  organisation text check (length(organisation) <= 300),
  sector public.sector,
  profile_type public.profile_type,
  display_name text not null check (length(btrim(display_name)) between 1 and 200),
  preferred_language public.language_code,
  invited_at timestamptz,
  joined_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint members_event_user_key unique (event_id, user_id)
);

create index members_user_id_idx on public.members (user_id);
create index members_event_role_idx on public.members (event_id, role);
create index members_country_code_idx on public.members (country_code);

comment on table public.members is 'A person''s role at one event; one person may hold different roles at different events.';
comment on column public.members.country_code is 'The delegation the member belongs to; null for people without one (e.g. UN staff).';
comment on column public.members.invited_at is 'When the invitation was sent; null when added without one.';
comment on column public.members.joined_at is 'When the person first signed in to the event.';

create trigger members_set_updated_at
  before update on public.members
  for each row execute function public.set_updated_at();

-- ------------------------------------------------------------ policy helpers

create function public.member_role(event_id uuid)
returns public.member_role
language sql
stable
security definer
set search_path = ''
as $$
  select m.role
  from public.members as m
  where m.event_id = member_role.event_id and m.user_id = auth.uid()
$$;

comment on function public.member_role(uuid) is 'The caller''s role in the event, null when not a member.';

create function public.is_member(event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.members as m
    where m.event_id = is_member.event_id and m.user_id = auth.uid()
  )
$$;

comment on function public.is_member(uuid) is 'Whether the caller is a member (any role) of the event.';

create function public.is_organiser(event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.members as m
    where m.event_id = is_organiser.event_id and m.user_id = auth.uid() and m.role = 'organiser'
  )
$$;

comment on function public.is_organiser(uuid) is 'Whether the caller organises the event.';

-- Published and closed events are public: a closed event's programme, summaries and
-- adopted outcome stay readable after the conference.
create function public.is_public_event(event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.events as e
    where e.id = is_public_event.event_id and e.status in ('published', 'closed')
  )
$$;

comment on function public.is_public_event(uuid) is 'Whether the event is published or closed, i.e. visible to anyone.';

create function public.can_read_event(event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select public.is_public_event(can_read_event.event_id) or public.is_member(can_read_event.event_id)
$$;

comment on function public.can_read_event(uuid) is 'Whether the caller may read the event''s public content (programme, indicators).';

-- The person who creates an event through the API becomes its first organiser;
-- otherwise nobody could manage it. Seeds and the service role add members themselves.
create function public.add_event_creator_as_organiser()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  creator auth.users%rowtype;
begin
  if auth.uid() is null or new.created_by is distinct from auth.uid() then
    return new;
  end if;
  select * into creator from auth.users as u where u.id = new.created_by;
  insert into public.members (event_id, user_id, role, display_name, joined_at)
  values (
    new.id,
    new.created_by,
    'organiser',
    coalesce(
      nullif(btrim(creator.raw_user_meta_data ->> 'display_name'), ''),
      nullif(btrim(creator.raw_user_meta_data ->> 'full_name'), ''),
      nullif(split_part(creator.email, '@', 1), ''),
      'Organiser'
    ),
    pg_catalog.now()
  );
  return new;
end
$$;

revoke execute on function public.add_event_creator_as_organiser() from public, anon, authenticated;

create trigger events_add_creator_as_organiser
  after insert on public.events
  for each row execute function public.add_event_creator_as_organiser();

-- ------------------------------------------------------------ policies

alter table public.events enable row level security;
alter table public.members enable row level security;

-- Anyone reads published and closed events; members also see their event while it is a
-- draft, and so does its creator (insert … returning is checked against this policy
-- before the trigger below has made the creator a member).
create policy "events are readable when public, by members or by their creator"
  on public.events for select
  to anon, authenticated
  using (status in ('published', 'closed') or public.is_member(id) or created_by = (select auth.uid()));

-- Any signed-in person may start an event, as a draft they created; the trigger above
-- makes them its organiser.
create policy "signed-in users create draft events as themselves"
  on public.events for insert
  to authenticated
  with check (created_by = (select auth.uid()) and status = 'draft');

-- Only the event's organisers change it.
create policy "organisers update their events"
  on public.events for update
  to authenticated
  using (public.is_organiser(id))
  with check (public.is_organiser(id));

-- Only drafts can be deleted, by their organisers: a published event has delegates' work.
create policy "organisers delete draft events"
  on public.events for delete
  to authenticated
  using (status = 'draft' and public.is_organiser(id));

-- Members see the other members of their events (the delegate list); everyone sees their
-- own memberships (to list "my events"). Anonymous users see nobody.
create policy "members read their events' members"
  on public.members for select
  to authenticated
  using (user_id = (select auth.uid()) or public.is_member(event_id));

-- Only organisers invite, change and remove members (roles, delegations).
create policy "organisers add members"
  on public.members for insert
  to authenticated
  with check (public.is_organiser(event_id));

create policy "organisers update members"
  on public.members for update
  to authenticated
  using (public.is_organiser(event_id))
  with check (public.is_organiser(event_id));

create policy "organisers remove members"
  on public.members for delete
  to authenticated
  using (public.is_organiser(event_id));
