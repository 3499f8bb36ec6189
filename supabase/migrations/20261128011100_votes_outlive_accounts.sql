-- A closed round's result is final (DESIGN §4.2), also when a voter's account is
-- deleted afterwards. votes.voter_id referenced auth.users with on delete cascade, so
-- deleting an account deleted that person's votes in every round, closed ones included,
-- and changed their counts and outcomes after the fact. Now the vote stays and forgets
-- who cast it (voter_id becomes null); its unit still counts it against the electorate
-- fixed at close. In a round still open the unit is no longer eligible (the membership
-- went with the account), so the vote stops counting there, as before.

alter table public.votes alter column voter_id drop not null;
alter table public.votes drop constraint votes_voter_id_fkey;
alter table public.votes
  add constraint votes_voter_id_fkey foreign key (voter_id) references auth.users (id) on delete set null;

comment on column public.votes.voter_id is
  'Who cast the vote (per_delegation: the delegate who cast or changed it last); null once their account is deleted.';
