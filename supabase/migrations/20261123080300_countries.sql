-- Delegations are countries (DESIGN §1). Reference data: loaded by the seed or by the
-- service role, read by everyone (the programme and delegate lists show country names).
create table public.countries (
  code text primary key check (code ~ '^[A-Z]{2}$'),
  name jsonb not null check (public.is_translated_text(name, 'en'))
);

comment on table public.countries is 'Countries delegations come from.';
comment on column public.countries.code is 'ISO 3166-1 alpha-2 code; XK for Kosovo (UNSCR 1244), as the UN and the EU use.';
comment on column public.countries.name is 'Translated country name {en, ro, ru}; en required.';

alter table public.countries enable row level security;

-- Everyone, signed in or not, reads country names: they are public reference data.
create policy "countries are readable by everyone"
  on public.countries for select
  to anon, authenticated
  using (true);
