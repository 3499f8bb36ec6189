-- Opening a round whose closing time has already passed would open it for no time at all:
-- the first read settles it closed again (20261128130000), and its rules would be fixed
-- with nobody having voted. open_round refuses it instead, saying why, so the organiser
-- moves or clears the closing time first (e.g. a round copied from last year's schedule).

create or replace function public.open_round(round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  target_round public.voting_rounds;
begin
  select * into target_round from public.voting_rounds as r where r.id = open_round.round_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if auth.uid() is null or not public.is_organiser(target_round.event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers of the event can open a voting round', hint = 'not_an_organiser';
  end if;
  if target_round.status <> 'draft' then
    raise exception using
      errcode = 'AC005', message = format('A %s voting round cannot be opened', target_round.status),
      hint = 'invalid_round_transition';
  end if;
  if not exists (select 1 from public.round_indicators as ri where ri.round_id = open_round.round_id) then
    raise exception using
      errcode = 'AC006', message = 'Add at least one indicator before opening the round', hint = 'round_without_indicators';
  end if;
  if target_round.closes_at <= pg_catalog.now() then
    raise exception using
      errcode = 'AC009', message = 'The closing time of this voting round has already passed',
      hint = 'round_closing_time_passed';
  end if;

  update public.voting_rounds as r set status = 'open' where r.id = open_round.round_id
  returning * into target_round;
  return target_round;
end
$$;

comment on function public.open_round(uuid) is
  'Opens a draft round for voting (organisers only), unless its closing time has passed; the audit trigger records it.';
