-- A published event speaks every one of its working languages in its title: delegates
-- find it on the home page and in their invitation by that title. A draft may be
-- incomplete (organisers write it over days); publishing, or changing the title or the
-- languages of an event that is published, needs every working language's title.
-- Summaries, venues and day themes fall back to the default language and say so.
-- The rule is for people's changes; the operator (service role, seeds) is not held to it.

create function public.check_published_event_translated()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if auth.uid() is not null and new.status = 'published' and exists (
    select 1
    from pg_catalog.unnest(new.languages) as language
    where pg_catalog.btrim(coalesce(new.title ->> language::text, '')) = ''
  ) then
    raise exception using
      errcode = '23514',
      message = 'A published event needs its title in every working language',
      hint = 'event_untranslated';
  end if;
  return new;
end
$$;

revoke execute on function public.check_published_event_translated() from public, anon, authenticated;

create trigger events_check_published_translated
  before update of status, title, languages on public.events
  for each row execute function public.check_published_event_translated();
