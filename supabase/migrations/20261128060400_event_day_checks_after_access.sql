-- check_event_day (20261128060100) runs before the row policies' WITH CHECK, as every
-- BEFORE trigger does, so a delegate adding a day on a taken date was told "taken" rather
-- than "not yours". It now refuses anyone but the event's organisers first, with the
-- reason the app translates; seeds and the service role (no caller) pass as before.

create or replace function public.check_event_day()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  event_row public.events;
begin
  if auth.uid() is not null and not public.is_organiser(new.event_id) then
    raise exception using
      errcode = '42501',
      message = 'Only the event''s organisers change its days',
      hint = 'not_an_organiser';
  end if;
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
