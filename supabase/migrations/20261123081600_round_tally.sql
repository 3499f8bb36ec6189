-- The consensus tally of a voting round, authoritative for the UI and the report
-- (DESIGN §4.1). Per indicator of the round:
--   eligible  = delegates of the event (per_delegate), or countries with at least one
--               delegate (per_delegation) — counted now, so a vote whose unit is no
--               longer eligible (a delegate removed) does not count;
--   turnout   = eligible units that voted, abstentions included;
--   outcome   = the first rule that applies:
--     no_quorum                    turnout / eligible < quorum %  (also when nobody is eligible:
--                                  nothing can be decided without voters)
--     blocked                      allow_block and at least one block
--     consensus                    no disagree, no reservations, at least one agree
--     consensus_with_reservations  no disagree, at least one reservations
--     adopted                      (agree + reservations) / (agree + reservations + disagree) ≥ threshold %
--     not_adopted                  otherwise, including when every vote is an abstention
--                                  (no decisive vote, so no share to compare)
-- Abstentions count in turnout but never in the ratio. Blocks count in turnout; they
-- decide only when the round allows blocking (cast_vote refuses them otherwise).
-- Comparisons are done on integers times 100 against the numeric percentages, so a
-- boundary (e.g. exactly 50 %) is exact, never a rounding accident.
--
-- by_country: array of {country, eligible, turnout, agree, reservations, disagree,
-- abstain, block} ordered by country code (country null: delegates without one). In a
-- secret ballot only {country, eligible, turnout}: one delegation's choice would
-- otherwise be its vote in the open.
--
-- Visible to the event's organisers (and the service role) always; to other members once the round is open if
-- results are live, or once it is closed; to nobody else (42501).

create function public.round_tally(round_id uuid)
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

  -- the server's admin client (report export) sees every tally
  caller_role := case when auth.role() = 'service_role' then 'organiser' else public.member_role(target_round.event_id) end;
  if caller_role is null then
    raise exception using
      errcode = '42501', message = 'Only members of the event can see this tally', hint = 'not_a_member';
  end if;
  if caller_role <> 'organiser' and not (
    target_round.status = 'closed'
    or (target_round.status = 'open' and target_round.results_visibility = 'live')
  ) then
    raise exception using
      errcode = '42501', message = 'The results of this round are shown when it closes', hint = 'results_hidden';
  end if;

  return query
  with eligible_units as (
    select distinct
      case when target_round.mode = 'per_delegate' then 'delegate:' || m.user_id::text
           else 'country:' || m.country_code end as unit,
      m.country_code
    from public.members as m
    where m.event_id = target_round.event_id
      and m.role = 'delegate'
      and (target_round.mode = 'per_delegate' or m.country_code is not null)
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
        case when target_round.ballot = 'secret'
          then jsonb_build_object('country', pc.country_code, 'eligible', pc.eligible, 'turnout', pc.turnout)
          else jsonb_build_object(
            'country', pc.country_code, 'eligible', pc.eligible, 'turnout', pc.turnout,
            'agree', pc.agree, 'reservations', pc.reservations, 'disagree', pc.disagree,
            'abstain', pc.abstain, 'block', pc.block)
        end
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

comment on function public.round_tally(uuid) is
  'Consensus tally per indicator of a round (DESIGN §4.1): counts, turnout, outcome, breakdown by country.';

revoke execute on function public.round_tally(uuid) from public, anon;
grant execute on function public.round_tally(uuid) to authenticated, service_role;
