-- Named versions keep the structure of the text as well as its Markdown (DESIGN §5):
-- comparing two versions block by block needs each block's id, type and text, which the
-- Markdown in body has lost. content is {en, ro, ru}: the blocks of each language as the
-- app's server read them from the live Yjs documents when the organiser saved the version.

alter table public.document_versions
  add column content jsonb not null default '{}'::jsonb
    check (jsonb_typeof(content) = 'object' and pg_column_size(content) <= 4000000);

comment on column public.document_versions.content is
  '{en, ro, ru}: each an array of blocks {id, type, level?, text, sourceHash?, node} at the time of the snapshot.';
comment on column public.document_versions.body is 'Markdown per language {en, ro, ru} at the time of the snapshot.';
