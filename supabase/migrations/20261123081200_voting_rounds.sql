-- Voting rounds on indicators (DESIGN §4, §4.1). A round's rules are fixed once it opens:
-- changing quorum or mode under delegates' feet would change the meaning of their votes.

create table public.voting_rounds (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  title jsonb not null check (public.is_translated_text(title)),
  mode public.voting_mode not null default 'per_delegate',
  quorum_percent numeric(5, 2) not null default 50 check (quorum_percent between 0 and 100),
  threshold_percent numeric(5, 2) not null default 50 check (threshold_percent > 0 and threshold_percent <= 100),
  allow_block boolean not null default false,
  ballot public.ballot_kind not null default 'open',
  results_visibility public.results_visibility not null default 'after_close',
  status public.round_status not null default 'draft',
  opens_at timestamptz,
  closes_at timestamptz,
  opened_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint voting_rounds_schedule_ordered check (closes_at is null or opens_at is null or closes_at > opens_at)
);

create index voting_rounds_event_status_idx on public.voting_rounds (event_id, status);

comment on table public.voting_rounds is 'A round of votes on a set of indicators.';
comment on column public.voting_rounds.mode is 'per_delegate: each delegate votes; per_delegation: one vote per country, cast by any of its delegates.';
comment on column public.voting_rounds.quorum_percent is 'Minimum turnout (abstentions included) as a percentage of eligible units.';
comment on column public.voting_rounds.threshold_percent is 'Minimum (agree + reservations) share of decisive votes for adoption.';
comment on column public.voting_rounds.allow_block is 'Whether delegates may block; a single block then blocks the indicator.';
comment on column public.voting_rounds.ballot is 'open: members read all votes; secret: voters read only their own (and their delegation''s).';
comment on column public.voting_rounds.results_visibility is 'live: members see the tally while open; after_close: only once closed.';
comment on column public.voting_rounds.status is 'draft → open → closed, never back; use open_round/close_round.';
comment on column public.voting_rounds.opens_at is 'Announced opening time (informational).';
comment on column public.voting_rounds.closes_at is 'Announced closing time (informational).';
comment on column public.voting_rounds.opened_at is 'When it was actually opened.';
comment on column public.voting_rounds.closed_at is 'When it was actually closed.';

create function public.check_voting_round_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception using
        errcode = 'AC005',
        message = 'A voting round starts as a draft',
        hint = 'invalid_round_transition';
    end if;
    new.opened_at := null;
    new.closed_at := null;
    return new;
  end if;

  if new.status <> old.status then
    if not (old.status = 'draft' and new.status = 'open') and not (old.status = 'open' and new.status = 'closed') then
      raise exception using
        errcode = 'AC005',
        message = format('A voting round cannot go from %s to %s', old.status, new.status),
        hint = 'invalid_round_transition';
    end if;
    if new.status = 'open' then
      new.opened_at := pg_catalog.now();
    else
      new.closed_at := pg_catalog.now();
    end if;
  else
    new.opened_at := old.opened_at;
    new.closed_at := old.closed_at;
  end if;

  if old.status <> 'draft' and (
    new.mode is distinct from old.mode
    or new.quorum_percent is distinct from old.quorum_percent
    or new.threshold_percent is distinct from old.threshold_percent
    or new.allow_block is distinct from old.allow_block
    or new.ballot is distinct from old.ballot
    or new.event_id is distinct from old.event_id
  ) then
    raise exception using
      errcode = 'AC008',
      message = 'The rules of a voting round cannot change once it has opened',
      hint = 'round_locked';
  end if;
  return new;
end
$$;

revoke execute on function public.check_voting_round_change() from public, anon, authenticated;

create trigger voting_rounds_check_change
  before insert or update on public.voting_rounds
  for each row execute function public.check_voting_round_change();

create trigger voting_rounds_set_updated_at
  before update on public.voting_rounds
  for each row execute function public.set_updated_at();

create table public.round_indicators (
  round_id uuid not null references public.voting_rounds (id) on delete cascade,
  indicator_id uuid not null references public.indicators (id) on delete cascade,
  position integer not null default 0,
  primary key (round_id, indicator_id)
);

create index round_indicators_indicator_id_idx on public.round_indicators (indicator_id);

comment on table public.round_indicators is 'The indicators put to the vote in a round, in order.';

-- The ballot is fixed once the round opens, and only indicators of the round's own
-- event can be on it.
create function public.check_round_indicator_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target public.round_indicators;
begin
  target := case when tg_op = 'DELETE' then old else new end;
  -- pg_trigger_depth() > 1: the row goes because its round, indicator or event is
  -- deleted (a foreign key cascade), which the parent's own rules already allowed.
  if tg_op <> 'INSERT' and pg_catalog.pg_trigger_depth() = 1 and exists (
    select 1 from public.voting_rounds as r where r.id = old.round_id and r.status <> 'draft'
  ) then
    raise exception using
      errcode = 'AC008',
      message = 'The indicators of a voting round cannot change once it has opened',
      hint = 'round_locked';
  end if;
  if tg_op <> 'DELETE' then
    if exists (
      select 1 from public.voting_rounds as r where r.id = new.round_id and r.status <> 'draft'
    ) then
      raise exception using
        errcode = 'AC008',
        message = 'The indicators of a voting round cannot change once it has opened',
        hint = 'round_locked';
    end if;
    if not exists (
      select 1
      from public.voting_rounds as r
      join public.indicators as i on i.event_id = r.event_id
      where r.id = new.round_id and i.id = new.indicator_id
    ) then
      raise exception using
        errcode = '23514',
        message = 'The indicator belongs to another event than the voting round',
        constraint = 'round_indicators_same_event';
    end if;
  end if;
  return target;
end
$$;

revoke execute on function public.check_round_indicator_change() from public, anon, authenticated;

create trigger round_indicators_check_change
  before insert or update or delete on public.round_indicators
  for each row execute function public.check_round_indicator_change();

create function public.round_event_id(round_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select r.event_id from public.voting_rounds as r where r.id = round_event_id.round_id
$$;

comment on function public.round_event_id(uuid) is 'The event a voting round belongs to (for policies of round-owned rows).';

alter table public.voting_rounds enable row level security;
alter table public.round_indicators enable row level security;

-- Voting is the event's internal business: its members see the rounds, nobody else.
create policy "members read voting rounds"
  on public.voting_rounds for select
  to authenticated
  using (public.is_member(event_id));

-- Only organisers prepare rounds; status changes go through open_round/close_round,
-- and the trigger above allows only draft → open → closed in any case.
create policy "organisers create voting rounds"
  on public.voting_rounds for insert
  to authenticated
  with check (public.is_organiser(event_id));

create policy "organisers update voting rounds"
  on public.voting_rounds for update
  to authenticated
  using (public.is_organiser(event_id))
  with check (public.is_organiser(event_id));

-- A round with votes is part of the record: only drafts can be deleted.
create policy "organisers delete draft voting rounds"
  on public.voting_rounds for delete
  to authenticated
  using (status = 'draft' and public.is_organiser(event_id));

create policy "members read round indicators"
  on public.round_indicators for select
  to authenticated
  using (public.is_member(public.round_event_id(round_id)));

-- Only organisers put indicators on a ballot (while the round is a draft, see trigger).
create policy "organisers manage round indicators"
  on public.round_indicators for all
  to authenticated
  using (public.is_organiser(public.round_event_id(round_id)))
  with check (public.is_organiser(public.round_event_id(round_id)));
