-- Adding someone to an event tells them so (issue 7: "adding someone as a member
-- notifies them"). The database records the notification; sending the mail (in the
-- recipient's language) is the app's job and marks the row mailed, so a crash between
-- the two loses nothing: unmailed rows are still there to send.
--
-- A row is written for every membership added by a person or by the service role (CSV
-- import through the admin client) — except the creator of an event, who added
-- themselves. Seeds and migrations (no request claims) notify nobody: that is not
-- anybody's action at the event.

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  event_id uuid references public.events (id) on delete cascade,
  kind text not null check (kind in ('member_added')),
  details jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz,
  mailed_at timestamptz
);

create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
create index notifications_unmailed_idx on public.notifications (created_at) where mailed_at is null;
create index notifications_event_id_idx on public.notifications (event_id);

comment on table public.notifications is 'Something a person should hear about, e.g. that they were added to an event.';
comment on column public.notifications.kind is 'member_added: details {role, added_by}.';
comment on column public.notifications.read_at is 'When the person read it in the app; set by them.';
comment on column public.notifications.mailed_at is 'When the app mailed it; null while still to send (service role).';

alter table public.notifications enable row level security;

-- Each person reads their own notifications and marks them read; nothing else.
revoke insert, update, delete, truncate on public.notifications from anon, authenticated;
grant update (read_at) on public.notifications to authenticated;

create policy "people read their own notifications"
  on public.notifications for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "people mark their own notifications read"
  on public.notifications for update
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create function public.notify_member_added()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.jwt() is null or new.user_id is not distinct from auth.uid() then
    return null;
  end if;
  insert into public.notifications (user_id, event_id, kind, details)
  values (new.user_id, new.event_id, 'member_added', jsonb_build_object('role', new.role, 'added_by', auth.uid()));
  return null;
end
$$;

revoke execute on function public.notify_member_added() from public, anon, authenticated;

create trigger members_notify_added
  after insert on public.members
  for each row execute function public.notify_member_added();

alter publication supabase_realtime add table public.notifications;
