-- The summary a session's rapporteurs publish from their live notes (DESIGN §2).
create table public.session_summaries (
  session_id uuid primary key references public.sessions (id) on delete cascade,
  body jsonb not null check (public.is_translated_text(body)),
  published_by uuid references auth.users (id) on delete set null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index session_summaries_published_by_idx on public.session_summaries (published_by);

comment on table public.session_summaries is 'One summary per session; public once published_at is set and the event is public.';
comment on column public.session_summaries.body is 'Rendered summary text per language {en, ro, ru}.';
comment on column public.session_summaries.published_by is 'Who published it; set from the caller when published_at is first set.';
comment on column public.session_summaries.published_at is 'Null while the summary is a draft.';

-- Publishing is attributed to whoever does it, not to what the client claims.
create function public.stamp_summary_publication()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.published_at is null then
    new.published_by := null;
  elsif tg_op = 'INSERT' or old.published_at is null then
    new.published_by := coalesce(auth.uid(), new.published_by);
  end if;
  return new;
end
$$;

revoke execute on function public.stamp_summary_publication() from public, anon, authenticated;

create trigger session_summaries_stamp_publication
  before insert or update on public.session_summaries
  for each row execute function public.stamp_summary_publication();

create trigger session_summaries_set_updated_at
  before update on public.session_summaries
  for each row execute function public.set_updated_at();

alter table public.session_summaries enable row level security;

-- Members of the event read summaries, drafts included (they read the live notes anyway);
-- anyone reads a published summary of a public event.
create policy "summaries are readable by members, or by all once published"
  on public.session_summaries for select
  to anon, authenticated
  using (
    public.is_member(public.session_event_id(session_id))
    or (published_at is not null and public.is_public_event(public.session_event_id(session_id)))
  );

-- The session's rapporteurs and the event's organisers write the summary; a rapporteur
-- of another session cannot.
create policy "rapporteurs and organisers write summaries"
  on public.session_summaries for insert
  to authenticated
  with check (
    public.is_session_rapporteur(session_id) or public.is_organiser(public.session_event_id(session_id))
  );

create policy "rapporteurs and organisers update summaries"
  on public.session_summaries for update
  to authenticated
  using (public.is_session_rapporteur(session_id) or public.is_organiser(public.session_event_id(session_id)))
  with check (public.is_session_rapporteur(session_id) or public.is_organiser(public.session_event_id(session_id)));

create policy "rapporteurs and organisers delete summaries"
  on public.session_summaries for delete
  to authenticated
  using (public.is_session_rapporteur(session_id) or public.is_organiser(public.session_event_id(session_id)));
