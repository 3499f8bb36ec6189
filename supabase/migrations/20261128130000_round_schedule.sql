-- A voting round's schedule is kept by the database (issue 13): a round set to open at
-- opens_at opens then, and a round set to close at closes_at stops taking votes at that
-- instant, whether or not any page is open.
--
-- There is no pg_cron on PGlite (nor, by default, on a self-hosted Postgres), so the
-- schedule is kept in two ways that need no timer:
--
-- 1. A check, exact to the instant: no vote is written, changed or withdrawn once the
--    round's closes_at has passed (trigger on votes below). cast_vote and retract_vote
--    answer round_not_open, the same as for a closed round.
-- 2. A lazily applied transition: settle_round_schedule(round, event) moves rounds whose
--    time has come (draft → open at opens_at if it has indicators, open → closed at
--    closes_at). cast_vote settles its round first, so the first vote of a scheduled
--    round opens it; the app settles the event's rounds before it reads them, so the
--    status reads as closed to anybody once closes_at has passed. The close applied
--    late still fixes the electorate (round_electorate) then, and the audit log records
--    it without an actor: the schedule did it, not the person whose page load applied it.
--    On hosted Supabase, pg_cron may call settle_round_schedule(null, null) every minute
--    as well; nothing depends on it.

create function public.settle_round_schedule(p_round_id uuid default null, p_event_id uuid default null)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller_claims text := pg_catalog.current_setting('request.jwt.claims', true);
  settled integer := 0;
  changed integer;
begin
  -- Quick exit: nothing due (the common case, on every vote).
  if not exists (
    select 1 from public.voting_rounds as r
    where (p_round_id is null or r.id = p_round_id)
      and (p_event_id is null or r.event_id = p_event_id)
      and (
        (r.status = 'draft' and r.opens_at <= pg_catalog.now()
          and (r.closes_at is null or r.closes_at > pg_catalog.now()))
        or (r.status = 'open' and r.closes_at <= pg_catalog.now())
      )
  ) then
    return 0;
  end if;

  -- The audit trigger records the change as the service role's (no actor).
  perform pg_catalog.set_config('request.jwt.claims', '{"role":"service_role"}', true);

  update public.voting_rounds as r
  set status = 'open'
  where (p_round_id is null or r.id = p_round_id)
    and (p_event_id is null or r.event_id = p_event_id)
    and r.status = 'draft'
    and r.opens_at <= pg_catalog.now()
    and (r.closes_at is null or r.closes_at > pg_catalog.now())
    and exists (select 1 from public.round_indicators as ri where ri.round_id = r.id);
  get diagnostics changed = row_count;
  settled := settled + changed;

  update public.voting_rounds as r
  set status = 'closed'
  where (p_round_id is null or r.id = p_round_id)
    and (p_event_id is null or r.event_id = p_event_id)
    and r.status = 'open'
    and r.closes_at <= pg_catalog.now();
  get diagnostics changed = row_count;
  settled := settled + changed;

  perform pg_catalog.set_config('request.jwt.claims', coalesce(caller_claims, ''), true);
  return settled;
end
$$;

comment on function public.settle_round_schedule(uuid, uuid) is
  'Opens rounds whose opens_at has come and closes rounds whose closes_at has passed (one round, one event, or all); returns how many changed.';

revoke execute on function public.settle_round_schedule(uuid, uuid) from public, anon;
grant execute on function public.settle_round_schedule(uuid, uuid) to authenticated, service_role;

-- The check: a vote is written only before the round's closing time.
create function public.check_vote_before_closing()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target_round uuid := case when tg_op = 'DELETE' then old.round_id else new.round_id end;
begin
  -- a cascade (the round or its event deleted) is not a vote
  if tg_op = 'DELETE' and pg_catalog.pg_trigger_depth() > 1 then
    return old;
  end if;
  if exists (
    select 1 from public.voting_rounds as r
    where r.id = target_round and r.closes_at <= pg_catalog.now()
  ) then
    raise exception using
      errcode = 'AC001', message = 'The voting round closed at its closing time', hint = 'round_not_open';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

revoke execute on function public.check_vote_before_closing() from public, anon, authenticated;

create trigger votes_check_before_closing
  before insert or update or delete on public.votes
  for each row execute function public.check_vote_before_closing();

-- cast_vote as in 20261128010400_secret_ballot, settling its round's schedule first.
create or replace function public.cast_vote(
  round_id uuid,
  indicator_id uuid,
  choice public.vote_choice,
  reason text default null
)
returns public.votes
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  target_round public.voting_rounds;
  voter public.members;
  voting_unit text;
  previous public.votes;
  cast_row public.votes;
begin
  if caller is null then
    raise exception using errcode = '42501', message = 'Sign in to vote', hint = 'not_signed_in';
  end if;

  -- a round due to open opens with its first vote; one past its closing time closes
  perform public.settle_round_schedule(cast_vote.round_id, null);

  -- share lock: close_round waits for votes in flight, and a vote never lands after close
  select * into target_round from public.voting_rounds as r where r.id = cast_vote.round_id for share;
  if found then
    select * into voter from public.members as m where m.event_id = target_round.event_id and m.user_id = caller;
  end if;
  -- a stranger learns nothing, not even that the round exists
  if voter.id is null then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if voter.role <> 'delegate' then
    raise exception using
      errcode = '42501', message = 'Only delegates of the event can vote', hint = 'not_a_delegate';
  end if;

  if target_round.status <> 'open' or target_round.closes_at <= pg_catalog.now() then
    raise exception using errcode = 'AC001', message = 'The voting round is not open', hint = 'round_not_open';
  end if;

  if not exists (
    select 1 from public.round_indicators as ri
    where ri.round_id = cast_vote.round_id and ri.indicator_id = cast_vote.indicator_id
  ) then
    raise exception using
      errcode = 'AC002', message = 'The indicator is not part of this voting round', hint = 'indicator_not_in_round';
  end if;

  if cast_vote.choice = 'block' and not target_round.allow_block then
    raise exception using
      errcode = 'AC003', message = 'This voting round does not allow blocking', hint = 'block_not_allowed';
  end if;

  if target_round.mode = 'per_delegation' then
    if voter.country_code is null then
      raise exception using
        errcode = 'AC004', message = 'Only delegates of a country delegation can vote in this round',
        hint = 'no_delegation';
    end if;
    voting_unit := 'country:' || voter.country_code;
  else
    voting_unit := 'delegate:' || caller::text;
  end if;

  select * into previous from public.votes as v
  where v.round_id = cast_vote.round_id and v.indicator_id = cast_vote.indicator_id and v.unit = voting_unit;

  insert into public.votes as v (round_id, indicator_id, voter_id, country_code, unit, choice, reason)
  values (
    cast_vote.round_id,
    cast_vote.indicator_id,
    caller,
    voter.country_code,
    voting_unit,
    cast_vote.choice,
    nullif(btrim(cast_vote.reason), '')
  )
  on conflict on constraint votes_one_per_unit do update
    set voter_id = excluded.voter_id,
        country_code = excluded.country_code,
        choice = excluded.choice,
        reason = excluded.reason
  returning * into cast_row;

  -- In a secret ballot the log records that a vote was cast or changed: not by whom
  -- (no actor, no unit, not even the vote's id), not for what.
  insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
  values (
    case when target_round.ballot = 'open' then caller end,
    target_round.event_id,
    case when previous.id is null then 'votes.cast' else 'votes.change' end,
    'votes',
    case when target_round.ballot = 'open' then cast_row.id::text end,
    jsonb_build_object('round_id', cast_row.round_id, 'indicator_id', cast_row.indicator_id, 'ballot', target_round.ballot)
      || case
        when target_round.ballot = 'open'
          then jsonb_build_object('unit', voting_unit, 'choice', cast_row.choice, 'previous_choice', previous.choice)
        else '{}'::jsonb
      end
  );

  return cast_row;
end
$$;

comment on function public.cast_vote(uuid, uuid, public.vote_choice, text) is
  'Casts or changes the caller''s vote (their delegation''s, per_delegation) on an indicator of an open round, before its closing time.';
