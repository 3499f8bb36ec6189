-- Two first votes of one voting unit at the same moment (two delegates of a country in a
-- per_delegation round, or one delegate's phone retrying) were both logged as
-- 'votes.cast': each read "no previous vote" before either had written, and the upsert's
-- row lock only ordered the writes that followed. The audit log then showed two casts and
-- no change, and the open ballot's previous_choice was lost.
--
-- cast_vote now takes a transaction-level advisory lock on (round, indicator, unit) before
-- it reads the previous vote, so writes to one unit run one after another: the second
-- reads the first's committed vote (read committed takes a new snapshot per statement)
-- and is logged as a change of it. Votes of other units do not wait on each other (a
-- hash collision only makes two unrelated votes wait a few milliseconds).
--
-- Otherwise cast_vote as in 20261128130000_round_schedule.
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

  -- one writer per unit at a time, so "previous" is the vote this write replaces
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtextextended(cast_vote.round_id::text || '/' || cast_vote.indicator_id::text || '/' || voting_unit, 0)
  );

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
  'Casts or changes the caller''s vote (their delegation''s, per_delegation) on an indicator of an open round, before its closing time; writes to one voting unit are serialised so each is logged once as cast or change.';
