-- A closed round's result is final (DESIGN §4.2): the eligible units are fixed when the
-- round closes. Before this table, round_tally counted today's delegates, so demoting
-- or removing delegates after the close (or moving one to another delegation) changed
-- a closed round's eligible count, its quorum and, because their votes then no longer
-- counted, its outcome: demoting 20 dissenting voters turned `adopted` into `consensus`.
--
-- When a round goes from open to closed, the units eligible at that moment are copied
-- here: per_delegate, one row per delegate (unit delegate:<user id>, with the delegation
-- they belonged to for the by-country breakdown); per_delegation, one row per country
-- with at least one delegate. round_tally reads these rows for a closed round and the
-- members table only while a round is still open.
--
-- Nobody writes this table through the API (no policy): the trigger below fills it as
-- the round's owner, whoever closes the round (close_round, or an organiser's update).
-- Nobody reads it through the API either; round_tally is the one way to its contents.

create table public.round_electorate (
  round_id uuid not null references public.voting_rounds (id) on delete cascade,
  unit text not null check (unit ~ '^(delegate:[0-9a-f-]{36}|country:[A-Z]{2})$'),
  country_code text,
  primary key (round_id, unit)
);

comment on table public.round_electorate is
  'The voting units eligible in a round when it closed; the tally of a closed round counts these.';
comment on column public.round_electorate.country_code is
  'The unit''s delegation at close (null: a delegate without one); no foreign key, the record outlives the country row.';

alter table public.round_electorate enable row level security;
revoke all on public.round_electorate from anon, authenticated;

-- The same rule round_tally applies to a round still open (DESIGN §4.1): delegates of the
-- event, or countries with at least one delegate.
create function public.eligible_units_now(round_id uuid)
returns table (unit text, country_code text)
language sql
stable
security definer
set search_path = ''
as $$
  select distinct
    case when r.mode = 'per_delegate' then 'delegate:' || m.user_id::text
         else 'country:' || m.country_code end,
    m.country_code
  from public.voting_rounds as r
  join public.members as m on m.event_id = r.event_id
  where r.id = eligible_units_now.round_id
    and m.role = 'delegate'
    and (r.mode = 'per_delegate' or m.country_code is not null)
$$;

comment on function public.eligible_units_now(uuid) is
  'Internal: the units eligible in a round according to today''s members. Not an API.';

revoke execute on function public.eligible_units_now(uuid) from public, anon, authenticated;

create function public.fix_round_electorate()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.round_electorate (round_id, unit, country_code)
  select new.id, u.unit, u.country_code from public.eligible_units_now(new.id) as u
  on conflict do nothing;
  return null;
end
$$;

revoke execute on function public.fix_round_electorate() from public, anon, authenticated;

create trigger voting_rounds_fix_electorate
  after update of status on public.voting_rounds
  for each row
  when (old.status = 'open' and new.status = 'closed')
  execute function public.fix_round_electorate();

-- Rounds closed before this migration: their electorate is the best record there is now.
insert into public.round_electorate (round_id, unit, country_code)
select r.id, u.unit, u.country_code
from public.voting_rounds as r
cross join lateral public.eligible_units_now(r.id) as u
where r.status = 'closed'
on conflict do nothing;
