-- Screens that show a round (the organiser's tally, the projector, ballots) learn that it
-- changed from a Broadcast sent by the database on the topic round:<round id>, and then
-- re-read round_tally / round_turnout through their own RLS-checked loads. Vote rows are
-- never pushed: postgres_changes with RLS is checked per row and per subscriber, which
-- does not keep up with 150 delegates voting at once; one small message per change does,
-- and the screens coalesce them (at most two re-reads a second).
--
-- The message says only which round changed and how (event 'vote' or 'round'), never
-- who voted or what: it is sent on a public topic, so anyone who knows the round's id
-- could receive it, and the channel joins without a policy on realtime.messages. Ids of
-- rounds are random and shown only to the event's members.

create function public.broadcast_round_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed_round uuid;
  kind text;
begin
  if tg_table_name = 'votes' then
    changed_round := case when tg_op = 'DELETE' then old.round_id else new.round_id end;
    kind := 'vote';
  else
    changed_round := case when tg_op = 'DELETE' then old.id else new.id end;
    kind := 'round';
  end if;
  perform realtime.send(
    jsonb_build_object('round_id', changed_round),
    kind,
    'round:' || changed_round::text,
    false
  );
  return null;
end
$$;

revoke execute on function public.broadcast_round_change() from public, anon, authenticated;

create trigger votes_broadcast_round_change
  after insert or update or delete on public.votes
  for each row execute function public.broadcast_round_change();

create trigger voting_rounds_broadcast_change
  after update on public.voting_rounds
  for each row execute function public.broadcast_round_change();
