-- Security definer helpers read without RLS, and PostgREST exposes every function the
-- caller may execute as /rest/v1/rpc/<name> — anonymous callers included, since
-- functions are executable by PUBLIC unless revoked. Each one must say nothing about
-- rows the caller cannot read. Audit of every such function (see also the test that
-- lists them, tests/supabase/rls-definer-helpers.test.ts):
--
--   about the caller only, safe as they were:
--     member_role, is_member, is_organiser, is_participant, my_member_id,
--     is_session_rapporteur, can_read_event, is_public_event (true only for what anyone reads),
--     join_event, update_my_membership (authenticated; the caller's own row)
--   gated by what the caller may read, safe as they were:
--     programme_people, event_delegate_counts (can_read_event; the published programme's
--     public part and delegate counts), round_tally, round_turnout, may_read_round_votes
--   revealed facts about rows the caller cannot read, fixed here:
--     session_event_id, document_event_id, recommendation_event_id, amendment_event_id,
--     round_event_id   named the event of any session, document, recommendation,
--                      amendment or round (of a draft event too) to anyone holding its id
--     document_in_amendment_mode  told anyone a document's status
--     round_results_visible       told any signed-in person a round's status
--   They now answer only where the caller may read the row (null / false otherwise).
--   Every policy that uses them grants access only to callers who may read that row
--   anyway, so no policy changes meaning. The service role and direct connections
--   (triggers writing the audit log for an import) still get the answer.
--   round_tally, round_turnout, cast_vote, retract_vote, open_round and close_round
--   told a stranger "not allowed" for a round that exists and "not found" for one that
--   does not: a stranger now gets "not found" for both.

-- Whether the caller acts for the whole instance: the service role, or a direct database
-- connection without request claims (migrations, seeds, the servers' own connection).
create function public.is_service_caller()
returns boolean
language sql
stable
set search_path = ''
as $$
  select auth.jwt() is null or coalesce(auth.role(), '') = 'service_role'
$$;

comment on function public.is_service_caller() is
  'Whether the caller is the service role or a direct database connection (no request claims).';

create or replace function public.session_event_id(session_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.event_id from public.sessions as s
  where s.id = session_event_id.session_id
    and (public.is_service_caller() or public.can_read_event(s.event_id))
$$;

comment on function public.session_event_id(uuid) is
  'The event a session belongs to, when the caller may read the session (for policies of session-owned rows).';

create or replace function public.document_event_id(document_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select d.event_id from public.documents as d
  where d.id = document_event_id.document_id
    and (
      public.is_service_caller()
      or public.is_participant(d.event_id)
      or (d.status = 'adopted' and (public.is_public_event(d.event_id) or public.is_member(d.event_id)))
    )
$$;

comment on function public.document_event_id(uuid) is
  'The event a document belongs to, when the caller may read the document (for policies of document-owned rows).';

create or replace function public.recommendation_event_id(recommendation_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.event_id
  from public.recommendations as r
  join public.sessions as s on s.id = r.session_id
  where r.id = recommendation_event_id.recommendation_id
    and (public.is_service_caller() or public.is_participant(s.event_id))
$$;

comment on function public.recommendation_event_id(uuid) is
  'The event of a recommendation, when the caller may read it (participants).';

create or replace function public.amendment_event_id(amendment_id uuid)
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
    and (public.is_service_caller() or public.is_participant(d.event_id))
$$;

comment on function public.amendment_event_id(uuid) is
  'The event of an amendment, when the caller may read it (participants).';

create or replace function public.round_event_id(round_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select r.event_id from public.voting_rounds as r
  where r.id = round_event_id.round_id
    and (public.is_service_caller() or public.can_read_round(r.id))
$$;

comment on function public.round_event_id(uuid) is
  'The event a voting round belongs to, when the caller may read the round (for policies of round-owned rows).';

create or replace function public.document_in_amendment_mode(document_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.documents as d
    where d.id = document_in_amendment_mode.document_id
      and d.status = 'amendments'
      and (public.is_service_caller() or public.is_participant(d.event_id))
  )
$$;

create or replace function public.round_results_visible(round_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.voting_rounds as r
    where r.id = round_results_visible.round_id
      and (r.status = 'closed' or (r.status = 'open' and r.results_visibility = 'live'))
      and (public.is_service_caller() or public.is_member(r.event_id))
  )
$$;

comment on function public.round_results_visible(uuid) is
  'Whether the round''s results may be shown (closed, or open with live results); false for non-members.';

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
  if not found or not (public.is_service_caller() or public.is_member(target_round.event_id)) then
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

  update public.voting_rounds as r set status = 'open' where r.id = open_round.round_id
  returning * into target_round;
  return target_round;
end
$$;

create or replace function public.close_round(round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  target_round public.voting_rounds;
begin
  select * into target_round from public.voting_rounds as r where r.id = close_round.round_id for update;
  if not found or not (public.is_service_caller() or public.is_member(target_round.event_id)) then
    raise exception using errcode = 'P0002', message = 'Voting round not found', hint = 'round_not_found';
  end if;
  if auth.uid() is null or not public.is_organiser(target_round.event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers of the event can close a voting round', hint = 'not_an_organiser';
  end if;
  if target_round.status <> 'open' then
    raise exception using
      errcode = 'AC005', message = format('A %s voting round cannot be closed', target_round.status),
      hint = 'invalid_round_transition';
  end if;

  update public.voting_rounds as r set status = 'closed' where r.id = close_round.round_id
  returning * into target_round;
  return target_round;
end
$$;
