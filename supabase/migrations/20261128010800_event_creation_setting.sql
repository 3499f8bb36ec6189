-- Who may start an event is the instance's decision (DESIGN §2: "any signed-in person
-- can start one" is the default, not the only posture). A ministry running Accord for
-- its own conferences limits it to its staff. The setting lives in the database, so RLS
-- enforces it for every client, and only the service role (the operator) changes it:
--
--   instance_settings.event_creators = 'anyone_signed_in'   any signed-in person (default)
--                                    = 'allow_list'         only confirmed e-mail addresses
--                                                           on event_creator_allow_list,
--                                                           by address or by domain
--
-- An allow-list entry is an address (ana@gov.example) or a domain (gov.example), matched
-- case-insensitively against the caller's confirmed e-mail in auth.users: the address
-- must be confirmed, or anyone could sign up with the director's address and a password.

create type public.event_creators as enum ('anyone_signed_in', 'allow_list');

create table public.instance_settings (
  singleton boolean primary key default true check (singleton),
  event_creators public.event_creators not null default 'anyone_signed_in',
  updated_at timestamptz not null default now()
);

comment on table public.instance_settings is 'Settings of this Accord instance; one row; written by the service role only.';
comment on column public.instance_settings.event_creators is
  'anyone_signed_in: any signed-in person may start an event; allow_list: only those on event_creator_allow_list.';

insert into public.instance_settings default values;

create trigger instance_settings_set_updated_at
  before update on public.instance_settings
  for each row execute function public.set_updated_at();

create table public.event_creator_allow_list (
  entry text primary key check (
    entry = lower(entry)
    and entry ~ '^([a-z0-9._%+-]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$'
  ),
  created_at timestamptz not null default now()
);

comment on table public.event_creator_allow_list is
  'Who may start events when instance_settings.event_creators is allow_list: an e-mail address or a whole domain.';
comment on column public.event_creator_allow_list.entry is 'Lowercase e-mail address (ana@gov.example) or domain (gov.example).';

alter table public.instance_settings enable row level security;
alter table public.event_creator_allow_list enable row level security;
-- No policies: only the service role (which bypasses RLS) reads and writes them.
revoke all on public.instance_settings from anon, authenticated;
revoke all on public.event_creator_allow_list from anon, authenticated;

-- Whether the caller may start an event. Callable by signed-in users so the UI can offer
-- "New event" only to those who may; says nothing about anybody else.
create function public.can_create_events()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select auth.uid() is not null and (
    (select s.event_creators from public.instance_settings as s) is distinct from 'allow_list'
    or exists (
      select 1
      from auth.users as u
      join public.event_creator_allow_list as a
        on a.entry = lower(u.email) or a.entry = lower(split_part(u.email, '@', 2))
      where u.id = auth.uid() and u.email_confirmed_at is not null
    )
  )
$$;

comment on function public.can_create_events() is 'Whether the caller may start an event under the instance''s setting.';

revoke execute on function public.can_create_events() from public, anon;
grant execute on function public.can_create_events() to authenticated, service_role;

drop policy "signed-in users create draft events as themselves" on public.events;
create policy "permitted users create draft events as themselves"
  on public.events for insert
  to authenticated
  with check (created_by = (select auth.uid()) and status = 'draft' and public.can_create_events());
