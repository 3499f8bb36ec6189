-- The Call to Action and its named versions (DESIGN §5). The live text lives in Yjs
-- documents (cta:<document-id>:<lang>); these rows hold its state and snapshots.

create table public.documents (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  title jsonb not null check (public.is_translated_text(title)),
  status public.document_status not null default 'drafting',
  master_language public.language_code not null default 'en',
  adopted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint documents_adopted_has_date check ((status = 'adopted') = (adopted_at is not null))
);

create index documents_event_id_idx on public.documents (event_id);

comment on table public.documents is 'An outcome document (the Call to Action) co-drafted by the event''s delegates.';
comment on column public.documents.status is 'drafting (open co-editing) → amendments → frozen (read-only) → adopted (final, public).';
comment on column public.documents.master_language is 'Language translations are made from; drift is measured against it.';
comment on column public.documents.adopted_at is 'Set when the status becomes adopted.';

-- Adoption is final: the adopted text is what the conference agreed. Frozen may go back
-- to drafting or amendments (organisers reopen a draft).
create function public.check_document_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.status = 'adopted' and new.status <> 'adopted' then
    raise exception using
      errcode = 'AC009',
      message = 'An adopted document cannot change status',
      hint = 'document_adopted';
  end if;
  if new.status = 'adopted' and (tg_op = 'INSERT' or old.status <> 'adopted') then
    new.adopted_at := pg_catalog.now();
  elsif new.status <> 'adopted' then
    new.adopted_at := null;
  end if;
  return new;
end
$$;

revoke execute on function public.check_document_status() from public, anon, authenticated;

create trigger documents_check_status
  before insert or update on public.documents
  for each row execute function public.check_document_status();

create trigger documents_set_updated_at
  before update on public.documents
  for each row execute function public.set_updated_at();

create function public.document_event_id(document_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select d.event_id from public.documents as d where d.id = document_event_id.document_id
$$;

comment on function public.document_event_id(uuid) is 'The event a document belongs to (for policies of document-owned rows).';

create table public.document_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  body jsonb not null check (public.is_translated_text(body)),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

create index document_versions_document_id_idx on public.document_versions (document_id, created_at);
create index document_versions_created_by_idx on public.document_versions (created_by);

comment on table public.document_versions is 'A named snapshot of a document, to compare and to publish.';
comment on column public.document_versions.body is 'Rendered text per language {en, ro, ru} at the time of the snapshot.';

alter table public.documents enable row level security;
alter table public.document_versions enable row level security;

-- Members follow their event's documents at every stage; anyone reads an adopted
-- document of a public event (the published outcome).
create policy "documents are readable by members, or by all once adopted"
  on public.documents for select
  to anon, authenticated
  using (public.is_member(event_id) or (status = 'adopted' and public.is_public_event(event_id)));

-- Only organisers create documents and move them between drafting, amendments, frozen, adopted.
create policy "organisers manage documents"
  on public.documents for all
  to authenticated
  using (public.is_organiser(event_id))
  with check (public.is_organiser(event_id));

-- Versions are visible to whoever may read the document.
create policy "document versions are readable with their document"
  on public.document_versions for select
  to anon, authenticated
  using (exists (select 1 from public.documents as d where d.id = document_id));

-- Only organisers name versions (they mark milestones of the drafting process).
create policy "organisers create document versions"
  on public.document_versions for insert
  to authenticated
  with check (public.is_organiser(public.document_event_id(document_id)) and created_by = (select auth.uid()));

create policy "organisers delete document versions"
  on public.document_versions for delete
  to authenticated
  using (public.is_organiser(public.document_event_id(document_id)));
