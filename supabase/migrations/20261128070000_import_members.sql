-- Organisers import their delegates from a spreadsheet (issue 10): every row is checked
-- in the browser's preview first (src/lib/domain/csv), then the whole file is written
-- here in ONE transaction, so an import either lands completely or not at all.
--
-- A member row points at an auth user (members.user_id references auth.users), and most
-- imported people have no account yet. The function therefore creates the missing auth
-- users itself, unconfirmed and without a password, exactly as GoTrue's invite does
-- (user, email identity, metadata with display_name and preferred_language). Doing it
-- here rather than through the Auth admin API keeps the import all-or-nothing: that API
-- has no batch call, and 10,000 separate calls could fail half-way. The invitation later
-- goes through Auth (invite for an unconfirmed user resends to the same user id), and the
-- person's first sign-in confirms the address.
--
-- An address that already has an account is matched case-insensitively, so nobody is
-- doubled. An existing member of the event is updated: the organiser's columns (role,
-- delegation) always; the personal ones (name, organisation, sector, language) only until
-- the person has joined, after which they are theirs (see profile_fields_stay_theirs).
--
-- Rows arrive as arrays, not objects: 10,000 rows must fit in one request body, and the
-- keys would double its size. Each row is
--   [email, display_name, country_code | null, organisation | null, sector | null, role, language | null].

create function public.import_members(p_event_id uuid, p_rows jsonb)
returns table (created integer, updated integer, unchanged integer)
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_count integer;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in first', hint = 'not_signed_in';
  end if;
  if not public.is_organiser(p_event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers import members', hint = 'not_an_organiser';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'rows must be a JSON array';
  end if;

  create temporary table import_rows on commit drop as
  select r.ordinality::integer as line,
         lower(btrim(r.value ->> 0)) as email,
         btrim(r.value ->> 1) as display_name,
         nullif(upper(btrim(r.value ->> 2)), '') as country_code,
         nullif(btrim(r.value ->> 3), '') as organisation,
         nullif(btrim(r.value ->> 4), '')::public.sector as sector,
         (r.value ->> 5)::public.member_role as role,
         nullif(btrim(r.value ->> 6), '')::public.language_code as preferred_language,
         null::uuid as user_id
    from jsonb_array_elements(p_rows) with ordinality as r (value, ordinality);

  get diagnostics row_count = row_count;
  -- A temporary table has no statistics until analysed; without them the joins below are
  -- planned as nested loops, minutes for 10,000 rows instead of a second.
  analyze pg_temp.import_rows;
  if row_count = 0 then
    raise exception using errcode = '22023', message = 'The file has no rows';
  end if;
  if exists (
    select 1 from pg_temp.import_rows
     where email is null or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or length(email) > 254
        or display_name is null or length(display_name) not between 1 and 200
        or role is null
  ) then
    raise exception using errcode = '22023', message = 'A row lacks a valid email, name or role';
  end if;
  if exists (select 1 from pg_temp.import_rows group by email having count(*) > 1) then
    raise exception using errcode = '23505', message = 'An email appears twice in the file';
  end if;
  -- country codes are checked by the members foreign key

  update pg_temp.import_rows as i set user_id = u.id
    from auth.users as u
   where lower(u.email) = i.email;

  -- People without an account: an unconfirmed user each, as an invitation would create.
  update pg_temp.import_rows set user_id = gen_random_uuid() where user_id is null;
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
    confirmation_token, recovery_token, email_change_token_new, email_change
  )
  select '00000000-0000-0000-0000-000000000000', i.user_id, 'authenticated', 'authenticated', i.email, '',
         '{"provider": "email", "providers": ["email"]}'::jsonb,
         jsonb_strip_nulls(jsonb_build_object('display_name', i.display_name, 'preferred_language', i.preferred_language)),
         pg_catalog.now(), pg_catalog.now(), '', '', '', ''
    from pg_temp.import_rows as i
   where not exists (select 1 from auth.users as u where u.id = i.user_id);
  insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
  select i.user_id::text, i.user_id,
         jsonb_build_object('sub', i.user_id::text, 'email', i.email, 'email_verified', false, 'phone_verified', false),
         'email', pg_catalog.now(), pg_catalog.now()
    from pg_temp.import_rows as i
   where not exists (select 1 from auth.identities as a where a.user_id = i.user_id and a.provider = 'email');

  return query
  with existing as (
    select i.*, m.id as member_id, m.joined_at,
           (m.role, m.country_code) is distinct from (i.role, i.country_code)
           or (m.joined_at is null and (m.display_name, m.organisation, m.sector, m.preferred_language)
               is distinct from (i.display_name, i.organisation, i.sector, coalesce(i.preferred_language, m.preferred_language)))
             as changed
      from pg_temp.import_rows as i
      join public.members as m on m.event_id = p_event_id and m.user_id = i.user_id
  ),
  changed as (
    update public.members as m
       set role = e.role,
           country_code = e.country_code,
           display_name = case when m.joined_at is null then e.display_name else m.display_name end,
           organisation = case when m.joined_at is null then e.organisation else m.organisation end,
           sector = case when m.joined_at is null then e.sector else m.sector end,
           preferred_language = case
             when m.joined_at is null then coalesce(e.preferred_language, m.preferred_language)
             else m.preferred_language
           end
      from existing as e
     where m.id = e.member_id and e.changed
    returning m.id
  ),
  added as (
    insert into public.members (event_id, user_id, role, country_code, organisation, sector, display_name, preferred_language)
    select p_event_id, i.user_id, i.role, i.country_code, i.organisation, i.sector, i.display_name, i.preferred_language
      from pg_temp.import_rows as i
     where not exists (select 1 from existing as e where e.user_id = i.user_id)
    returning id
  )
  select (select count(*) from added)::integer,
         (select count(*) from changed)::integer,
         (select count(*) from existing where not existing.changed)::integer;
end
$$;

comment on function public.import_members(uuid, jsonb) is
  'Organisers: adds or updates the event''s members from imported rows in one transaction; creates missing accounts.';

revoke execute on function public.import_members(uuid, jsonb) from public, anon;
grant execute on function public.import_members(uuid, jsonb) to authenticated;
