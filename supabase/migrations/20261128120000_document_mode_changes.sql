-- Modes of the Call to Action (DESIGN §5) change only along the drafting process, and only
-- by an organiser: drafting → amendments → frozen → adopted, with the way back open until
-- adoption (an organiser reopens drafting or amendments from frozen, or ends amendment
-- mode early). The trigger holds for every write (REST included); set_document_status is
-- the checked way in for the app and says why it refuses. documents_audit logs each
-- change as documents.<new status> with the organiser as actor.

create function public.is_document_transition(from_status public.document_status, to_status public.document_status)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select from_status = to_status or (from_status, to_status) in (
    ('drafting'::public.document_status, 'amendments'::public.document_status),
    ('drafting', 'frozen'),
    ('amendments', 'drafting'),
    ('amendments', 'frozen'),
    ('frozen', 'drafting'),
    ('frozen', 'amendments'),
    ('frozen', 'adopted')
  )
$$;

comment on function public.is_document_transition(public.document_status, public.document_status) is
  'Whether a document may move from one status to another (adoption only from frozen, never back).';

create function public.check_document_transition()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Leaving adopted has its own message (documents_check_status, document_adopted).
  if old.status <> 'adopted' and not public.is_document_transition(old.status, new.status) then
    raise exception using
      errcode = '22023',
      message = format('A document cannot go from %s to %s', old.status, new.status),
      hint = 'invalid_document_transition';
  end if;
  return new;
end
$$;

revoke execute on function public.check_document_transition() from public, anon, authenticated;

create trigger documents_check_transition
  before update of status on public.documents
  for each row execute function public.check_document_transition();

create function public.set_document_status(document_id uuid, status public.document_status)
returns public.document_status
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.documents;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in first', hint = 'not_signed_in';
  end if;
  select * into target from public.documents as d where d.id = set_document_status.document_id for update;
  if not found or not public.is_member(target.event_id) then
    raise exception using errcode = 'P0002', message = 'No such document';
  end if;
  if not public.is_organiser(target.event_id) then
    raise exception using errcode = '42501', message = 'Only organisers change the mode', hint = 'not_an_organiser';
  end if;
  update public.documents as d set status = set_document_status.status where d.id = target.id;
  return set_document_status.status;
end
$$;

comment on function public.set_document_status(uuid, public.document_status) is
  'Organisers move a document between drafting, amendments, frozen and adopted (audited).';

revoke execute on function public.set_document_status(uuid, public.document_status) from public, anon;
grant execute on function public.set_document_status(uuid, public.document_status) to authenticated;
