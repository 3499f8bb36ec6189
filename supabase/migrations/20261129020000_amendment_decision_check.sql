-- Accepting an amendment is all-or-nothing (DESIGN §5): the app's server asks the database
-- whether the organiser may decide, applies the replacement to the live Yjs text, and only
-- then records the decision with decide_amendment (which checks again, under lock). So a
-- failed apply leaves the amendment proposed and nothing in the audit log. The checks live
-- once, here, and decide_amendment calls them.

create function public.check_amendment_decision(amendment_id uuid, accept boolean, reason text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.amendments;
  event_id uuid;
  document_status public.document_status;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in first', hint = 'not_signed_in';
  end if;
  select * into target from public.amendments as a where a.id = check_amendment_decision.amendment_id;
  event_id := public.document_event_id(target.document_id);
  if target.id is null or not public.is_member(event_id) then
    raise exception using errcode = 'P0002', message = 'No such amendment';
  end if;
  if not public.is_organiser(event_id) then
    raise exception using errcode = '42501', message = 'Only organisers decide amendments', hint = 'not_an_organiser';
  end if;
  select d.status into document_status from public.documents as d where d.id = target.document_id;
  if document_status <> 'amendments' then
    raise exception using
      errcode = '55000',
      message = 'The document is not in amendment mode',
      hint = 'not_in_amendment_mode';
  end if;
  if target.status <> 'proposed' then
    raise exception using errcode = '55000', message = 'The amendment has been decided', hint = 'amendment_decided';
  end if;
  if not accept and pg_catalog.btrim(coalesce(reason, '')) = '' then
    raise exception using
      errcode = '23514',
      message = 'A rejection needs a reason',
      hint = 'rejection_needs_reason';
  end if;
end
$$;

comment on function public.check_amendment_decision(uuid, boolean, text) is
  'Raises what decide_amendment would raise, changing nothing: asked before an accepted amendment is applied to the live text.';

revoke execute on function public.check_amendment_decision(uuid, boolean, text) from public, anon;
grant execute on function public.check_amendment_decision(uuid, boolean, text) to authenticated;

create or replace function public.decide_amendment(amendment_id uuid, accept boolean, reason text)
returns public.amendments
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.amendments;
begin
  -- Lock the amendment, and the document too: a mode change waits for the decision, and the
  -- other way round; the checks then see the rows as they are decided.
  select * into target from public.amendments as a where a.id = decide_amendment.amendment_id for update;
  perform 1 from public.documents as d where d.id = target.document_id for share;
  perform public.check_amendment_decision(decide_amendment.amendment_id, decide_amendment.accept, decide_amendment.reason);
  update public.amendments as a
  set status = case when accept then 'accepted'::public.amendment_status else 'rejected' end,
      decision_reason = nullif(pg_catalog.btrim(decide_amendment.reason), '')
  where a.id = target.id
  returning * into target;
  return target;
end
$$;
