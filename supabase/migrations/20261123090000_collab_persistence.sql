-- Yjs persistence for the collaboration server (DESIGN §3.2).
-- Every update the server accepts is appended before it is broadcast; a background
-- job folds the tail into one snapshot per document. Only the collab server touches
-- these tables, through its own database connection: the API roles get no policy,
-- so RLS denies them everything.

create table public.collab_updates (
  id bigint generated always as identity primary key,
  doc text not null check (length(doc) between 1 and 200),
  update bytea not null,
  created_at timestamptz not null default now()
);

create index collab_updates_doc_id_idx on public.collab_updates (doc, id);

alter table public.collab_updates enable row level security;
revoke all on public.collab_updates from anon, authenticated;

create table public.collab_snapshots (
  doc text primary key check (length(doc) between 1 and 200),
  state bytea not null,
  -- every update of this doc with id <= last_update_id is folded into state
  last_update_id bigint not null,
  updated_at timestamptz not null default now()
);

alter table public.collab_snapshots enable row level security;
revoke all on public.collab_snapshots from anon, authenticated;

comment on table public.collab_updates is 'Append-only Yjs updates per collaborative document; written by the collab server only.';
comment on table public.collab_snapshots is 'Compacted Yjs state per document; written by the collab server only.';
