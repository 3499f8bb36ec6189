-- Resource limits of the local REST API (and every request run under an API role).
-- Idempotent: it runs on every start, against PGlite or any Postgres 15+.

-- Supabase's statement timeouts per API role. PostgREST applies a role's settings when it
-- switches to the role for a request (request-role.ts does the same). They are set for
-- this database only: on a shared Postgres server the roles are shared by every database.
do $$
begin
  execute format('alter role anon in database %I set statement_timeout = %L', current_database(), '3s');
  execute format('alter role authenticated in database %I set statement_timeout = %L', current_database(), '8s');
end
$$;

create schema if not exists local_rest;
grant usage on schema local_rest to anon, authenticated, service_role;

-- Passes an embedded resource's body through, counting its bytes, and stops the
-- statement once the bodies nested inside other embeds add up to more than `budget`.
-- Nested embeds multiply (sessions → event → its sessions → …) and PGlite runs in the
-- server's own thread, where no statement timeout can fire, so the SQL itself has to stop.
-- Bytes, not rows: Postgres memoizes a lateral per key, so rows undercount the copying.
-- json is stored as text, so the length costs no serialisation.
create or replace function local_rest.count_embedded_bytes(body json, budget bigint) returns json
language plpgsql
volatile
as $$
declare
  used bigint;
begin
  if body is null then
    return null;
  end if;
  used := coalesce(nullif(pg_catalog.current_setting('local_rest.embedded_bytes', true), ''), '0')::bigint
          + pg_catalog.octet_length(body::text);
  perform pg_catalog.set_config('local_rest.embedded_bytes', used::text, true);
  if used > budget then
    raise exception 'The response would nest more than % bytes of embedded resources', budget
      using errcode = 'PT400',
            hint = 'Embed fewer levels, or filter or limit the embedded resources.';
  end if;
  return body;
end
$$;

-- The response body, unless it is larger than `max_bytes`: a response that size would
-- be copied out of the database and held in the server's memory.
create or replace function local_rest.response_body(body text, max_bytes integer) returns text
language plpgsql
immutable
as $$
begin
  if pg_catalog.octet_length(body) > max_bytes then
    raise exception 'The response would be larger than % bytes', max_bytes
      using errcode = 'PT400',
            hint = 'Select fewer rows or columns (limit, offset or a filter).';
  end if;
  return body;
end
$$;

revoke all on function local_rest.count_embedded_bytes(json, bigint) from public;
revoke all on function local_rest.response_body(text, integer) from public;
grant execute on function local_rest.count_embedded_bytes(json, bigint) to anon, authenticated, service_role;
grant execute on function local_rest.response_body(text, integer) to anon, authenticated, service_role;
