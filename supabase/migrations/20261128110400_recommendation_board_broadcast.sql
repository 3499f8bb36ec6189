-- The board updates live on every open page (issue #11), by Broadcast from the database
-- rather than postgres_changes:
--
-- * Hiding must reach the readers who lose sight of the row. postgres_changes delivers
--   an UPDATE only to subscribers who may still SELECT the new row, so a hidden
--   recommendation would stay on every delegate's open board until a reload.
-- * Endorsements carry no session_id to filter on: a postgres_changes subscription to
--   them would wake every board of the event for each endorsement anywhere.
-- * One private topic per session, `recommendations:<session-id>`, whose messages say
--   only that something changed: pages reload the board through their load, under RLS,
--   so the message itself carries no text, name or status to leak.
--
-- Joining the private topic needs SELECT on realtime.messages for that topic: the
-- session's event's participants (the people who may read the board).

create function public.broadcast_recommendation_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  session_id uuid := case when tg_op = 'DELETE' then old.session_id else new.session_id end;
begin
  perform realtime.send('{}'::jsonb, 'changed', 'recommendations:' || session_id::text, true);
  return null;
end
$$;

revoke execute on function public.broadcast_recommendation_change() from public, anon, authenticated;

create trigger recommendations_broadcast
  after insert or update or delete on public.recommendations
  for each row execute function public.broadcast_recommendation_change();

create function public.broadcast_endorsement_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  session_id uuid;
begin
  select r.session_id into session_id
  from public.recommendations as r
  where r.id = case when tg_op = 'DELETE' then old.recommendation_id else new.recommendation_id end;
  -- Gone with its recommendation (cascade): that delete has told the board already.
  if session_id is not null then
    perform realtime.send('{}'::jsonb, 'changed', 'recommendations:' || session_id::text, true);
  end if;
  return null;
end
$$;

revoke execute on function public.broadcast_endorsement_change() from public, anon, authenticated;

create trigger recommendation_endorsements_broadcast
  after insert or delete on public.recommendation_endorsements
  for each row execute function public.broadcast_endorsement_change();

-- Whether the caller may listen to a session board's topic.
create function public.can_hear_recommendation_board(topic text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case
    when topic ~ '^recommendations:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then coalesce(public.is_participant(public.session_event_id(substr(topic, 17)::uuid)), false)
    else false
  end
$$;

comment on function public.can_hear_recommendation_board(text) is
  'Whether the caller may join the private Realtime topic recommendations:<session-id> (participants of its event).';

create policy "participants hear their session boards"
  on realtime.messages for select
  to authenticated
  using (extension = 'broadcast' and public.can_hear_recommendation_board((select realtime.topic())));
