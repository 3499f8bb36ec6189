-- A 10,000-row delegate import spent most of its time (about 22 s on PGlite) in three
-- per-row AFTER triggers on members: the audit, the "you were added" notification and
-- the collab access notice each ran a PL/pgSQL call per row. They become statement-level
-- triggers reading the statement's transition tables, so each is one set-based insert
-- (or a notice per event) however many rows the statement wrote. What they record is
-- unchanged: one audit row per member and change, with the same action, object and
-- details; one notification per person added by someone else; one notice per event.
-- (PostgreSQL allows transition tables only on single-event triggers: one per event.)

drop trigger members_audit on public.members;
drop trigger members_notify_added on public.members;
drop trigger members_collab_access on public.members;

-- The audit of audit_row_change('event'), for a whole statement's members at once.
create function public.audit_member_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Migrations and seeds (no request claims) are nobody's action at the event.
  if auth.jwt() is null then
    return null;
  end if;
  if tg_op = 'INSERT' then
    insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
    select auth.uid(), n.event_id, 'members.insert', 'members', n.id::text, jsonb_build_object('new', to_jsonb(n))
      from new_rows as n;
  elsif tg_op = 'DELETE' then
    insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
    select auth.uid(), o.event_id, 'members.delete', 'members', o.id::text, jsonb_build_object('old', to_jsonb(o))
      from old_rows as o;
  else
    insert into public.audit_log (actor, event_id, action, object_type, object_id, details)
    select auth.uid(), n.event_id, 'members.update', 'members', n.id::text, jsonb_build_object('changes', c.changes)
      from new_rows as n
      join old_rows as o on o.id = n.id
     cross join lateral (
       select jsonb_object_agg(k.key, jsonb_build_object('old', to_jsonb(o) -> k.key, 'new', k.value)) as changes
         from jsonb_each(to_jsonb(n)) as k
        where k.key <> 'updated_at' and k.value is distinct from to_jsonb(o) -> k.key
     ) as c
     where c.changes is not null;
  end if;
  return null;
end
$$;

comment on function public.audit_member_changes() is
  'Statement trigger: one audit_log row per member inserted, changed or deleted (as audit_row_change does per row).';

-- notify_member_added, for a whole statement's new members at once.
create function public.notify_members_added()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.jwt() is null then
    return null;
  end if;
  insert into public.notifications (user_id, event_id, kind, details)
  select n.user_id, n.event_id, 'member_added', jsonb_build_object('role', n.role, 'added_by', auth.uid())
    from new_rows as n
   where n.user_id is distinct from auth.uid();
  return null;
end
$$;

comment on function public.notify_members_added() is
  'Statement trigger: tells each person added to an event by someone else (notifications, member_added).';

-- notify_collab_access for members: one notice per event the statement touched.
create function public.notify_member_collab_access()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op <> 'DELETE' then
    perform pg_notify('accord_collab_access', e.event_id::text) from (select distinct event_id from new_rows) as e;
  end if;
  if tg_op <> 'INSERT' then
    perform pg_notify('accord_collab_access', e.event_id::text) from (select distinct event_id from old_rows) as e;
  end if;
  return null;
end
$$;

comment on function public.notify_member_collab_access() is
  'Statement trigger: tells the collab server that access to the touched events'' documents may have changed.';

revoke execute on function public.audit_member_changes() from public, anon, authenticated;
revoke execute on function public.notify_members_added() from public, anon, authenticated;
revoke execute on function public.notify_member_collab_access() from public, anon, authenticated;

create trigger members_audit_insert after insert on public.members
  referencing new table as new_rows
  for each statement execute function public.audit_member_changes();
create trigger members_audit_update after update on public.members
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.audit_member_changes();
create trigger members_audit_delete after delete on public.members
  referencing old table as old_rows
  for each statement execute function public.audit_member_changes();

create trigger members_notify_added after insert on public.members
  referencing new table as new_rows
  for each statement execute function public.notify_members_added();

create trigger members_collab_access_insert after insert on public.members
  referencing new table as new_rows
  for each statement execute function public.notify_member_collab_access();
create trigger members_collab_access_update after update on public.members
  referencing old table as old_rows new table as new_rows
  for each statement execute function public.notify_member_collab_access();
create trigger members_collab_access_delete after delete on public.members
  referencing old table as old_rows
  for each statement execute function public.notify_member_collab_access();
