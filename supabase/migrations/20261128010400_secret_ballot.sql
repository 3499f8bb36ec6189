-- A secret ballot (DESIGN §4.2): no one but the voter (and, per delegation, their
-- delegation) ever learns a choice. Three paths named the voter before this migration:
--
-- 1. The audit log. A secret vote was logged with its actor and its unit
--    (delegate:<user id>), so an organiser read who voted when. Diffing the tally just
--    before and just after that entry (organisers saw counts live) named the choice too.
--    Now a secret vote is logged with no actor, no unit and no choice — only that a vote
--    on that indicator of that round was cast, changed or withdrawn, and when.
--
-- 2. Live counts. Even with an anonymous log, live counts of a secret ballot are a diff
--    waiting to happen: whoever watches the projector while a neighbour taps "disagree"
--    sees disagree go up by one. A secret ballot therefore shows results only after
--    close (constraint below; the UI offers no other combination). What remains live is
--    turnout (round_turnout, organisers): it tells that someone of a delegation voted,
--    which DESIGN gives organisers, and never what.
--
-- 3. Open ballots whose results come after close carried the choice in the log, which
--    organisers read live: the counts after_close hides. Vote entries of a round are now
--    readable by the event's organisers only once the round's results are visible.
--
-- Residual risk, accepted and stated: after close, a tally in which every unit of an
-- indicator chose the same reveals those choices — that is what a unanimous result is. In a secret ballot
-- the by-country breakdown carries turnout only, so a one-delegate delegation's choice is
-- not shown. The log's timestamps still say when someone voted; with results only after
-- close there is no series of tallies to line them up against. The service role can
-- read everything: it is the operator's key, guarded outside the database.
--
-- cast_vote and retract_vote are restated whole for the log entries; they also answer a
-- stranger "round not found" now, as for a round that does not exist.

alter table public.voting_rounds
  add constraint voting_rounds_secret_results_after_close
  check (ballot = 'open' or results_visibility = 'after_close');

comment on column public.voting_rounds.ballot is
  'open: members read all votes once results are visible; secret: voters read only their own (and their delegation''s); results after close.';
comment on column public.voting_rounds.results_visibility is
  'live: members see the tally while open; after_close: nobody, organisers included, until closed (organisers follow turnout).';
comment on column public.audit_log.actor is
  'auth.uid() of the caller; null for the service role and for votes of a secret ballot. No foreign key: the record outlives the account.';

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

  if target_round.status <> 'open' then
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
  'Casts or changes the caller''s vote (their delegation''s, per_delegation) on an indicator of an open round.';

create or replace function public.retract_vote(round_id uuid, indicator_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  target_round public.voting_rounds;
  voter public.members;
  voting_unit text;
  removed public.votes;
begin
  if caller is null then
    raise exception using errcode = '42501', message = 'Sign in to vote', hint = 'not_signed_in';
  end if;

  select * into target_round from public.voting_rounds as r where r.id = retract_vote.round_id for share;
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

  if target_round.status <> 'open' then
    raise exception using errcode = 'AC001', message = 'The voting round is not open', hint = 'round_not_open';
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

  delete from public.votes as v
  where v.round_id = retract_vote.round_id and v.indicator_id = retract_vote.indicator_id and v.unit = voting_unit
  returning * into removed;

  if removed.id is null then
    return false;
  end if;

  insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
  values (
    case when target_round.ballot = 'open' then caller end,
    target_round.event_id,
    'votes.retract',
    'votes',
    case when target_round.ballot = 'open' then removed.id::text end,
    jsonb_build_object('round_id', removed.round_id, 'indicator_id', removed.indicator_id, 'ballot', target_round.ballot)
      || case when target_round.ballot = 'open' then jsonb_build_object('unit', voting_unit) else '{}'::jsonb end
  );
  return true;
end
$$;

comment on function public.retract_vote(uuid, uuid) is
  'Withdraws the caller''s (or their delegation''s) vote while the round is open; false when there was none.';

-- Organisers read their event's log; the entries of a round's votes only once that
-- round's results are visible (an open ballot's entries name voter and choice). The
-- first policy showed them live.
drop policy "organisers read their event's audit log" on public.audit_log;

create policy "organisers read their event's audit log, vote entries once results are visible"
  on public.audit_log for select
  to authenticated
  using (
    public.is_organiser(event_id)
    and (
      object_type <> 'votes'
      or coalesce(details ->> 'ballot', '') = 'secret'
      or public.round_results_visible((details ->> 'round_id')::uuid)
    )
  );

-- Entries written before this migration for votes of secret ballots named the voter.
-- The log is append-only so that nobody rewrites history; erasing a secret voter's name
-- from it is the one rewrite the ballot's promise requires, done once, here.
alter table public.audit_log disable trigger audit_log_append_only;

update public.audit_log as a
set actor = null,
    object_id = null,
    details = (a.details - 'unit' - 'choice' - 'previous_choice') || '{"ballot": "secret"}'::jsonb
from public.voting_rounds as r
where a.object_type = 'votes'
  and r.id = (a.details ->> 'round_id')::uuid
  and r.ballot = 'secret';

alter table public.audit_log enable trigger audit_log_append_only;
