-- What members change about themselves. The members table is organiser-only for
-- writes (a row policy cannot stop a delegate from also changing their own role), so
-- these two functions touch exactly the personal columns and nothing else.

-- Marks the caller as having joined the event (first sign-in after an invitation);
-- later calls keep the first time.
create function public.join_event(event_id uuid)
returns public.members
language plpgsql
security definer
set search_path = ''
as $$
declare
  joined public.members;
begin
  update public.members as m
  set joined_at = coalesce(m.joined_at, pg_catalog.now())
  where m.event_id = join_event.event_id and m.user_id = auth.uid()
  returning * into joined;
  if joined.id is null then
    raise exception using
      errcode = '42501', message = 'You are not a member of this event', hint = 'not_a_member';
  end if;
  return joined;
end
$$;

comment on function public.join_event(uuid) is 'Sets the caller''s joined_at for the event (first time only) and returns their membership.';

-- Updates the caller's own profile at one event. A null argument leaves that column as
-- it is; an empty organisation clears it.
create function public.update_my_membership(
  event_id uuid,
  display_name text default null,
  preferred_language public.language_code default null,
  organisation text default null,
  sector public.sector default null,
  profile_type public.profile_type default null
)
returns public.members
language plpgsql
security definer
set search_path = ''
as $$
declare
  updated public.members;
begin
  update public.members as m
  set display_name = coalesce(nullif(btrim(update_my_membership.display_name), ''), m.display_name),
      preferred_language = coalesce(update_my_membership.preferred_language, m.preferred_language),
      organisation = case
        when update_my_membership.organisation is null then m.organisation
        else nullif(btrim(update_my_membership.organisation), '')
      end,
      sector = coalesce(update_my_membership.sector, m.sector),
      profile_type = coalesce(update_my_membership.profile_type, m.profile_type)
  where m.event_id = update_my_membership.event_id and m.user_id = auth.uid()
  returning * into updated;
  if updated.id is null then
    raise exception using
      errcode = '42501', message = 'You are not a member of this event', hint = 'not_a_member';
  end if;
  return updated;
end
$$;

comment on function public.update_my_membership(uuid, text, public.language_code, text, public.sector, public.profile_type) is
  'Updates the caller''s display name, language, organisation, sector or profile type at the event.';

revoke execute on function public.join_event(uuid) from public, anon;
revoke execute on function public.update_my_membership(uuid, text, public.language_code, text, public.sector, public.profile_type)
  from public, anon;
grant execute on function public.join_event(uuid) to authenticated, service_role;
grant execute on function public.update_my_membership(uuid, text, public.language_code, text, public.sector, public.profile_type)
  to authenticated, service_role;
