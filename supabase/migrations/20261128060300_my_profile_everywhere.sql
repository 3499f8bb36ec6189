-- One profile per person (issue 10 "People"): a person edits their name, organisation,
-- sector and language once, on their profile page, and it applies to each event they
-- belong to. It writes the same personal columns update_my_membership writes for one
-- event, for all of the caller's memberships at once. The delegation (country_code) and
-- the role stay the organisers' (see 20261128011000): a person's own country is kept on
-- their profile, not here, so nobody votes for another delegation by editing it.

create function public.update_my_profile(
  display_name text,
  preferred_language public.language_code,
  organisation text default null,
  sector public.sector default null
)
returns setof public.members
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in to do this', hint = 'not_signed_in';
  end if;
  return query
  update public.members as m
     set display_name = coalesce(nullif(pg_catalog.btrim(update_my_profile.display_name), ''), m.display_name),
         preferred_language = update_my_profile.preferred_language,
         organisation = nullif(pg_catalog.btrim(update_my_profile.organisation), ''),
         sector = update_my_profile.sector
   where m.user_id = auth.uid()
  returning m.*;
end
$$;

comment on function public.update_my_profile(text, public.language_code, text, public.sector) is
  'Sets the caller''s display name, language, organisation and sector at every event they belong to; returns those memberships.';

revoke execute on function public.update_my_profile(text, public.language_code, text, public.sector) from public, anon;
grant execute on function public.update_my_profile(text, public.language_code, text, public.sector) to authenticated, service_role;
