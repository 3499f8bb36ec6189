-- The only ways to vote and to move a round along (DESIGN §4). Each function checks the
-- caller through auth.uid() and reports refusals with a SQLSTATE the UI translates:
--   42501 not allowed (not signed in, not a delegate / organiser of the round's event)
--   P0002 round not found
--   AC001 round not open          AC002 indicator not in the round
--   AC003 blocking not allowed    AC004 delegate without a delegation (per_delegation)
--   AC005 invalid round status change   AC006 round has no indicators
-- The hint carries the same reason as a snake_case key.

create function public.cast_vote(
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
  if not found then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;

  select * into voter from public.members as m where m.event_id = target_round.event_id and m.user_id = caller;
  if not found or voter.role <> 'delegate' then
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

  -- In a secret ballot the log records that a vote changed, never what it says.
  insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
  values (
    caller,
    target_round.event_id,
    case when previous.id is null then 'votes.cast' else 'votes.change' end,
    'votes',
    cast_row.id::text,
    jsonb_build_object('round_id', cast_row.round_id, 'indicator_id', cast_row.indicator_id, 'unit', voting_unit)
      || case
        when target_round.ballot = 'open'
          then jsonb_build_object('choice', cast_row.choice, 'previous_choice', previous.choice)
        else '{}'::jsonb
      end
  );

  return cast_row;
end
$$;

comment on function public.cast_vote(uuid, uuid, public.vote_choice, text) is
  'Casts or changes the caller''s vote (their delegation''s, per_delegation) on an indicator of an open round.';

create function public.retract_vote(round_id uuid, indicator_id uuid)
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
  if not found then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;

  select * into voter from public.members as m where m.event_id = target_round.event_id and m.user_id = caller;
  if not found or voter.role <> 'delegate' then
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
    caller,
    target_round.event_id,
    'votes.retract',
    'votes',
    removed.id::text,
    jsonb_build_object('round_id', removed.round_id, 'indicator_id', removed.indicator_id, 'unit', voting_unit)
  );
  return true;
end
$$;

comment on function public.retract_vote(uuid, uuid) is
  'Withdraws the caller''s (or their delegation''s) vote while the round is open; false when there was none.';

create function public.open_round(round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  target_round public.voting_rounds;
begin
  select * into target_round from public.voting_rounds as r where r.id = open_round.round_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if auth.uid() is null or not public.is_organiser(target_round.event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers of the event can open a voting round', hint = 'not_an_organiser';
  end if;
  if target_round.status <> 'draft' then
    raise exception using
      errcode = 'AC005', message = format('A %s voting round cannot be opened', target_round.status),
      hint = 'invalid_round_transition';
  end if;
  if not exists (select 1 from public.round_indicators as ri where ri.round_id = open_round.round_id) then
    raise exception using
      errcode = 'AC006', message = 'Add at least one indicator before opening the round', hint = 'round_without_indicators';
  end if;

  update public.voting_rounds as r set status = 'open' where r.id = open_round.round_id
  returning * into target_round;
  return target_round;
end
$$;

comment on function public.open_round(uuid) is 'Opens a draft round for voting (organisers only); the audit trigger records it.';

create function public.close_round(round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  target_round public.voting_rounds;
begin
  select * into target_round from public.voting_rounds as r where r.id = close_round.round_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if auth.uid() is null or not public.is_organiser(target_round.event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers of the event can close a voting round', hint = 'not_an_organiser';
  end if;
  if target_round.status <> 'open' then
    raise exception using
      errcode = 'AC005', message = format('A %s voting round cannot be closed', target_round.status),
      hint = 'invalid_round_transition';
  end if;

  update public.voting_rounds as r set status = 'closed' where r.id = close_round.round_id
  returning * into target_round;
  return target_round;
end
$$;

comment on function public.close_round(uuid) is 'Closes an open round (organisers only); votes are final from then on.';

-- Signed-in users call these through the API; anonymous callers have nothing to do here.
revoke execute on function public.cast_vote(uuid, uuid, public.vote_choice, text) from public, anon;
revoke execute on function public.retract_vote(uuid, uuid) from public, anon;
revoke execute on function public.open_round(uuid) from public, anon;
revoke execute on function public.close_round(uuid) from public, anon;
grant execute on function public.cast_vote(uuid, uuid, public.vote_choice, text) to authenticated, service_role;
grant execute on function public.retract_vote(uuid, uuid) to authenticated, service_role;
grant execute on function public.open_round(uuid) to authenticated, service_role;
grant execute on function public.close_round(uuid) to authenticated, service_role;
