-- Who did what to which object, when (DESIGN §4): organiser actions, round changes,
-- adoption and vote changes. Append-only: nobody, not even the service role, rewrites it.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid,
  event_id uuid,
  action text not null,
  object_type text not null,
  object_id text,
  details jsonb not null default '{}'
);

create index audit_log_event_at_idx on public.audit_log (event_id, at desc);
create index audit_log_object_idx on public.audit_log (object_type, object_id);
create index audit_log_actor_idx on public.audit_log (actor);

comment on table public.audit_log is 'Append-only record of changes; written by triggers and the voting functions.';
comment on column public.audit_log.actor is 'auth.uid() of the caller; null for the service role. No foreign key: the record outlives the account.';
comment on column public.audit_log.event_id is 'The event concerned. No foreign key: the record outlives the event.';
comment on column public.audit_log.action is '<table>.<insert|update|delete> or <table>.<new status> (e.g. documents.adopted, voting_rounds.open); votes.cast|change|retract.';
comment on column public.audit_log.object_type is 'Table of the object.';
comment on column public.audit_log.object_id is 'Primary key of the object (key columns joined with / when composite).';
comment on column public.audit_log.details is 'insert: {new}; delete: {old}; update: {changes: {column: {old, new}}}.';

create function public.reject_audit_log_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using
    errcode = '42501',
    message = 'The audit log is append-only',
    hint = 'audit_log_append_only';
end
$$;

revoke execute on function public.reject_audit_log_change() from public, anon, authenticated;

create trigger audit_log_append_only
  before update or delete on public.audit_log
  for each row execute function public.reject_audit_log_change();

create trigger audit_log_no_truncate
  before truncate on public.audit_log
  for each statement execute function public.reject_audit_log_change();

alter table public.audit_log enable row level security;

revoke insert, update, delete, truncate on public.audit_log from anon, authenticated, service_role;

-- Organisers review what happened at their event; nobody else reads the log, and no
-- policy lets anyone write, change or delete it (the triggers write as definer).
create policy "organisers read their event's audit log"
  on public.audit_log for select
  to authenticated
  using (public.is_organiser(event_id));

-- Generic row audit. tg_argv[0] says how to find the event of the row: 'self' (events),
-- 'event' (an event_id column), 'session', 'round' or 'document' (a parent id column).
-- tg_argv[1] names the key columns, comma separated (default id).
-- Rows written over a direct database connection (migrations, seeds) carry no request
-- claims and are not logged: they are not anybody's action at the event.
create function public.audit_row_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  key_columns text[] := string_to_array(coalesce(tg_argv[1], 'id'), ',');
  changes jsonb;
  verb text := lower(tg_op);
  target_event uuid;
begin
  if auth.jwt() is null then
    return null;
  end if;

  if tg_op = 'UPDATE' then
    select jsonb_object_agg(n.key, jsonb_build_object('old', old_row -> n.key, 'new', n.value))
    into changes
    from jsonb_each(new_row) as n
    where n.key <> 'updated_at' and n.value is distinct from old_row -> n.key;
    if changes is null then
      return null;
    end if;
    if changes ? 'status' then
      verb := new_row ->> 'status';
    end if;
  end if;

  target_event := case tg_argv[0]
    when 'self' then (row_data ->> 'id')::uuid
    when 'event' then (row_data ->> 'event_id')::uuid
    when 'session' then public.session_event_id((row_data ->> 'session_id')::uuid)
    when 'round' then public.round_event_id((row_data ->> 'round_id')::uuid)
    when 'document' then public.document_event_id((row_data ->> 'document_id')::uuid)
  end;

  insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
  values (
    auth.uid(),
    target_event,
    tg_table_name || '.' || verb,
    tg_table_name,
    (select string_agg(row_data ->> k, '/' order by ordinality) from unnest(key_columns) with ordinality as k),
    case tg_op
      when 'INSERT' then jsonb_build_object('new', new_row)
      when 'DELETE' then jsonb_build_object('old', old_row)
      else jsonb_build_object('changes', changes)
    end
  );
  return null;
end
$$;

revoke execute on function public.audit_row_change() from public, anon, authenticated;

create trigger events_audit after insert or update or delete on public.events
  for each row execute function public.audit_row_change('self');
create trigger event_days_audit after insert or update or delete on public.event_days
  for each row execute function public.audit_row_change('event');
create trigger members_audit after insert or update or delete on public.members
  for each row execute function public.audit_row_change('event');
create trigger sessions_audit after insert or update or delete on public.sessions
  for each row execute function public.audit_row_change('event');
create trigger session_people_audit after insert or update or delete on public.session_people
  for each row execute function public.audit_row_change('session');
create trigger session_summaries_audit after insert or update or delete on public.session_summaries
  for each row execute function public.audit_row_change('session', 'session_id');
create trigger indicators_audit after insert or update or delete on public.indicators
  for each row execute function public.audit_row_change('event');
create trigger voting_rounds_audit after insert or update or delete on public.voting_rounds
  for each row execute function public.audit_row_change('event');
create trigger round_indicators_audit after insert or update or delete on public.round_indicators
  for each row execute function public.audit_row_change('round', 'round_id,indicator_id');
create trigger documents_audit after insert or update or delete on public.documents
  for each row execute function public.audit_row_change('event');
create trigger document_versions_audit after insert or delete on public.document_versions
  for each row execute function public.audit_row_change('document');
-- Decisions on amendments are organiser actions; proposing one is not logged here.
create trigger amendments_audit after update or delete on public.amendments
  for each row execute function public.audit_row_change('document');
