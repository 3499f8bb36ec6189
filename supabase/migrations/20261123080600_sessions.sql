-- The programme's sessions and the people who run them (chair, resource persons,
-- rapporteurs, speakers). A rapporteur's rights over a session's notes and summary come
-- from their session_people row, so the helper below is what later policies ask.

create table public.sessions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  day_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  room text check (length(room) <= 200),
  format public.session_format not null,
  title jsonb not null check (public.is_translated_text(title)),
  description jsonb check (description is null or public.is_translated_text(description)),
  status public.session_status not null default 'scheduled',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sessions_times_ordered check (ends_at > starts_at),
  constraint sessions_day_of_event foreign key (day_id, event_id)
    references public.event_days (id, event_id) on delete cascade
);

create index sessions_event_starts_at_idx on public.sessions (event_id, starts_at, position);
create index sessions_day_event_idx on public.sessions (day_id, event_id);
create index sessions_status_idx on public.sessions (event_id, status);

comment on table public.sessions is 'A session of the programme.';
comment on column public.sessions.day_id is 'The event day it belongs to (same event); null for an event without days.';
comment on column public.sessions.title is 'Translated {en, ro, ru}; at least one language.';
comment on column public.sessions.position is 'Order among sessions starting at the same time (parallel sessions).';
comment on column public.sessions.status is 'scheduled → live → closed; closing ends live note-taking.';

create trigger sessions_set_updated_at
  before update on public.sessions
  for each row execute function public.set_updated_at();

create table public.session_people (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.sessions (id) on delete cascade,
  role public.session_person_role not null,
  member_id uuid references public.members (id) on delete cascade,
  name text check (length(btrim(name)) between 1 and 200),
  affiliation text check (length(affiliation) <= 300),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  constraint session_people_member_or_name check ((member_id is null) <> (name is null)),
  constraint session_people_member_once unique (session_id, role, member_id)
);

create index session_people_session_id_idx on public.session_people (session_id, role, position);
create index session_people_member_id_idx on public.session_people (member_id);

comment on table public.session_people is 'Who chairs, speaks at, contributes to or reports on a session.';
comment on column public.session_people.member_id is 'A member of the session''s event; null when the person is named in free text.';
comment on column public.session_people.name is 'Free-text name for people without an account; null when member_id is set.';
comment on column public.session_people.affiliation is 'Free-text affiliation shown with a free-text name.';

-- A person of another event must not gain rights over this session.
create function public.check_session_person_event()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.member_id is not null and not exists (
    select 1
    from public.members as m
    join public.sessions as s on s.event_id = m.event_id
    where m.id = new.member_id and s.id = new.session_id
  ) then
    raise exception using
      errcode = '23514',
      message = 'The person is not a member of the session''s event',
      constraint = 'session_people_member_of_event';
  end if;
  return new;
end
$$;

revoke execute on function public.check_session_person_event() from public, anon, authenticated;

create trigger session_people_check_event
  before insert or update on public.session_people
  for each row execute function public.check_session_person_event();

create function public.session_event_id(session_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.event_id from public.sessions as s where s.id = session_event_id.session_id
$$;

comment on function public.session_event_id(uuid) is 'The event a session belongs to (for policies of session-owned rows).';

create function public.is_session_rapporteur(session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.session_people as sp
    join public.members as m on m.id = sp.member_id
    where sp.session_id = is_session_rapporteur.session_id
      and sp.role = 'rapporteur'
      and m.user_id = auth.uid()
  )
$$;

comment on function public.is_session_rapporteur(uuid) is 'Whether the caller is a rapporteur of the session.';

alter table public.sessions enable row level security;
alter table public.session_people enable row level security;

-- The programme is public once the event is; members read it while it is a draft.
create policy "sessions are readable with their event"
  on public.sessions for select
  to anon, authenticated
  using (public.can_read_event(event_id));

-- Only organisers create, reschedule, open/close and remove sessions.
create policy "organisers manage sessions"
  on public.sessions for all
  to authenticated
  using (public.is_organiser(event_id))
  with check (public.is_organiser(event_id));

-- Who runs a session is part of the public programme.
create policy "session people are readable with their session"
  on public.session_people for select
  to anon, authenticated
  using (public.can_read_event(public.session_event_id(session_id)));

-- Only organisers assign chairs, resource persons, rapporteurs and speakers.
create policy "organisers manage session people"
  on public.session_people for all
  to authenticated
  using (public.is_organiser(public.session_event_id(session_id)))
  with check (public.is_organiser(public.session_event_id(session_id)));
