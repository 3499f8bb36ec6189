-- Who reads individual votes (DESIGN §4.2). Realtime's postgres_changes apply this same
-- policy to each subscriber, so a vote reaches over the socket exactly who may select it.
--
--   the voter                 always reads their own vote (voter_id)
--   their delegation          per_delegation: the event's delegates of the vote's country
--                             read their delegation's vote, in open and secret ballots
--   open ballot               the event's members read who voted what once the results
--                             are visible (round closed, or open with live results);
--                             observers only once the round is closed (nothing in
--                             progress, DESIGN §2)
--   secret ballot             nobody else, ever: not organisers, not the other members
--
-- The first policy let every member, observers included, read each vote and reason of
-- an open ballot while the round was open, even when its results were to be hidden until
-- close — the counts anyone could then compute were the counts after_close hides.

-- Whether the caller may read the votes of a round cast for the given delegation, other
-- than their own. A security definer helper so the policy reads rounds and members
-- without the caller's own RLS on them.
create function public.may_read_round_votes(round_id uuid, vote_country text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.voting_rounds as r
    join public.members as m on m.event_id = r.event_id and m.user_id = auth.uid()
    where r.id = may_read_round_votes.round_id
      and (
        (
          r.ballot = 'open'
          and (r.status = 'closed' or (r.status = 'open' and r.results_visibility = 'live' and m.role <> 'observer'))
        )
        or (
          r.mode = 'per_delegation'
          and m.role = 'delegate'
          and vote_country is not null
          and m.country_code = vote_country
        )
      )
  )
$$;

comment on function public.may_read_round_votes(uuid, text) is
  'Whether the caller may read other people''s votes of the round (cast for the given delegation), per DESIGN §4.2.';

revoke execute on function public.may_read_round_votes(uuid, text) from public, anon;
grant execute on function public.may_read_round_votes(uuid, text) to authenticated, service_role;

drop policy "members read open ballots, voters their own secret votes" on public.votes;

create policy "voters read their own votes, delegations theirs, members an open ballot once results are visible"
  on public.votes for select
  to authenticated
  using (voter_id = (select auth.uid()) or public.may_read_round_votes(round_id, country_code));
