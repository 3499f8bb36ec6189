-- Access notices for the collaboration server (DESIGN §3.2). What public.collab_access
-- answers, and the mode a document is in, depend on members, documents, sessions, the
-- session's people, its summary and the event itself. When any of them changes, the
-- server hears it on the channel accord_collab_access, with the event's id as payload,
-- and re-checks the open connections of that event's documents at once instead of
-- waiting for its slow backstop poll. A notice carries no row data: only the event id,
-- which the server (the only listener) may know anyway. Postgres folds identical notices
-- of one transaction into one, so a bulk change is one re-check.

create function public.notify_collab_access()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data jsonb := to_jsonb(coalesce(new, old));
  event_id uuid;
begin
  event_id := case tg_table_name
    when 'events' then (row_data ->> 'id')::uuid
    when 'session_people' then public.session_event_id((row_data ->> 'session_id')::uuid)
    when 'session_summaries' then public.session_event_id((row_data ->> 'session_id')::uuid)
    else (row_data ->> 'event_id')::uuid
  end;
  perform pg_notify('accord_collab_access', coalesce(event_id::text, ''));
  return null;
end
$$;

comment on function public.notify_collab_access() is
  'Trigger: tells the collab server (channel accord_collab_access, payload event id) that access to an event''s documents may have changed.';
revoke execute on function public.notify_collab_access() from public, anon, authenticated;

create trigger members_collab_access after insert or update or delete on public.members
  for each row execute function public.notify_collab_access();
create trigger documents_collab_access after insert or update of status, event_id or delete on public.documents
  for each row execute function public.notify_collab_access();
create trigger sessions_collab_access after update of status, event_id or delete on public.sessions
  for each row execute function public.notify_collab_access();
create trigger session_people_collab_access after insert or update or delete on public.session_people
  for each row execute function public.notify_collab_access();
create trigger session_summaries_collab_access after insert or update of published_at or delete on public.session_summaries
  for each row execute function public.notify_collab_access();
create trigger events_collab_access after update of status, languages on public.events
  for each row execute function public.notify_collab_access();
