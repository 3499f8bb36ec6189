-- Recommendations raised in sessions, and delegates' endorsements of them (DESIGN §1, §2).

-- The caller's member id in an event, for rows that name their author by member.
create function public.my_member_id(event_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.id from public.members as m
  where m.event_id = my_member_id.event_id and m.user_id = auth.uid()
$$;

comment on function public.my_member_id(uuid) is 'The caller''s members.id in the event, null when not a member.';

create table public.recommendations (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.sessions (id) on delete cascade,
  author_id uuid not null references public.members (id) on delete cascade,
  text text not null check (length(btrim(text)) between 1 and 4000),
  language public.language_code not null,
  status public.recommendation_status not null default 'proposed',
  document_id uuid references public.documents (id) on delete set null,
  merged_block_id text check (length(merged_block_id) between 1 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint recommendations_merged_has_target
    check (status <> 'merged' or (document_id is not null and merged_block_id is not null))
);

create index recommendations_session_id_idx on public.recommendations (session_id, created_at);
create index recommendations_author_id_idx on public.recommendations (author_id);
create index recommendations_document_id_idx on public.recommendations (document_id);

comment on table public.recommendations is 'A recommendation raised in a session, on the session''s board.';
comment on column public.recommendations.author_id is 'The member (of the session''s event) who raised it.';
comment on column public.recommendations.language is 'Language the text is written in.';
comment on column public.recommendations.document_id is 'The Call to Action it was merged into, when merged.';
comment on column public.recommendations.merged_block_id is 'Stable block id in that document it was merged into.';

create trigger recommendations_set_updated_at
  before update on public.recommendations
  for each row execute function public.set_updated_at();

create table public.recommendation_endorsements (
  recommendation_id uuid not null references public.recommendations (id) on delete cascade,
  member_id uuid not null references public.members (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (recommendation_id, member_id)
);

create index recommendation_endorsements_member_id_idx on public.recommendation_endorsements (member_id);

comment on table public.recommendation_endorsements is 'A member''s endorsement of a recommendation; one per member.';

create function public.recommendation_event_id(recommendation_id uuid)
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
$$;

alter table public.recommendations enable row level security;
alter table public.recommendation_endorsements enable row level security;

-- The boards are the event's working space: its members read them.
create policy "members read recommendations"
  on public.recommendations for select
  to authenticated
  using (public.is_member(public.session_event_id(session_id)));

-- Delegates, rapporteurs and organisers raise recommendations in their own name;
-- observers only follow.
create policy "participants raise recommendations as themselves"
  on public.recommendations for insert
  to authenticated
  with check (
    author_id = public.my_member_id(public.session_event_id(session_id))
    and public.member_role(public.session_event_id(session_id)) <> 'observer'
    and status = 'proposed'
  );

-- Authors may reword their recommendation while it is still only proposed.
create policy "authors edit their proposed recommendations"
  on public.recommendations for update
  to authenticated
  using (author_id = public.my_member_id(public.session_event_id(session_id)) and status = 'proposed')
  with check (author_id = public.my_member_id(public.session_event_id(session_id)) and status = 'proposed');

-- The session's rapporteurs and the organisers curate the board: accept, merge, reject.
create policy "rapporteurs and organisers curate recommendations"
  on public.recommendations for update
  to authenticated
  using (public.is_session_rapporteur(session_id) or public.is_organiser(public.session_event_id(session_id)))
  with check (public.is_session_rapporteur(session_id) or public.is_organiser(public.session_event_id(session_id)));

-- Authors withdraw their own proposed recommendations; organisers remove any.
create policy "authors withdraw, organisers remove recommendations"
  on public.recommendations for delete
  to authenticated
  using (
    (author_id = public.my_member_id(public.session_event_id(session_id)) and status = 'proposed')
    or public.is_organiser(public.session_event_id(session_id))
  );

create policy "members read endorsements"
  on public.recommendation_endorsements for select
  to authenticated
  using (public.is_member(public.recommendation_event_id(recommendation_id)));

-- A participant endorses in their own name only, once (primary key).
create policy "participants endorse as themselves"
  on public.recommendation_endorsements for insert
  to authenticated
  with check (
    member_id = public.my_member_id(public.recommendation_event_id(recommendation_id))
    and public.member_role(public.recommendation_event_id(recommendation_id)) <> 'observer'
  );

create policy "participants withdraw their endorsements"
  on public.recommendation_endorsements for delete
  to authenticated
  using (member_id = public.my_member_id(public.recommendation_event_id(recommendation_id)));
