-- An event's venue and a guest's affiliation are read by everyone on the programme, so
-- they are translated text {en, ro, ru} like titles: "București, România" on a Romanian
-- page, "Бухарест, Румыния" on a Russian one. Existing plain values move into the
-- event's default language, the language they were written for.
--
-- A member's organisation stays plain text: delegates write their own, in whatever
-- language they choose, and no one else translates it.

-- The plain columns held at most 300 characters; the translated ones keep that bound per
-- language, so one language cannot carry a page's worth of text.
create function public.is_translated_text_within(value jsonb, max_length integer)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select not exists (
    select 1
    from pg_catalog.jsonb_each_text(value) as entry
    where pg_catalog.char_length(entry.value) > max_length
  )
$$;

comment on function public.is_translated_text_within(jsonb, integer) is
  'Check for translated text columns: no language''s text is longer than max_length characters.';

-- ------------------------------------------------------------ events.venue

alter table public.events drop constraint events_venue_check;

alter table public.events
  alter column venue type jsonb
  using case
    when pg_catalog.btrim(venue) <> '' then pg_catalog.jsonb_build_object(default_language::text, venue)
  end;

alter table public.events
  add constraint events_venue_translated check (
    venue is null
    or (public.is_translated_text(venue, default_language::text) and public.is_translated_text_within(venue, 300))
  );

comment on column public.events.venue is 'Translated {en, ro, ru} or null (an online event has none); the default language is required.';

-- ------------------------------------------------------------ session_people.affiliation

-- A column's new value may not come from a subquery, but it may come from a function: the
-- event's default language is two tables away from a session person.
create function pg_temp.in_default_language(session_id uuid, affiliation text)
returns jsonb
language sql
stable
as $$
  select pg_catalog.jsonb_build_object(e.default_language::text, affiliation)
    from public.sessions as s
    join public.events as e on e.id = s.event_id
   where s.id = session_id and pg_catalog.btrim(affiliation) <> ''
$$;

alter table public.session_people drop constraint session_people_affiliation_check;

alter table public.session_people
  alter column affiliation type jsonb
  using pg_temp.in_default_language(session_id, affiliation);

drop function pg_temp.in_default_language(uuid, text);

-- Like a session's title: a session person's row cannot see the event's default
-- language from a check constraint, so any one language will do.
alter table public.session_people
  add constraint session_people_affiliation_translated check (
    affiliation is null
    or (public.is_translated_text(affiliation) and public.is_translated_text_within(affiliation, 300))
  );

comment on column public.session_people.affiliation is
  'Translated {en, ro, ru} affiliation shown with a free-text name; at least one language.';

-- ------------------------------------------------------------ functions returning them

-- programme_people gave one text affiliation: the guest's, else the member's organisation.
-- The two are now different kinds of text, so each has its own column; at most one is set.
drop function public.programme_people(uuid);

create function public.programme_people(p_event_id uuid)
returns table (
  session_id uuid,
  role public.session_person_role,
  "position" integer,
  member_id uuid,
  name text,
  affiliation jsonb,
  organisation text,
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
         sp.affiliation,
         case when sp.affiliation is null then m.organisation end as organisation,
         m.country_code
    from public.session_people as sp
    join public.sessions as s on s.id = sp.session_id
    left join public.members as m on m.id = sp.member_id
   where s.event_id = p_event_id
     and public.can_read_event(p_event_id)
   order by sp.session_id, sp.role, sp.position, name
$$;

comment on function public.programme_people(uuid) is
  'Public names, affiliations (translated, for named guests and overrides) or organisations (as members wrote them) and delegations of the people on an event''s sessions; empty when the caller may not read the event.';

grant execute on function public.programme_people(uuid) to anon, authenticated;

-- event_context returns the venue; its body is unchanged, only the column's type.
drop function public.event_context(text);

create function public.event_context(p_slug text)
returns table (
  id uuid,
  slug text,
  title jsonb,
  summary jsonb,
  venue jsonb,
  timezone text,
  starts_on date,
  ends_on date,
  languages public.language_code[],
  default_language public.language_code,
  status public.event_status,
  role public.member_role,
  can_edit_programme boolean,
  can_manage_members boolean,
  can_run_votes boolean,
  can_vote boolean,
  can_take_notes boolean,
  can_recommend boolean,
  can_edit_call_to_action boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  select e.id, e.slug, e.title, e.summary, e.venue, e.timezone, e.starts_on, e.ends_on,
         e.languages, e.default_language, e.status,
         m.role,
         coalesce(m.role = 'organiser', false),
         coalesce(m.role = 'organiser', false),
         coalesce(m.role = 'organiser', false),
         coalesce(m.role = 'delegate', false),
         coalesce(m.role in ('organiser', 'rapporteur'), false),
         coalesce(m.role in ('organiser', 'rapporteur', 'delegate'), false),
         coalesce(m.role in ('organiser', 'rapporteur', 'delegate'), false)
    from public.events as e
    left join public.members as m
      on m.event_id = e.id and m.user_id = (select auth.uid())
   where e.slug = p_slug
     and (e.status in ('published', 'closed')
          or m.id is not null
          or (e.created_by is not null and e.created_by = (select auth.uid())))
$$;

comment on function public.event_context(text) is
  'The event with this slug as the caller may read it, their role (null for visitors and non-members) and what it lets them do; no row when the event is hidden from them.';

revoke execute on function public.event_context(text) from public;
grant execute on function public.event_context(text) to anon, authenticated;
