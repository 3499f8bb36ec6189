-- What the collaboration server may let a user do with a Yjs document (DESIGN §3.2).
-- The server verifies the JWT itself, then asks this one function before it syncs:
--   cta:<document-id>:<lang>   the Call to Action in one language
--   notes:<session-id>         a session's live notes
-- Returns 'write', 'read' or 'none'; a malformed or unknown name is 'none'.
--
-- Call to Action, by document status:
--   drafting     organisers, rapporteurs and delegates write; observers read
--   amendments   organisers write (they apply accepted amendments); other members read
--   frozen       members read (organisers unfreeze through the status, not the text)
--   adopted      members read; anyone, signed in or not, reads it when the event is public
-- Session notes:
--   session not closed   the session's rapporteurs and the event's organisers write;
--                        other members read
--   session closed       members read
--   non-members          read once the event is public and the summary is published
-- A language the event does not work in has no document: 'none'.

create function public.collab_access(doc text, uid uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  parts text[];
  target_id uuid;
  document_status public.document_status;
  session_status public.session_status;
  target_event uuid;
  event_public boolean;
  event_languages public.language_code[];
  caller_role public.member_role;
  summary_published boolean;
  is_rapporteur boolean;
begin
  if doc is null then
    return 'none';
  end if;

  parts := regexp_match(
    doc,
    '^(?:cta:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(en|ro|ru)|notes:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))$'
  );
  if parts is null then
    return 'none';
  end if;

  if parts[1] is not null then
    target_id := parts[1]::uuid;
    select d.status, e.id, e.status in ('published', 'closed'), e.languages
    into document_status, target_event, event_public, event_languages
    from public.documents as d
    join public.events as e on e.id = d.event_id
    where d.id = target_id;
    if not found or not (parts[2]::public.language_code = any (event_languages)) then
      return 'none';
    end if;

    select m.role into caller_role
    from public.members as m
    where m.event_id = target_event and m.user_id = collab_access.uid;

    if caller_role is null then
      return case when document_status = 'adopted' and event_public then 'read' else 'none' end;
    end if;
    return case
      when document_status = 'drafting' and caller_role in ('organiser', 'rapporteur', 'delegate') then 'write'
      when document_status = 'amendments' and caller_role = 'organiser' then 'write'
      else 'read'
    end;
  end if;

  target_id := parts[3]::uuid;
  select s.status, e.id, e.status in ('published', 'closed'),
         exists (select 1 from public.session_summaries as ss where ss.session_id = s.id and ss.published_at is not null)
  into session_status, target_event, event_public, summary_published
  from public.sessions as s
  join public.events as e on e.id = s.event_id
  where s.id = target_id;
  if not found then
    return 'none';
  end if;

  select m.role into caller_role
  from public.members as m
  where m.event_id = target_event and m.user_id = collab_access.uid;

  if caller_role is null then
    return case when event_public and summary_published then 'read' else 'none' end;
  end if;

  is_rapporteur := exists (
    select 1
    from public.session_people as sp
    join public.members as m on m.id = sp.member_id
    where sp.session_id = target_id and sp.role = 'rapporteur' and m.user_id = collab_access.uid
  );
  return case
    when session_status <> 'closed' and (caller_role = 'organiser' or is_rapporteur) then 'write'
    else 'read'
  end;
end
$$;

comment on function public.collab_access(text, uuid) is
  'write | read | none: what the collab server lets user uid (null: anonymous) do with Yjs document doc.';

-- Not an API: the uid argument is trusted, so only the server (service role or its own
-- database connection) may ask.
revoke execute on function public.collab_access(text, uuid) from public, anon, authenticated;
grant execute on function public.collab_access(text, uuid) to service_role;
