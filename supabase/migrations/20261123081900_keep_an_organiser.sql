-- An event always keeps at least one organiser: otherwise nobody could manage it, and
-- only the service role could repair it. Deleting the event (or a user account) removes
-- its members through a foreign key cascade, which is allowed.
create function public.keep_an_organiser()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.role <> 'organiser' or pg_catalog.pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'UPDATE' and new.role = 'organiser' and new.event_id = old.event_id then
    return new;
  end if;
  -- rows already removed by this same statement are not visible here, so removing every
  -- organiser in one statement is refused too
  if not exists (
    select 1 from public.members as m
    where m.event_id = old.event_id and m.role = 'organiser' and m.id <> old.id
  ) then
    raise exception using
      errcode = 'AC010',
      message = 'An event needs at least one organiser',
      hint = 'last_organiser';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

revoke execute on function public.keep_an_organiser() from public, anon, authenticated;

create trigger members_keep_an_organiser
  before update or delete on public.members
  for each row execute function public.keep_an_organiser();
