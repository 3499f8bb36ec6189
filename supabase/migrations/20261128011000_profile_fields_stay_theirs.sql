-- A member's profile at an event is theirs (issue 7): display name, organisation,
-- sector, profile type and preferred language. Organisers type them when they invite
-- someone (CSV import) and may correct them until the person joins (join_event); from
-- then on only the person changes them, through update_my_membership. Before this, the
-- organisers' update policy let them rename a delegate or change their language at will.
--
-- What stays the organisers' is what the event grants: the role and the delegation
-- (country_code). The delegation is not self-service on purpose: in a per_delegation
-- round it decides whose ballot a vote is, so a delegate who could move themselves to
-- another country could vote for it.
--
-- Nobody but the service role moves a membership to another person or event (user_id,
-- event_id): that would hand someone's votes, recommendations and amendments, which
-- point at the membership, to someone else.

create function public.check_member_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if auth.uid() is null then
    return new;
  end if;
  if new.user_id is distinct from old.user_id or new.event_id is distinct from old.event_id then
    raise exception using
      errcode = '42501',
      message = 'A membership stays with its person and event',
      hint = 'membership_fixed';
  end if;
  if old.user_id <> auth.uid() and old.joined_at is not null and (
    new.display_name is distinct from old.display_name
    or new.organisation is distinct from old.organisation
    or new.sector is distinct from old.sector
    or new.profile_type is distinct from old.profile_type
    or new.preferred_language is distinct from old.preferred_language
  ) then
    raise exception using
      errcode = '42501',
      message = 'Only the member changes their own profile once they have joined',
      hint = 'profile_is_the_members';
  end if;
  return new;
end
$$;

revoke execute on function public.check_member_change() from public, anon, authenticated;

create trigger members_check_change
  before update on public.members
  for each row execute function public.check_member_change();
