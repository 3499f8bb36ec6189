-- Amendments (DESIGN §5): proposed only while the document is in amendment mode, decided
-- only by an organiser while it still is, each decision with the organiser's own reason
-- kept apart from the author's. The text change of an accepted amendment is applied to the
-- live Yjs document by the app's server (service role) after decide_amendment succeeds;
-- whether the block still exists is known only to the Yjs document, so the app checks it
-- before proposing and before accepting.

alter table public.amendments
  add column decision_reason text check (length(decision_reason) <= 2000);

comment on column public.amendments.reason is 'The author''s rationale for the amendment.';
comment on column public.amendments.decision_reason is 'The organiser''s reason for accepting or rejecting it.';

-- Only an organiser writes the decision's reason (the curation trigger guards the rest).
create function public.check_amendment_decision_reason()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if auth.uid() is not null
    and new.decision_reason is distinct from old.decision_reason
    and not public.is_organiser(public.document_event_id(old.document_id))
  then
    raise exception using
      errcode = '42501',
      message = 'Only organisers give the reason for a decision',
      hint = 'not_an_organiser';
  end if;
  return new;
end
$$;

revoke execute on function public.check_amendment_decision_reason() from public, anon, authenticated;

create trigger amendments_check_decision_reason
  before update on public.amendments
  for each row execute function public.check_amendment_decision_reason();

create function public.propose_amendment(
  document_id uuid,
  block_id text,
  language public.language_code,
  proposed_text text,
  reason text
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.documents;
  author uuid;
  new_id uuid;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Sign in first', hint = 'not_signed_in';
  end if;
  select * into target from public.documents as d where d.id = propose_amendment.document_id;
  if not found or not public.is_member(target.event_id) then
    raise exception using errcode = 'P0002', message = 'No such document';
  end if;
  if public.member_role(target.event_id) = 'observer' then
    raise exception using errcode = '42501', message = 'Observers do not propose amendments', hint = 'observers_read_only';
  end if;
  if target.status <> 'amendments' then
    raise exception using
      errcode = '55000',
      message = 'The document is not in amendment mode',
      hint = 'not_in_amendment_mode';
  end if;
  author := public.my_member_id(target.event_id);
  insert into public.amendments (document_id, block_id, language, proposed_text, author_id, reason)
  values (target.id, propose_amendment.block_id, propose_amendment.language, propose_amendment.proposed_text,
          author, nullif(pg_catalog.btrim(propose_amendment.reason), ''))
  returning id into new_id;
  return new_id;
end
$$;

comment on function public.propose_amendment(uuid, text, public.language_code, text, text) is
  'A participant proposes replacement text for one block while the document is in amendment mode.';

revoke execute on function public.propose_amendment(uuid, text, public.language_code, text, text) from public, anon;
grant execute on function public.propose_amendment(uuid, text, public.language_code, text, text) to authenticated;

create function public.decide_amendment(amendment_id uuid, accept boolean, reason text)
returns public.amendments
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
  select * into target from public.amendments as a where a.id = decide_amendment.amendment_id for update;
  event_id := public.document_event_id(target.document_id);
  if not found or not public.is_member(event_id) then
    raise exception using errcode = 'P0002', message = 'No such amendment';
  end if;
  if not public.is_organiser(event_id) then
    raise exception using errcode = '42501', message = 'Only organisers decide amendments', hint = 'not_an_organiser';
  end if;
  -- Lock the document row too: a mode change waits for the decision, and the other way round.
  select d.status into document_status from public.documents as d where d.id = target.document_id for share;
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
  update public.amendments as a
  set status = case when accept then 'accepted'::public.amendment_status else 'rejected' end,
      decision_reason = nullif(pg_catalog.btrim(decide_amendment.reason), '')
  where a.id = target.id
  returning * into target;
  return target;
end
$$;

comment on function public.decide_amendment(uuid, boolean, text) is
  'An organiser accepts or rejects a proposed amendment while the document is in amendment mode (audited).';

revoke execute on function public.decide_amendment(uuid, boolean, text) from public, anon;
grant execute on function public.decide_amendment(uuid, boolean, text) to authenticated;

-- Endorsing is part of amendment mode too.
drop policy "participants endorse amendments as themselves" on public.amendment_endorsements;
create policy "participants endorse amendments as themselves"
  on public.amendment_endorsements for insert
  to authenticated
  with check (
    member_id = public.my_member_id(public.amendment_event_id(amendment_id))
    and public.member_role(public.amendment_event_id(amendment_id)) <> 'observer'
    and exists (
      select 1 from public.amendments as a
      where a.id = amendment_id and a.status = 'proposed' and public.document_in_amendment_mode(a.document_id)
    )
  );
