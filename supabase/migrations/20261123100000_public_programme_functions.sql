-- The people on a published programme (chairs, resource persons, rapporteurs, speakers)
-- are public, but the members table is not: a delegate list is for members only. This
-- function exposes exactly the public part — name, affiliation, delegation — of the
-- people assigned to sessions of an event the caller may read.

create function public.programme_people(p_event_id uuid)
returns table (
  session_id uuid,
  role public.session_person_role,
  "position" integer,
  member_id uuid,
  name text,
  affiliation text,
  country_code text
)
language sql
stable
security definer
set search_path = ''
as $$
  select sp.session_id,
         sp.role,
         sp.position,
         sp.member_id,
         coalesce(m.display_name, sp.name) as name,
         coalesce(sp.affiliation, m.organisation) as affiliation,
         m.country_code
    from public.session_people as sp
    join public.sessions as s on s.id = sp.session_id
    left join public.members as m on m.id = sp.member_id
   where s.event_id = p_event_id
     and public.can_read_event(p_event_id)
   order by sp.session_id, sp.role, sp.position, name
$$;

comment on function public.programme_people(uuid) is
  'Public names, affiliations and delegations of the people on an event''s sessions; empty when the caller may not read the event.';

grant execute on function public.programme_people(uuid) to anon, authenticated;

-- How many delegates and delegations an event has is public for a readable event (event
-- cards show it), even though who they are is for members only.
create function public.event_delegate_counts(p_event_ids uuid[])
returns table (event_id uuid, delegates integer, countries integer)
language sql
stable
security definer
set search_path = ''
as $$
  select m.event_id,
         count(*)::integer as delegates,
         count(distinct m.country_code)::integer as countries
    from public.members as m
   where m.event_id = any (p_event_ids)
     and m.role = 'delegate'
     and public.can_read_event(m.event_id)
   group by m.event_id
$$;

comment on function public.event_delegate_counts(uuid[]) is
  'Delegate and delegation counts for the given events the caller may read.';

grant execute on function public.event_delegate_counts(uuid[]) to anon, authenticated;
