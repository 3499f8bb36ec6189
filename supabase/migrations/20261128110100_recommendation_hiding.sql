-- Organisers hide an abusive recommendation (issue #11): hidden, not deleted. The row
-- stays, with who hid it, when and why; the audit log keeps the same, and keeps it even
-- after the recommendation is unhidden or its author's account is gone. Hidden items
-- vanish from everyone's board but the organisers', who can still read and unhide them.
--
-- An organiser hides by setting hidden_reason (1 to 500 characters) and unhides by
-- setting it to null; hidden_at and hidden_by follow from that and cannot be written
-- on their own.

alter table public.recommendations
  add column hidden_at timestamptz,
  add column hidden_by uuid references public.members (id) on delete set null,
  add column hidden_reason text,
  add constraint recommendations_hidden_has_reason check ((hidden_at is null) = (hidden_reason is null));

create index recommendations_hidden_by_idx on public.recommendations (hidden_by);

comment on column public.recommendations.hidden_at is 'When an organiser hid it from the board; null while visible.';
comment on column public.recommendations.hidden_by is 'The organiser (member) who hid it.';
comment on column public.recommendations.hidden_reason is 'Why it was hidden, as the organiser wrote it; the audit log keeps it too.';

create function public.check_recommendation_hiding()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  event_id uuid := public.session_event_id(new.session_id);
begin
  if tg_op = 'INSERT' and new.hidden_reason is null then
    new.hidden_at := null;
    new.hidden_by := null;
    return new;
  end if;
  if tg_op = 'UPDATE' and new.hidden_reason is not distinct from old.hidden_reason then
    new.hidden_at := old.hidden_at;
    new.hidden_by := old.hidden_by;
    return new;
  end if;
  if auth.uid() is not null and not public.is_organiser(event_id) then
    raise exception using
      errcode = '42501',
      message = 'Only organisers hide recommendations',
      hint = 'not_an_organiser';
  end if;
  if new.hidden_reason is null then
    new.hidden_at := null;
    new.hidden_by := null;
    return new;
  end if;
  new.hidden_reason := btrim(new.hidden_reason, E' \t\r\n');
  if length(new.hidden_reason) not between 1 and 500 then
    raise exception using
      errcode = '23514',
      message = 'Hiding a recommendation needs a reason of at most 500 characters',
      hint = 'recommendation_hide_reason_invalid';
  end if;
  new.hidden_at := now();
  new.hidden_by := public.my_member_id(event_id);
  return new;
end
$$;

revoke execute on function public.check_recommendation_hiding() from public, anon, authenticated;

create trigger recommendations_check_hiding
  before insert or update on public.recommendations
  for each row execute function public.check_recommendation_hiding();

-- Hidden items leave the board for everyone but the organisers. Rapporteurs and authors
-- can then neither curate nor reword nor withdraw them: their update and delete
-- policies only reach rows this policy lets them read.
drop policy "participants read recommendations" on public.recommendations;
create policy "participants read visible recommendations, organisers hidden ones too"
  on public.recommendations for select
  to authenticated
  using (
    public.is_participant(public.session_event_id(session_id))
    and (hidden_at is null or public.is_organiser(public.session_event_id(session_id)))
  );

-- The board's curation in the audit log: status changes (accepting, merging, rejecting),
-- hiding and unhiding with the reason, and removals. Authors raising and rewording their
-- own recommendations is their work on the board, not a decision about it, and is not
-- logged. Direct database connections (seeds, imports) are nobody's action at the event.
create function public.audit_recommendation_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data public.recommendations := case when tg_op = 'DELETE' then old else new end;
  verb text;
  details jsonb;
begin
  if auth.jwt() is null then
    return null;
  end if;
  if tg_op = 'DELETE' then
    verb := 'delete';
    details := jsonb_build_object('old', to_jsonb(old));
  elsif new.hidden_reason is distinct from old.hidden_reason then
    verb := case when new.hidden_reason is null then 'unhidden' else 'hidden' end;
    details := jsonb_build_object(
      'reason', coalesce(new.hidden_reason, old.hidden_reason),
      'text', new.text,
      'author_id', new.author_id
    );
  elsif new.status is distinct from old.status or new.merged_into_id is distinct from old.merged_into_id then
    verb := new.status::text;
    details := jsonb_build_object(
      'changes', jsonb_build_object('status', jsonb_build_object('old', old.status, 'new', new.status)),
      'merged_into_id', new.merged_into_id
    );
  else
    return null;
  end if;
  insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
  values (
    auth.uid(),
    public.session_event_id(row_data.session_id),
    'recommendations.' || verb,
    'recommendations',
    row_data.id::text,
    details
  );
  return null;
end
$$;

revoke execute on function public.audit_recommendation_change() from public, anon, authenticated;

create trigger recommendations_audit
  after update or delete on public.recommendations
  for each row execute function public.audit_recommendation_change();
