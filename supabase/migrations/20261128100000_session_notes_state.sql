-- The app server renders a session's notes (published summary, Markdown and DOCX exports)
-- from the Yjs state the collaboration server stored. Those tables are closed to the API
-- roles; these two functions open exactly what public.collab_access would let the caller
-- sync over the collab endpoint, and nothing more.

-- What the caller may do with a session's notes: 'write' (its rapporteurs and the event's
-- organisers while the session is not closed), 'read' or 'none'. The session page asks it
-- to choose between the editor, the read-only view and the published summary.
create function public.session_notes_access(session_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select public.collab_access('notes:' || session_notes_access.session_id::text, auth.uid())
$$;

comment on function public.session_notes_access(uuid) is
  'The caller''s access to a session''s live notes (write, read or none), as the collab endpoint grants it.';

revoke execute on function public.session_notes_access(uuid) from public;
grant execute on function public.session_notes_access(uuid) to anon, authenticated, service_role;

-- The stored notes as Yjs updates, the snapshot first and then every update not yet folded
-- into it (merging them is the app's job: Yjs merges in any order). Empty for a note never
-- written; raises insufficient_privilege for a caller who may not read the notes.
create function public.session_notes_state(session_id uuid)
returns bytea[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  doc_name text := 'notes:' || session_notes_state.session_id::text;
  parts bytea[];
begin
  if public.collab_access(doc_name, auth.uid()) not in ('read', 'write') then
    raise exception using errcode = '42501', message = 'No access to this session''s notes';
  end if;
  select coalesce(array_agg(part order by ord), '{}')
  into parts
  from (
    select 0::bigint as ord, s.state as part from public.collab_snapshots as s where s.doc = doc_name
    union all
    select u.id as ord, u.update as part from public.collab_updates as u where u.doc = doc_name
  ) as stored;
  return parts;
end
$$;

comment on function public.session_notes_state(uuid) is
  'A session''s stored notes as Yjs updates (snapshot, then the tail), for callers who may read them.';

revoke execute on function public.session_notes_state(uuid) from public;
grant execute on function public.session_notes_state(uuid) to anon, authenticated, service_role;
