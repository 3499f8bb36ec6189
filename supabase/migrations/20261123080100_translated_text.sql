-- Translated text is stored as jsonb {en, ro, ru}. One check function keeps every
-- translated column honest, so the UI's locale fallback can rely on the shape.

-- True when value is a non-empty object whose keys are among en/ro/ru and whose values
-- are strings, and required_language (the event's default language) has non-blank text.
-- Without required_language at least one language must have non-blank text: child rows
-- cannot see their event's default language from a check constraint.
create function public.is_translated_text(value jsonb, required_language text default null)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.jsonb_typeof(value) = 'object'
    and not exists (
      select 1
      from pg_catalog.jsonb_each(value) as entry
      where entry.key not in ('en', 'ro', 'ru') or pg_catalog.jsonb_typeof(entry.value) <> 'string'
    )
    and exists (
      select 1
      from pg_catalog.jsonb_each_text(value) as entry
      where pg_catalog.btrim(entry.value) <> ''
        and (required_language is null or entry.key = required_language)
    )
$$;

comment on function public.is_translated_text(jsonb, text) is
  'Check for translated text columns: {en, ro, ru} strings, the required language (or any one) non-blank.';

-- pg_timezone_names is fixed for a server's lifetime, which is as immutable as a check
-- constraint needs; an IANA name (Europe/Bucharest) is what Intl expects in the browser.
create function public.is_time_zone(name text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select exists (select 1 from pg_catalog.pg_timezone_names as zone where zone.name = is_time_zone.name)
$$;

comment on function public.is_time_zone(text) is 'Check for time zone columns: a name the server knows from the IANA database.';
