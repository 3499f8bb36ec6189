-- The days of an event, each with a theme (DESIGN §1: Planning, Developing, Supporting).
create table public.event_days (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  day_index integer not null check (day_index >= 1),
  date date not null,
  theme jsonb check (theme is null or public.is_translated_text(theme)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_days_event_day_index_key unique (event_id, day_index),
  -- lets sessions reference (day, event) so a session's day is always of its own event
  constraint event_days_id_event_key unique (id, event_id)
);

comment on table public.event_days is 'A day of an event''s programme.';
comment on column public.event_days.day_index is '1-based position of the day in the event.';
comment on column public.event_days.theme is 'Translated theme {en, ro, ru} or null.';

create trigger event_days_set_updated_at
  before update on public.event_days
  for each row execute function public.set_updated_at();

alter table public.event_days enable row level security;

-- The programme is public once the event is; members read it while it is a draft.
create policy "event days are readable with their event"
  on public.event_days for select
  to anon, authenticated
  using (public.can_read_event(event_id));

-- Only organisers shape the programme.
create policy "organisers manage event days"
  on public.event_days for all
  to authenticated
  using (public.is_organiser(event_id))
  with check (public.is_organiser(event_id));
