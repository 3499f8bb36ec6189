-- Every publication of a session summary, kept: republishing adds a version and never
-- overwrites one, so the record shows what was published, by whom and when. A version
-- holds the notes as rendered and sanitised by the app server and the accepted
-- recommendations with their endorsement counts at that moment (taken here, in SQL, not
-- from the client). public.session_summaries keeps pointing at the latest publication.

create table public.session_summary_versions (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.sessions (id) on delete cascade,
  version integer not null check (version >= 1),
  language public.language_code not null,
  body_html text not null check (length(body_html) <= 2000000),
  body_text text not null check (length(body_text) <= 1000000),
  recommendations jsonb not null default '[]' check (jsonb_typeof(recommendations) = 'array'),
  published_by uuid references auth.users (id) on delete set null,
  published_by_name text check (length(published_by_name) <= 200),
  published_at timestamptz not null default now(),
  constraint session_summary_versions_numbered unique (session_id, version)
);

create index session_summary_versions_published_by_idx on public.session_summary_versions (published_by);

comment on table public.session_summary_versions is 'Each published version of a session summary; rows are never changed.';
comment on column public.session_summary_versions.body_html is 'The notes rendered to HTML by the app server (sanitised again when shown).';
comment on column public.session_summary_versions.body_text is 'The same notes as plain text (search, previews).';
comment on column public.session_summary_versions.recommendations is
  'Accepted recommendations when published: [{id, text, language, endorsements}], most endorsed first.';
comment on column public.session_summary_versions.published_by_name is 'The publisher''s name as members saw it then.';

alter table public.session_summary_versions enable row level security;

-- Published summaries are public with a public event, and readable by the event's members
-- (observers included) before that; nothing here is a draft.
create policy "summary versions are readable by members, or by all with a public event"
  on public.session_summary_versions for select
  to anon, authenticated
  using (
    public.is_member(public.session_event_id(session_id))
    or public.is_public_event(public.session_event_id(session_id))
  );

-- No insert, update or delete policy: versions are written only by publish_session_summary.

create function public.publish_session_summary(
  session_id uuid,
  language public.language_code,
  body_html text,
  body_text text
)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target_event uuid;
  next_version integer;
  publisher_name text;
  accepted jsonb;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in to publish a summary', hint = 'not_signed_in';
  end if;
  -- Serialises publications of one session, so version numbers have no gaps or twins.
  select s.event_id into target_event
  from public.sessions as s
  where s.id = publish_session_summary.session_id
  for update;
  if not found
    or not (public.is_session_rapporteur(publish_session_summary.session_id) or public.is_organiser(target_event)) then
    raise exception using errcode = '42501',
      message = 'Only the session''s rapporteurs and the event''s organisers publish its summary';
  end if;
  if btrim(coalesce(body_text, '')) = '' then
    raise exception using errcode = '22023', message = 'The notes are empty';
  end if;

  select m.display_name into publisher_name
  from public.members as m
  where m.event_id = target_event and m.user_id = auth.uid();

  select coalesce(jsonb_agg(jsonb_build_object(
           'id', r.id, 'text', r.text, 'language', r.language, 'endorsements', r.endorsements
         ) order by r.endorsements desc, r.created_at), '[]'::jsonb)
  into accepted
  from (
    select rec.id, rec.text, rec.language, rec.created_at,
           (select count(*) from public.recommendation_endorsements as e where e.recommendation_id = rec.id)::int
             as endorsements
    from public.recommendations as rec
    where rec.session_id = publish_session_summary.session_id and rec.status = 'accepted'
  ) as r;

  select coalesce(max(v.version), 0) + 1 into next_version
  from public.session_summary_versions as v
  where v.session_id = publish_session_summary.session_id;

  insert into public.session_summary_versions
    (session_id, version, language, body_html, body_text, recommendations, published_by, published_by_name)
  values
    (publish_session_summary.session_id, next_version, publish_session_summary.language,
     publish_session_summary.body_html, publish_session_summary.body_text, accepted, auth.uid(), publisher_name);

  insert into public.session_summaries (session_id, body, published_at)
  values (publish_session_summary.session_id,
          jsonb_build_object(publish_session_summary.language::text, publish_session_summary.body_text), now())
  on conflict on constraint session_summaries_pkey do update
    set body = excluded.body, published_at = excluded.published_at;

  return next_version;
end
$$;

comment on function public.publish_session_summary(uuid, public.language_code, text, text) is
  'Publishes a new version of a session''s summary; its rapporteurs and the event''s organisers only.';

revoke execute on function public.publish_session_summary(uuid, public.language_code, text, text) from public, anon;
grant execute on function public.publish_session_summary(uuid, public.language_code, text, text) to authenticated;
