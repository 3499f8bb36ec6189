-- Who sees a round's counts (DESIGN §4.2), enforced in the one function that computes them.
--
--   results_visibility = live         members see the counts while the round is open
--   results_visibility = after_close  nobody sees counts until the round closes:
--                                     organisers included, and the service role too
--                                     (the server's report export has no business
--                                     showing what the event promised to hide)
--   observers                         closed rounds' results only (DESIGN §2: nothing
--                                     in progress), whatever the visibility
--
-- Organisers need to know how voting is going without knowing how it is going for whom:
-- round_turnout gives them (and the service role) eligible units and turnout per
-- indicator and per country, live, in every round. Turnout is who has voted, never what.
--
-- Before this migration round_tally showed organisers the counts of an after_close
-- round while it was open. A closed round's tally now counts the electorate fixed at
-- close (round_electorate), so later changes to members cannot change its outcome.

-- Whether a round's counts (and, for an open ballot, its individual votes) are visible
-- to members other than observers. Says nothing about the caller.
create function public.round_results_visible(round_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.voting_rounds as r
    where r.id = round_results_visible.round_id
      and (r.status = 'closed' or (r.status = 'open' and r.results_visibility = 'live'))
  )
$$;

comment on function public.round_results_visible(uuid) is
  'Whether the round''s results may be shown: closed, or open with live results.';

revoke execute on function public.round_results_visible(uuid) from public, anon;
grant execute on function public.round_results_visible(uuid) to authenticated, service_role;

-- The counting itself (DESIGN §4.1), without any visibility check: internal, called by
-- round_tally and round_turnout only. by_country carries every count; callers strip it.
create function public.round_counts(round_id uuid)
returns table (
  indicator_id uuid,
  code text,
  eligible integer,
  turnout integer,
  agree integer,
  reservations integer,
  disagree integer,
  abstain integer,
  block integer,
  outcome text,
  by_country jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  target_round public.voting_rounds;
begin
  select * into target_round from public.voting_rounds as r where r.id = round_counts.round_id;
  if not found then
    return;
  end if;

  return query
  with eligible_units as (
    -- a closed round counts the units fixed when it closed; an open one counts today's
    select e.unit, e.country_code
    from public.round_electorate as e
    where target_round.status = 'closed' and e.round_id = target_round.id
    union all
    select u.unit, u.country_code
    from public.eligible_units_now(target_round.id) as u
    where target_round.status <> 'closed'
  ),
  ballots as (
    select ri.indicator_id, ri.position, i.code, u.unit, u.country_code, v.choice
    from public.round_indicators as ri
    join public.indicators as i on i.id = ri.indicator_id
    left join eligible_units as u on true
    left join public.votes as v
      on v.round_id = ri.round_id and v.indicator_id = ri.indicator_id and v.unit = u.unit
    where ri.round_id = target_round.id
  ),
  totals as (
    select
      b.indicator_id,
      b.position,
      b.code,
      count(b.unit)::integer as eligible,
      count(b.choice)::integer as turnout,
      (count(*) filter (where b.choice = 'agree'))::integer as agree,
      (count(*) filter (where b.choice = 'reservations'))::integer as reservations,
      (count(*) filter (where b.choice = 'disagree'))::integer as disagree,
      (count(*) filter (where b.choice = 'abstain'))::integer as abstain,
      (count(*) filter (where b.choice = 'block'))::integer as block
    from ballots as b
    group by b.indicator_id, b.position, b.code
  ),
  per_country as (
    select
      b.indicator_id,
      b.country_code,
      count(b.unit)::integer as eligible,
      count(b.choice)::integer as turnout,
      (count(*) filter (where b.choice = 'agree'))::integer as agree,
      (count(*) filter (where b.choice = 'reservations'))::integer as reservations,
      (count(*) filter (where b.choice = 'disagree'))::integer as disagree,
      (count(*) filter (where b.choice = 'abstain'))::integer as abstain,
      (count(*) filter (where b.choice = 'block'))::integer as block
    from ballots as b
    where b.unit is not null
    group by b.indicator_id, b.country_code
  ),
  countries as (
    select
      pc.indicator_id,
      jsonb_agg(
        jsonb_build_object(
          'country', pc.country_code, 'eligible', pc.eligible, 'turnout', pc.turnout,
          'agree', pc.agree, 'reservations', pc.reservations, 'disagree', pc.disagree,
          'abstain', pc.abstain, 'block', pc.block)
        order by pc.country_code nulls last
      ) as by_country
    from per_country as pc
    group by pc.indicator_id
  )
  select
    t.indicator_id,
    t.code,
    t.eligible,
    t.turnout,
    t.agree,
    t.reservations,
    t.disagree,
    t.abstain,
    t.block,
    case
      when t.eligible = 0 or t.turnout * 100 < target_round.quorum_percent * t.eligible then 'no_quorum'
      when target_round.allow_block and t.block > 0 then 'blocked'
      when t.disagree = 0 and t.reservations = 0 and t.agree > 0 then 'consensus'
      when t.disagree = 0 and t.reservations > 0 then 'consensus_with_reservations'
      when t.agree + t.reservations + t.disagree > 0
        and (t.agree + t.reservations) * 100 >= target_round.threshold_percent * (t.agree + t.reservations + t.disagree)
        then 'adopted'
      else 'not_adopted'
    end,
    coalesce(c.by_country, '[]'::jsonb)
  from totals as t
  left join countries as c on c.indicator_id = t.indicator_id
  order by t.position, t.code;
end
$$;

comment on function public.round_counts(uuid) is 'Internal: the tally of a round without visibility checks. Not an API.';

revoke execute on function public.round_counts(uuid) from public, anon, authenticated;

-- The tally as members see it. Rules of DESIGN §4.1 (see round_counts); visibility as
-- described at the top. In a secret ballot by_country carries only {country, eligible,
-- turnout}: one delegation's choices would otherwise be its votes in the open.
create or replace function public.round_tally(round_id uuid)
returns table (
  indicator_id uuid,
  code text,
  eligible integer,
  turnout integer,
  agree integer,
  reservations integer,
  disagree integer,
  abstain integer,
  block integer,
  outcome text,
  by_country jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  target_round public.voting_rounds;
  caller_role public.member_role;
begin
  select * into target_round from public.voting_rounds as r where r.id = round_tally.round_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;

  -- a stranger learns nothing, not even that the round exists
  caller_role := case when auth.role() = 'service_role' then 'organiser' else public.member_role(target_round.event_id) end;
  if caller_role is null then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if not public.round_results_visible(target_round.id)
    or (caller_role = 'observer' and target_round.status <> 'closed')
  then
    raise exception using
      errcode = '42501', message = 'The results of this round are shown when it closes', hint = 'results_hidden';
  end if;

  return query
  select
    c.indicator_id, c.code, c.eligible, c.turnout, c.agree, c.reservations, c.disagree, c.abstain, c.block,
    c.outcome,
    case when target_round.ballot = 'secret'
      then (
        select coalesce(jsonb_agg(jsonb_build_object('country', e.item -> 'country', 'eligible', e.item -> 'eligible', 'turnout', e.item -> 'turnout')
                                  order by e.n), '[]'::jsonb)
        from jsonb_array_elements(c.by_country) with ordinality as e (item, n)
      )
      else c.by_country
    end
  from public.round_counts(target_round.id) as c;
end
$$;

comment on function public.round_tally(uuid) is
  'Consensus tally per indicator of a round (DESIGN §4.1), once its results are visible (§4.2): counts, turnout, outcome, by country.';

-- Live turnout for the people running the vote: how many units have voted, per indicator
-- and per country, never what they chose. Organisers of the event and the service role.
create function public.round_turnout(round_id uuid)
returns table (
  indicator_id uuid,
  code text,
  eligible integer,
  turnout integer,
  by_country jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  target_round public.voting_rounds;
begin
  select * into target_round from public.voting_rounds as r where r.id = round_turnout.round_id;
  if not found or not (auth.role() = 'service_role' or public.is_member(target_round.event_id)) then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if auth.role() <> 'service_role' and not public.is_organiser(target_round.event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers of the event follow the turnout', hint = 'not_an_organiser';
  end if;

  return query
  select
    c.indicator_id, c.code, c.eligible, c.turnout,
    (
      select coalesce(jsonb_agg(jsonb_build_object('country', e.item -> 'country', 'eligible', e.item -> 'eligible', 'turnout', e.item -> 'turnout')
                                order by e.n), '[]'::jsonb)
      from jsonb_array_elements(c.by_country) with ordinality as e (item, n)
    )
  from public.round_counts(target_round.id) as c;
end
$$;

comment on function public.round_turnout(uuid) is
  'Eligible units and turnout per indicator and per country of a round, live; organisers only. Never the choices.';

revoke execute on function public.round_turnout(uuid) from public, anon;
grant execute on function public.round_turnout(uuid) to authenticated, service_role;
