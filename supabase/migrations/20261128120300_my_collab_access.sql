-- What the app's server may do on a person's behalf to a Call to Action text (DESIGN §5):
-- translators confirm a block as up to date, or start a missing block from the master
-- text, through form actions that work without JavaScript; the server then writes to the
-- Yjs document as the service role. It asks this first, so the rule stays the one in
-- collab_access (drafting: organisers, rapporteurs and delegates write; otherwise nobody).

create function public.my_collab_access(doc text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case when auth.uid() is null then 'none' else public.collab_access(my_collab_access.doc, auth.uid()) end
$$;

comment on function public.my_collab_access(text) is
  'write | read | none: what collab_access grants the caller on Yjs document doc.';

revoke execute on function public.my_collab_access(text) from public, anon;
grant execute on function public.my_collab_access(text) to authenticated;

-- Endorsements appear on every open amendment list as they are given.
alter publication supabase_realtime add table public.amendment_endorsements;
