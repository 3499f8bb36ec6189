-- Change capture for the local stack's Realtime (postgres_changes).
-- Supabase reads changes from logical replication; PGlite has none and a plain
-- Postgres 15 usually runs with wal_level = replica, so the local stack captures them
-- with an AFTER ROW trigger on every table in the supabase_realtime publication.
-- Each change is queued in realtime.local_changes and announced with pg_notify carrying
-- only the row id (NOTIFY payloads are limited to 8000 bytes). The Realtime server
-- drains the queue, checks each subscriber's right to see the row, and delivers it.
-- Idempotent: it runs on every start.

create table if not exists realtime.local_changes (
  id bigint generated always as identity primary key,
  schema_name text not null,
  table_name text not null,
  type text not null check (type in ('INSERT', 'UPDATE', 'DELETE')),
  record jsonb,
  old_record jsonb,
  commit_timestamp text not null
);
-- The queue holds whole rows; only the server (a superuser connection) may read it.
revoke all on realtime.local_changes from public, anon, authenticated, service_role;

create or replace function realtime.capture_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  change_id bigint;
begin
  insert into realtime.local_changes (schema_name, table_name, type, record, old_record, commit_timestamp)
  values (
    tg_table_schema,
    tg_table_name,
    tg_op,
    case when tg_op <> 'DELETE' then to_jsonb(new) end,
    case when tg_op <> 'INSERT' then to_jsonb(old) end,
    -- Realtime's format: the transaction's time in UTC with milliseconds.
    to_char(transaction_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )
  returning id into change_id;
  perform pg_notify('realtime_changes', change_id::text);
  return null;
end
$$;
revoke execute on function realtime.capture_change() from public;

-- Puts the capture trigger on every table of the publication and takes it off tables
-- that left it. Called at start, after DDL (event trigger below) and on an interval.
create or replace function realtime.sync_change_capture() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  target regclass;
begin
  for target in
    select c.oid::regclass
    from pg_catalog.pg_publication_tables pt
    join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
    join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
    where pt.pubname = 'supabase_realtime'
      and pt.schemaname <> 'realtime'
      and not exists (
        select from pg_catalog.pg_trigger t
        where t.tgrelid = c.oid and t.tgname = 'realtime_capture_change'
      )
  loop
    execute format(
      'create trigger realtime_capture_change after insert or update or delete on %s '
      'for each row execute function realtime.capture_change()',
      target
    );
  end loop;

  for target in
    select t.tgrelid::regclass
    from pg_catalog.pg_trigger t
    join pg_catalog.pg_class c on c.oid = t.tgrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where t.tgname = 'realtime_capture_change'
      and not exists (
        select from pg_catalog.pg_publication_tables pt
        where pt.pubname = 'supabase_realtime' and pt.schemaname = n.nspname and pt.tablename = c.relname
      )
  loop
    execute format('drop trigger realtime_capture_change on %s', target);
  end loop;
end
$$;
revoke execute on function realtime.sync_change_capture() from public;

-- A table added to the publication by a migration or at runtime is captured from its
-- first change, without waiting for the server's interval. A failure here must never
-- break someone's DDL, so it only warns.
create or replace function realtime.sync_change_capture_after_ddl() returns event_trigger
language plpgsql
as $$
begin
  perform realtime.sync_change_capture();
exception when others then
  raise warning 'realtime change capture not synced: %', sqlerrm;
end
$$;

do $$
begin
  if not exists (select from pg_catalog.pg_event_trigger where evtname = 'realtime_sync_change_capture') then
    create event trigger realtime_sync_change_capture on ddl_command_end
      when tag in ('CREATE PUBLICATION', 'ALTER PUBLICATION', 'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
      execute function realtime.sync_change_capture_after_ddl();
  end if;
end
$$;

select realtime.sync_change_capture();

-- Supabase's trigger helper for Broadcast from the database: sends a row change to a
-- topic as {schema, table, operation, record, old_record} (realtime-js's
-- RealtimeBroadcast*Payload), on a private channel like realtime.send's default.
create or replace function realtime.broadcast_changes(
  topic_name text,
  event_name text,
  operation text,
  table_name text,
  table_schema text,
  new record,
  old record,
  level text default 'ROW'
) returns void
language plpgsql
as $$
declare
  row_data jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation not in ('INSERT', 'UPDATE', 'DELETE') then
    raise exception 'unexpected operation %', operation;
  end if;
  row_data := jsonb_build_object(
    'schema', table_schema,
    'table', table_name,
    'operation', operation,
    'record', case when operation = 'DELETE' then null else to_jsonb(new) end,
    'old_record', case when operation = 'INSERT' then null else to_jsonb(old) end
  );
  perform realtime.send(row_data, event_name, topic_name);
end
$$;
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to anon, authenticated, service_role;
