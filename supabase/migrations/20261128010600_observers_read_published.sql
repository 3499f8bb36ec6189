-- Observers read what DESIGN §2 gives them: the published programme, published session
-- summaries, adopted outcomes and closed rounds' results — nothing in progress. The first
-- policies treated an observer like any member, so observers read the delegate list
-- (names, organisations, delegations), the recommendation boards, amendments, draft
-- summaries, the Call to Action while drafted, open rounds and (until 20261128010300)
-- the votes of open ballots.
--
-- "Participants" below are members in any role but observer: organisers, rapporteurs
-- and delegates, who do the event's work and read it in progress.

create function public.is_participant(event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.members as m
    where m.event_id = is_participant.event_id and m.user_id = auth.uid() and m.role <> 'observer'
  )
$$;

comment on function public.is_participant(uuid) is
  'Whether the caller is a member of the event in a role other than observer (reads work in progress).';

-- The programme (days, sessions, their people, indicators) of a published or closed
-- event is public; a draft programme is for its participants. An observer of a draft
-- event reads the event's name (events policy), not its unpublished programme.
create or replace function public.can_read_event(event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select public.is_public_event(can_read_event.event_id) or public.is_participant(can_read_event.event_id)
$$;

comment on function public.can_read_event(uuid) is
  'Whether the caller may read the event''s programme and indicators: public event, or a participant.';

-- The delegate list is the participants'; everyone reads their own memberships.
drop policy "members read their events' members" on public.members;
create policy "participants read their events' members, everyone their own"
  on public.members for select
  to authenticated
  using (user_id = (select auth.uid()) or public.is_participant(event_id));

drop policy "summaries are readable by members, or by all once published" on public.session_summaries;
create policy "summaries are readable by participants, or by all once published"
  on public.session_summaries for select
  to anon, authenticated
  using (
    public.is_participant(public.session_event_id(session_id))
    or (published_at is not null and public.is_public_event(public.session_event_id(session_id)))
  );

-- Observers read the adopted document, also of an event not (yet) public they belong to.
drop policy "documents are readable by members, or by all once adopted" on public.documents;
create policy "documents are readable by participants, or by all once adopted"
  on public.documents for select
  to anon, authenticated
  using (
    public.is_participant(event_id)
    or (status = 'adopted' and (public.is_public_event(event_id) or public.is_member(event_id)))
  );

drop policy "members read recommendations" on public.recommendations;
create policy "participants read recommendations"
  on public.recommendations for select
  to authenticated
  using (public.is_participant(public.session_event_id(session_id)));

drop policy "members read endorsements" on public.recommendation_endorsements;
create policy "participants read endorsements"
  on public.recommendation_endorsements for select
  to authenticated
  using (public.is_participant(public.recommendation_event_id(recommendation_id)));

drop policy "members read amendments" on public.amendments;
create policy "participants read amendments"
  on public.amendments for select
  to authenticated
  using (public.is_participant(public.document_event_id(document_id)));

drop policy "members read amendment endorsements" on public.amendment_endorsements;
create policy "participants read amendment endorsements"
  on public.amendment_endorsements for select
  to authenticated
  using (public.is_participant(public.amendment_event_id(amendment_id)));

-- Rounds: participants follow every round; observers see a round once it is closed.
create function public.can_read_round(round_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.voting_rounds as r
    where r.id = can_read_round.round_id
      and (public.is_participant(r.event_id) or (r.status = 'closed' and public.is_member(r.event_id)))
  )
$$;

comment on function public.can_read_round(uuid) is
  'Whether the caller may read the round: participants always, observers once it is closed.';

drop policy "members read voting rounds" on public.voting_rounds;
create policy "participants read voting rounds, observers closed ones"
  on public.voting_rounds for select
  to authenticated
  using (public.is_participant(event_id) or (status = 'closed' and public.is_member(event_id)));

drop policy "members read round indicators" on public.round_indicators;
create policy "participants read round indicators, observers those of closed rounds"
  on public.round_indicators for select
  to authenticated
  using (public.can_read_round(round_id));

revoke execute on function public.can_read_round(uuid) from public, anon;
grant execute on function public.can_read_round(uuid) to authenticated, service_role;

-- The collaboration server asks collab_access before it syncs a document. Observers now
-- read the Call to Action once adopted (not while drafted, amended or frozen), and a
-- session's notes once its summary is published (not while they are being written).
-- Everything else is as in 20261123091000_collab_access.sql.

create or replace function public.collab_access(doc text, uid uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  parts text[];
  target_id uuid;
  document_status public.document_status;
  session_status public.session_status;
  target_event uuid;
  event_public boolean;
  event_languages public.language_code[];
  caller_role public.member_role;
  summary_published boolean;
  is_rapporteur boolean;
begin
  if doc is null then
    return 'none';
  end if;

  parts := regexp_match(
    doc,
    '^(?:cta:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(en|ro|ru)|notes:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))$'
  );
  if parts is null then
    return 'none';
  end if;

  if parts[1] is not null then
    target_id := parts[1]::uuid;
    select d.status, e.id, e.status in ('published', 'closed'), e.languages
    into document_status, target_event, event_public, event_languages
    from public.documents as d
    join public.events as e on e.id = d.event_id
    where d.id = target_id;
    if not found or not (parts[2]::public.language_code = any (event_languages)) then
      return 'none';
    end if;

    select m.role into caller_role
    from public.members as m
    where m.event_id = target_event and m.user_id = collab_access.uid;

    if caller_role is null then
      return case when document_status = 'adopted' and event_public then 'read' else 'none' end;
    end if;
    if caller_role = 'observer' then
      return case when document_status = 'adopted' then 'read' else 'none' end;
    end if;
    return case
      when document_status = 'drafting' and caller_role in ('organiser', 'rapporteur', 'delegate') then 'write'
      when document_status = 'amendments' and caller_role = 'organiser' then 'write'
      else 'read'
    end;
  end if;

  target_id := parts[3]::uuid;
  select s.status, e.id, e.status in ('published', 'closed'),
         exists (select 1 from public.session_summaries as ss where ss.session_id = s.id and ss.published_at is not null)
  into session_status, target_event, event_public, summary_published
  from public.sessions as s
  join public.events as e on e.id = s.event_id
  where s.id = target_id;
  if not found then
    return 'none';
  end if;

  select m.role into caller_role
  from public.members as m
  where m.event_id = target_event and m.user_id = collab_access.uid;

  if caller_role is null then
    return case when event_public and summary_published then 'read' else 'none' end;
  end if;
  if caller_role = 'observer' then
    return case when summary_published then 'read' else 'none' end;
  end if;

  is_rapporteur := exists (
    select 1
    from public.session_people as sp
    join public.members as m on m.id = sp.member_id
    where sp.session_id = target_id and sp.role = 'rapporteur' and m.user_id = collab_access.uid
  );
  return case
    when session_status <> 'closed' and (caller_role = 'organiser' or is_rapporteur) then 'write'
    else 'read'
  end;
end
$$;
