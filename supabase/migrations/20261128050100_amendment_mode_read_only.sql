-- The Call to Action in amendment mode (DESIGN §5): the text is read-only to every
-- member, organisers included. Delegates propose replacements for a block, others
-- endorse, and an accepted amendment is applied to the live text by the server (service
-- role), never typed in by hand, so what was adopted is exactly what was proposed. The
-- collaboration server's cta policy already refuses client updates in this mode; this
-- makes collab_access say the same, so the rule holds in one place for every client.
-- Everything else is as in 20261128010600_observers_read_published.sql.

create or replace function public.collab_access(doc text, uid uuid)
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
    if caller_role = 'observer' then
      return case when document_status = 'adopted' then 'read' else 'none' end;
    end if;
    return case
      when document_status = 'drafting' and caller_role in ('organiser', 'rapporteur', 'delegate') then 'write'
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
  if caller_role = 'observer' then
    return case when summary_published then 'read' else 'none' end;
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
