-- The monitoring framework's indicators (DESIGN §1), which delegates vote on.
create table public.indicators (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
  domain public.indicator_domain not null,
  title jsonb not null check (public.is_translated_text(title)),
  description jsonb check (description is null or public.is_translated_text(description)),
  means_of_verification jsonb check (means_of_verification is null or public.is_translated_text(means_of_verification)),
  position integer not null default 0,
  is_illustrative boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint indicators_event_code_key unique (event_id, code)
);

create index indicators_event_domain_idx on public.indicators (event_id, domain, position);

comment on table public.indicators is 'A monitoring indicator or milestone of the event''s framework.';
comment on column public.indicators.code is 'Short reference shown to delegates, e.g. P1; unique per event.';
comment on column public.indicators.is_illustrative is 'Demo content labelled as illustrative in the UI.';

create trigger indicators_set_updated_at
  before update on public.indicators
  for each row execute function public.set_updated_at();

alter table public.indicators enable row level security;

-- The framework is public once the event is; members read it while it is a draft.
create policy "indicators are readable with their event"
  on public.indicators for select
  to anon, authenticated
  using (public.can_read_event(event_id));

-- Only organisers define the framework.
create policy "organisers manage indicators"
  on public.indicators for all
  to authenticated
  using (public.is_organiser(event_id))
  with check (public.is_organiser(event_id));
