-- A slug that another event already uses is refused with a reason the app can translate
-- ("this web address is taken"), not only by the unique index's bare 23505: the person
-- choosing it cannot see other people's drafts, so the message is all they learn, and
-- they learn only that the address is taken, nothing about the event that holds it.
-- The unique index stays the guarantee under concurrent inserts.

create function public.check_event_slug_free()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.events as e where e.slug = new.slug and e.id <> new.id) then
    raise exception using
      errcode = '23505',
      message = 'Another event already uses this slug',
      hint = 'slug_taken';
  end if;
  return new;
end
$$;

revoke execute on function public.check_event_slug_free() from public, anon, authenticated;

create trigger events_check_slug_free
  before insert or update of slug on public.events
  for each row execute function public.check_event_slug_free();
