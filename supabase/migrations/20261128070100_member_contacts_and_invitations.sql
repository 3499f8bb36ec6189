-- What organisers need to invite people: each member's email address (it lives in
-- auth.users, which no API role reads) and whether they have an account they have used.
-- Sending goes through Supabase Auth on the server with the service role; this function,
-- called with the organiser's own token, is what decides who may see the addresses, and
-- record_invitations is what writes members.invited_at, so the service role never decides
-- anything.

create function public.member_contacts(p_event_id uuid)
returns table (
  member_id uuid,
  user_id uuid,
  email text,
  display_name text,
  role public.member_role,
  country_code text,
  organisation text,
  preferred_language public.language_code,
  invited_at timestamptz,
  joined_at timestamptz,
  confirmed boolean
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not public.is_organiser(p_event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers read members'' addresses', hint = 'not_an_organiser';
  end if;
  return query
  select m.id, m.user_id, u.email::text, m.display_name, m.role, m.country_code, m.organisation,
         m.preferred_language, m.invited_at, m.joined_at, u.email_confirmed_at is not null
    from public.members as m
    join auth.users as u on u.id = m.user_id
   where m.event_id = p_event_id
   order by m.display_name, u.email;
end
$$;

comment on function public.member_contacts(uuid) is
  'Organisers: the event''s members with their email address and invitation state.';

-- Records that invitations went out (after Auth accepted them), for these members only.
create function public.record_invitations(p_event_id uuid, p_member_ids uuid[])
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  marked integer;
begin
  if not public.is_organiser(p_event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers invite members', hint = 'not_an_organiser';
  end if;
  update public.members as m
     set invited_at = pg_catalog.now()
   where m.event_id = p_event_id and m.id = any (p_member_ids);
  get diagnostics marked = row_count;
  return marked;
end
$$;

comment on function public.record_invitations(uuid, uuid[]) is
  'Organisers: sets invited_at for the members an invitation was sent to; returns how many.';

revoke execute on function public.member_contacts(uuid) from public, anon;
revoke execute on function public.record_invitations(uuid, uuid[]) from public, anon;
grant execute on function public.member_contacts(uuid) to authenticated;
grant execute on function public.record_invitations(uuid, uuid[]) to authenticated;
