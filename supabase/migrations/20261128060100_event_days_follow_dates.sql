-- An event's days lie within its dates, one row per date, and are numbered in date order
-- (Day 1 is the first date), so organisers add days by date and never renumber by hand.
-- Sessions point at a day by id, so renumbering moves no session.
--
-- Changing the event's dates is refused while a day would fall outside them: the
-- organiser moves or deletes that day first, and no session is silently orphaned.

create function public.check_event_day()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  event_row public.events;
begin
  select * into event_row from public.events as e where e.id = new.event_id;
  if new.date < event_row.starts_on or new.date > event_row.ends_on then
    raise exception using
      errcode = '23514',
      message = 'A day must fall within the event''s dates',
      hint = 'day_outside_event';
  end if;
  if exists (
    select 1 from public.event_days as d
    where d.event_id = new.event_id and d.date = new.date and d.id <> new.id
  ) then
    raise exception using
      errcode = '23505',
      message = 'The event already has a day on this date',
      hint = 'day_date_taken';
  end if;
  -- A new day takes a free number; the statement's end puts every number in date order.
  if tg_op = 'INSERT' and exists (
    select 1 from public.event_days as d where d.event_id = new.event_id and d.day_index = new.day_index
  ) then
    new.day_index := (select coalesce(max(d.day_index), 0) + 1 from public.event_days as d where d.event_id = new.event_id);
  end if;
  return new;
end
$$;

revoke execute on function public.check_event_day() from public, anon, authenticated;

create trigger event_days_check
  before insert or update of date, event_id on public.event_days
  for each row execute function public.check_event_day();

create function public.number_event_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  affected uuid := case when tg_op = 'DELETE' then old.event_id else new.event_id end;
begin
  -- The renumbering below updates event_days again; that update has nothing to renumber.
  if pg_catalog.pg_trigger_depth() > 1 then
    return null;
  end if;
  -- Two steps, so no number is held by two days between them (the index is not deferrable).
  update public.event_days as d set day_index = d.day_index + 100000 where d.event_id = affected;
  update public.event_days as d
     set day_index = ordered.position
    from (
      select x.id, row_number() over (order by x.date, x.id)::integer as position
        from public.event_days as x
       where x.event_id = affected
    ) as ordered
   where d.id = ordered.id;
  return null;
end
$$;

revoke execute on function public.number_event_days() from public, anon, authenticated;

create trigger event_days_number
  after insert or delete or update of date on public.event_days
  for each row execute function public.number_event_days();

create function public.check_event_dates_hold_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.event_days as d
    where d.event_id = new.id and (d.date < new.starts_on or d.date > new.ends_on)
  ) then
    raise exception using
      errcode = '23514',
      message = 'A day of the event falls outside its new dates',
      hint = 'days_outside_event';
  end if;
  return new;
end
$$;

revoke execute on function public.check_event_dates_hold_days() from public, anon, authenticated;

create trigger events_check_dates_hold_days
  before update of starts_on, ends_on on public.events
  for each row execute function public.check_event_dates_hold_days();
