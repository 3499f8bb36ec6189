-- Auth internals of the local stack (GoTrue's own tables): sessions, refresh tokens,
-- one-time tokens and PKCE flow state, and the mail outbox. Idempotent.
create schema if not exists supabase_local;
