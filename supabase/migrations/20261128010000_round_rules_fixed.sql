-- A round's rules are fixed when it opens (DESIGN §4.2): mode, quorum, threshold,
-- allow_block, ballot, results_visibility and its indicators. The first version of this
-- trigger left results_visibility out, so an organiser could open a round as
-- after_close, watch it, and switch it to live (or the reverse, hiding a result the
-- delegates were promised to see). It now locks every rule-bearing column.
--
-- An indicator on the ballot of an opened round is part of that round's record: deleting
-- it would cascade to round_indicators and delete the round's votes (a closed round's
-- result would change after the fact), and rewording it would change what delegates
-- voted on under their feet. So while an indicator is on an open or closed round it can
-- be neither deleted nor moved to another event, and the words delegates voted on (code,
-- domain, title, description, means of verification) stay as they were. Its position
-- and the illustrative flag are presentation and stay editable. Deleting the whole event
-- (a foreign key cascade, trigger depth > 1) is still allowed: nothing is left to
-- misrepresent.

create or replace function public.check_voting_round_change()
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
    or new.results_visibility is distinct from old.results_visibility
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

create function public.check_indicator_on_opened_round()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (
    select 1
    from public.round_indicators as ri
    join public.voting_rounds as r on r.id = ri.round_id
    where ri.indicator_id = old.id and r.status <> 'draft'
  ) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;

  if tg_op = 'DELETE' then
    -- the event itself is being deleted (cascade): the round goes with it
    if pg_catalog.pg_trigger_depth() > 1 then
      return old;
    end if;
    raise exception using
      errcode = 'AC008',
      message = 'An indicator that was put to the vote cannot be deleted',
      hint = 'indicator_voted_on';
  end if;

  if new.event_id is distinct from old.event_id
    or new.code is distinct from old.code
    or new.domain is distinct from old.domain
    or new.title is distinct from old.title
    or new.description is distinct from old.description
    or new.means_of_verification is distinct from old.means_of_verification
  then
    raise exception using
      errcode = 'AC008',
      message = 'The wording of an indicator that was put to the vote cannot change',
      hint = 'indicator_voted_on';
  end if;
  return new;
end
$$;

revoke execute on function public.check_indicator_on_opened_round() from public, anon, authenticated;

create trigger indicators_check_opened_round
  before update or delete on public.indicators
  for each row execute function public.check_indicator_on_opened_round();
