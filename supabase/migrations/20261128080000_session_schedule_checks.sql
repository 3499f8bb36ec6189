-- A session happens inside its event: it ends after it starts, between the first and the
-- last day of the event (in the event's time zone) and, when it belongs to a day, on that
-- day. The form checks this too; the database holds it for every writer (the console,
-- a script with a token, a seed), and says why with a hint the UI translates.
--
-- The order of time is checked BEFORE the row is written, so the reason comes with a hint
-- instead of the bare check constraint sessions_times_ordered (which stays as the backstop).
-- The calendar is checked AFTER, as a constraint trigger: row-level security refuses a
-- caller who may not write sessions first, so a delegate's insert reads "not allowed",
-- not "outside the event".
--
-- Changing an event's dates or a day's date later is not refused here: a postponed event
-- moves its sessions afterwards, which a refusal would make impossible through the API.
-- Sessions left outside are shown as such in the organisers' console.

create function public.check_session_times_ordered()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.ends_at <= new.starts_at then
    raise exception using
      errcode = '23514',
      message = 'A session must end after it starts',
      constraint = 'sessions_times_ordered',
      hint = 'session_ends_before_start';
  end if;
  return new;
end
$$;

revoke execute on function public.check_session_times_ordered() from public, anon, authenticated;

create trigger sessions_times_ordered
  before insert or update of starts_at, ends_at on public.sessions
  for each row execute function public.check_session_times_ordered();

-- Reads the event and the day without RLS: the caller has already been admitted to write
-- the row, and the answer concerns only that row.
create function public.check_session_within_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  event_row public.events%rowtype;
  day_date date;
  local_start timestamp;
  local_end timestamp;
begin
  select * into event_row from public.events as e where e.id = new.event_id;
  local_start := new.starts_at at time zone event_row.timezone;
  local_end := new.ends_at at time zone event_row.timezone;
  -- The last day ends at midnight after it: a session may run until 24:00.
  if local_start < event_row.starts_on::timestamp or local_end > (event_row.ends_on + 1)::timestamp then
    raise exception using
      errcode = '23514',
      message = 'A session must take place within the event''s dates',
      constraint = 'sessions_within_event',
      hint = 'session_outside_event';
  end if;
  if new.day_id is not null then
    select d.date into day_date from public.event_days as d where d.id = new.day_id;
    if local_start::date <> day_date or local_end > (day_date + 1)::timestamp then
      raise exception using
        errcode = '23514',
        message = 'A session must take place on its day',
        constraint = 'sessions_within_day',
        hint = 'session_outside_day';
    end if;
  end if;
  return null;
end
$$;

revoke execute on function public.check_session_within_event() from public, anon, authenticated;

create constraint trigger sessions_within_event
  after insert or update of starts_at, ends_at, day_id, event_id on public.sessions
  for each row execute function public.check_session_within_event();

comment on function public.check_session_within_event() is
  'Constraint trigger: a session lies within its event''s dates and on its day, in the event''s time zone.';
