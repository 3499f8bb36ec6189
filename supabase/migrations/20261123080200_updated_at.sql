-- One trigger function keeps updated_at honest on every table that has it, so clients
-- cannot backdate or forget it.
create function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;

revoke execute on function public.set_updated_at() from public, anon, authenticated;
