-- A published summary leaves out what organisers hid from the board, and counts
-- endorsements as the board does (20261128110300): the distinct members who endorsed an
-- accepted recommendation or a duplicate merged into it. publish_session_summary reads
-- as definer, past the board's RLS, so without this a hidden (abusive) recommendation
-- that had been accepted would be published to every reader of the summary.
-- Only the recommendations query differs from 20261128100100.

create or replace function public.publish_session_summary(
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
           (select count(distinct e.member_id)
              from public.recommendation_endorsements as e
              join public.recommendations as counted on counted.id = e.recommendation_id
             where counted.id = rec.id or counted.merged_into_id = rec.id)::int
             as endorsements
    from public.recommendations as rec
    where rec.session_id = publish_session_summary.session_id and rec.status = 'accepted'
      and rec.hidden_at is null
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
