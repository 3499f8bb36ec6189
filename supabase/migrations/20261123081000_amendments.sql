-- Amendment mode of the Call to Action (DESIGN §5): delegates propose replacement text
-- for one block, others endorse, organisers accept or reject.

create table public.amendments (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  block_id text not null check (length(block_id) between 1 and 100),
  language public.language_code not null,
  proposed_text text not null check (length(proposed_text) <= 20000),
  author_id uuid not null references public.members (id) on delete cascade,
  status public.amendment_status not null default 'proposed',
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  reason text check (length(reason) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint amendments_decision_complete check ((status = 'proposed') = (decided_at is null))
);

create index amendments_document_block_idx on public.amendments (document_id, block_id);
create index amendments_author_id_idx on public.amendments (author_id);
create index amendments_decided_by_idx on public.amendments (decided_by);

comment on table public.amendments is 'Proposed replacement text for one block of a document.';
comment on column public.amendments.block_id is 'Stable block id shared by all language versions of the document.';
comment on column public.amendments.proposed_text is 'The replacement text (empty proposes deleting the block).';
comment on column public.amendments.reason is 'The author''s rationale or the organiser''s reason for the decision.';
comment on column public.amendments.decided_by is 'Organiser who accepted or rejected it; set from the caller.';

-- The decision is attributed to whoever makes it, at the time they make it.
create function public.stamp_amendment_decision()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'proposed' then
    new.decided_by := null;
    new.decided_at := null;
  elsif tg_op = 'INSERT' or old.status = 'proposed' then
    new.decided_by := coalesce(auth.uid(), new.decided_by);
    new.decided_at := pg_catalog.now();
  end if;
  return new;
end
$$;

revoke execute on function public.stamp_amendment_decision() from public, anon, authenticated;

create trigger amendments_stamp_decision
  before insert or update on public.amendments
  for each row execute function public.stamp_amendment_decision();

create trigger amendments_set_updated_at
  before update on public.amendments
  for each row execute function public.set_updated_at();

create table public.amendment_endorsements (
  amendment_id uuid not null references public.amendments (id) on delete cascade,
  member_id uuid not null references public.members (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (amendment_id, member_id)
);

create index amendment_endorsements_member_id_idx on public.amendment_endorsements (member_id);

comment on table public.amendment_endorsements is 'A member''s endorsement of an amendment; one per member.';

create function public.amendment_event_id(amendment_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select d.event_id
  from public.amendments as a
  join public.documents as d on d.id = a.document_id
  where a.id = amendment_event_id.amendment_id
$$;

create function public.document_in_amendment_mode(document_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.documents as d
    where d.id = document_in_amendment_mode.document_id and d.status = 'amendments'
  )
$$;

alter table public.amendments enable row level security;
alter table public.amendment_endorsements enable row level security;

-- Members of the event follow the amendments.
create policy "members read amendments"
  on public.amendments for select
  to authenticated
  using (public.is_member(public.document_event_id(document_id)));

-- Delegates, rapporteurs and organisers propose amendments in their own name, only while
-- the document is in amendment mode.
create policy "participants propose amendments as themselves"
  on public.amendments for insert
  to authenticated
  with check (
    author_id = public.my_member_id(public.document_event_id(document_id))
    and public.member_role(public.document_event_id(document_id)) <> 'observer'
    and status = 'proposed'
    and public.document_in_amendment_mode(document_id)
  );

-- Only organisers decide (accept or reject).
create policy "organisers decide amendments"
  on public.amendments for update
  to authenticated
  using (public.is_organiser(public.document_event_id(document_id)))
  with check (public.is_organiser(public.document_event_id(document_id)));

-- Authors withdraw their undecided amendments.
create policy "authors withdraw proposed amendments"
  on public.amendments for delete
  to authenticated
  using (author_id = public.my_member_id(public.document_event_id(document_id)) and status = 'proposed');

create policy "members read amendment endorsements"
  on public.amendment_endorsements for select
  to authenticated
  using (public.is_member(public.amendment_event_id(amendment_id)));

-- A participant endorses in their own name only, once (primary key).
create policy "participants endorse amendments as themselves"
  on public.amendment_endorsements for insert
  to authenticated
  with check (
    member_id = public.my_member_id(public.amendment_event_id(amendment_id))
    and public.member_role(public.amendment_event_id(amendment_id)) <> 'observer'
  );

create policy "participants withdraw their amendment endorsements"
  on public.amendment_endorsements for delete
  to authenticated
  using (member_id = public.my_member_id(public.amendment_event_id(amendment_id)));
