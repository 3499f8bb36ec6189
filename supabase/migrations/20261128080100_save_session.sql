-- Organisers save a session and the people on it in one transaction: a refused person
-- (a member of another event, the same member twice in one role) leaves the session as
-- it was, not half changed. The functions run as the caller (security invoker), so the
-- sessions and session_people policies decide every row; the organiser check up front
-- only gives the refusal a reason the UI can translate.
--
-- People are matched by id and changed in place, so a rapporteur who stays on a session
-- keeps their row (and the collab server does not see them leave and come back), and the
-- audit log records what changed rather than a delete and an insert of everyone.

create function public.require_organiser(p_event_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in to do this', hint = 'not_signed_in';
  end if;
  if not public.is_organiser(p_event_id) then
    raise exception using errcode = '42501', message = 'Only the event''s organisers can do this', hint = 'not_an_organiser';
  end if;
end
$$;

comment on function public.require_organiser(uuid) is
  'Raises not_signed_in / not_an_organiser unless the caller organises the event; for functions whose rows RLS checks anyway.';

revoke execute on function public.require_organiser(uuid) from public, anon;
grant execute on function public.require_organiser(uuid) to authenticated;

create function public.save_session(
  p_event_id uuid,
  p_session_id uuid,
  p_day_id uuid,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_room text,
  p_format public.session_format,
  p_title jsonb,
  p_description jsonb,
  p_people jsonb
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  saved_id uuid;
  previous_start timestamptz;
  person record;
  kept_ids uuid[];
begin
  perform public.require_organiser(p_event_id);

  if p_session_id is null then
    insert into public.sessions (event_id, day_id, starts_at, ends_at, room, format, title, description, position)
    values (
      p_event_id, p_day_id, p_starts_at, p_ends_at, nullif(pg_catalog.btrim(p_room), ''), p_format, p_title,
      p_description,
      -- After the sessions already starting at the same time (parallel sessions).
      (select pg_catalog.count(*) from public.sessions as s
        where s.event_id = p_event_id and s.starts_at = p_starts_at)
    )
    returning id into saved_id;
  else
    select s.starts_at into previous_start
      from public.sessions as s
     where s.id = p_session_id and s.event_id = p_event_id
       for update;
    if not found then
      raise exception using errcode = 'P0002', message = 'No such session', hint = 'session_not_found';
    end if;
    update public.sessions as s
       set day_id = p_day_id,
           starts_at = p_starts_at,
           ends_at = p_ends_at,
           room = nullif(pg_catalog.btrim(p_room), ''),
           format = p_format,
           title = p_title,
           description = p_description,
           position = case
             when p_starts_at = previous_start then s.position
             else (select pg_catalog.count(*) from public.sessions as o
                    where o.event_id = p_event_id and o.starts_at = p_starts_at and o.id <> s.id)
           end
     where s.id = p_session_id
    returning s.id into saved_id;
  end if;

  kept_ids := array(
    select (item ->> 'id')::uuid
      from pg_catalog.jsonb_array_elements(coalesce(p_people, '[]')) as item
     where item ->> 'id' is not null
  );

  delete from public.session_people as sp
   where sp.session_id = saved_id and not (sp.id = any (kept_ids));

  -- Position counts within a role, in the order the form lists the people.
  for person in
    select (item ->> 'id')::uuid as id,
           (item ->> 'role')::public.session_person_role as role,
           (item ->> 'member_id')::uuid as member_id,
           nullif(pg_catalog.btrim(item ->> 'name'), '') as name,
           case when pg_catalog.jsonb_typeof(item -> 'affiliation') = 'object'
                 and item -> 'affiliation' <> '{}'::jsonb then item -> 'affiliation' end as affiliation,
           (pg_catalog.row_number() over (partition by item ->> 'role' order by ordinality) - 1)::integer as position
      from pg_catalog.jsonb_array_elements(coalesce(p_people, '[]')) with ordinality as entries (item, ordinality)
     order by ordinality
  loop
    update public.session_people as sp
       set role = person.role,
           member_id = person.member_id,
           name = person.name,
           affiliation = person.affiliation,
           position = person.position
     where sp.id = person.id
       and sp.session_id = saved_id
       and (sp.role, sp.member_id, sp.name, sp.affiliation, sp.position)
           is distinct from (person.role, person.member_id, person.name, person.affiliation, person.position);
    if person.id is null or not exists (
      select 1 from public.session_people as sp where sp.id = person.id and sp.session_id = saved_id
    ) then
      insert into public.session_people (session_id, role, member_id, name, affiliation, position)
      values (saved_id, person.role, person.member_id, person.name, person.affiliation, person.position);
    end if;
  end loop;

  return saved_id;
end
$$;

comment on function public.save_session(uuid, uuid, uuid, timestamptz, timestamptz, text, public.session_format, jsonb, jsonb, jsonb) is
  'Organisers: creates (p_session_id null) or changes a session and replaces its people (p_people: [{id?, role, member_id | name, affiliation?}] in order) in one transaction; returns the session id.';

revoke execute on function public.save_session(uuid, uuid, uuid, timestamptz, timestamptz, text, public.session_format, jsonb, jsonb, jsonb) from public, anon;
grant execute on function public.save_session(uuid, uuid, uuid, timestamptz, timestamptz, text, public.session_format, jsonb, jsonb, jsonb) to authenticated;

-- Reordering a day moves several sessions at once (two time slots swap, or two parallel
-- sessions swap places). Each change names the times and position it was computed from:
-- if another organiser moved one of those sessions meanwhile, nothing is changed and the
-- caller is told to look again, instead of one organiser's order silently mixing with
-- another's.
create function public.reschedule_sessions(p_event_id uuid, p_changes jsonb)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  change record;
begin
  perform public.require_organiser(p_event_id);
  for change in
    select (item ->> 'id')::uuid as id,
           (item ->> 'starts_at')::timestamptz as starts_at,
           (item ->> 'ends_at')::timestamptz as ends_at,
           (item ->> 'position')::integer as position,
           (item ->> 'was_starts_at')::timestamptz as was_starts_at,
           (item ->> 'was_ends_at')::timestamptz as was_ends_at,
           (item ->> 'was_position')::integer as was_position
      from pg_catalog.jsonb_array_elements(coalesce(p_changes, '[]')) as item
  loop
    update public.sessions as s
       set starts_at = change.starts_at, ends_at = change.ends_at, position = change.position
     where s.id = change.id
       and s.event_id = p_event_id
       and s.starts_at = change.was_starts_at
       and s.ends_at = change.was_ends_at
       and s.position = change.was_position;
    if not found then
      raise exception using
        errcode = 'AC080',
        message = 'The programme changed meanwhile',
        hint = 'programme_changed';
    end if;
  end loop;
end
$$;

comment on function public.reschedule_sessions(uuid, jsonb) is
  'Organisers: moves sessions of one event ([{id, starts_at, ends_at, position, was_starts_at, was_ends_at, was_position}]) all or none; programme_changed when a session is no longer where the change expected it.';

revoke execute on function public.reschedule_sessions(uuid, jsonb) from public, anon;
grant execute on function public.reschedule_sessions(uuid, jsonb) to authenticated;
