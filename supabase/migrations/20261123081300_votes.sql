-- Votes on indicators (DESIGN §4, §4.1). Written only by cast_vote/retract_vote, which
-- check the caller; the unique key on (round, indicator, unit) is what makes "one vote
-- per delegate" or "one vote per delegation" hold whatever the client does.

create table public.votes (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null,
  indicator_id uuid not null,
  voter_id uuid not null references auth.users (id) on delete cascade,
  country_code text references public.countries (code),
  unit text not null check (unit ~ '^(delegate:[0-9a-f-]{36}|country:[A-Z]{2})$'),
  choice public.vote_choice not null,
  reason text check (length(reason) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint votes_one_per_unit unique (round_id, indicator_id, unit),
  constraint votes_on_round_indicator foreign key (round_id, indicator_id)
    references public.round_indicators (round_id, indicator_id) on delete cascade
);

create index votes_voter_id_idx on public.votes (voter_id);
create index votes_round_country_idx on public.votes (round_id, country_code);
create index votes_country_code_idx on public.votes (country_code);
create index votes_indicator_id_idx on public.votes (indicator_id);

comment on table public.votes is 'One vote per voting unit per indicator per round; written through cast_vote and retract_vote only.';
comment on column public.votes.voter_id is 'Who cast the vote (per_delegation: the delegate who cast or changed it last).';
comment on column public.votes.country_code is 'The voter''s delegation at the time of voting.';
comment on column public.votes.unit is 'The voting unit: delegate:<user id> per delegate, country:<code> per delegation.';
comment on column public.votes.reason is 'Optional explanation, e.g. of reservations (at most 1000 characters).';

create trigger votes_set_updated_at
  before update on public.votes
  for each row execute function public.set_updated_at();

alter table public.votes enable row level security;

-- Belt and braces next to RLS: the API roles never write votes directly.
revoke insert, update, delete, truncate on public.votes from anon, authenticated;

-- In an open ballot the event's members read every vote of the round (who voted what is
-- part of the record). In a secret ballot a voter reads only their own votes and, per
-- delegation, their delegation's vote; organisers see only the tally.
create policy "members read open ballots, voters their own secret votes"
  on public.votes for select
  to authenticated
  using (
    voter_id = (select auth.uid())
    or exists (
      select 1
      from public.voting_rounds as r
      where r.id = round_id
        and (
          (r.ballot = 'open' and public.is_member(r.event_id))
          or (
            r.mode = 'per_delegation'
            and country_code is not null
            and exists (
              select 1 from public.members as m
              where m.event_id = r.event_id
                and m.user_id = (select auth.uid())
                and m.role = 'delegate'
                and m.country_code = votes.country_code
            )
          )
        )
    )
  );
