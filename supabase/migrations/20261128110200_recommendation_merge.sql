-- Merging duplicates on a session's board (issue #11). The rapporteur marks one
-- recommendation as merged into another of the same session: the merged one keeps its
-- words, author and endorsements and points at the one it now counts towards.
--
-- Until now 'merged' meant only "merged into a Call to Action block" (document_id and
-- merged_block_id). A merged recommendation now names either target.
--
-- Endorsements are not moved: the board counts, for each recommendation, the distinct
-- members who endorsed it or anything merged into it (recommendation_board), so a
-- member who endorsed both duplicates counts once, and undoing a merge (setting the
-- status back) gives each its own endorsements back untouched.
--
-- A target is never itself merged: merging a recommendation that others were merged
-- into moves those along to the new target, so there are no chains to follow.

alter table public.recommendations
  add column merged_into_id uuid references public.recommendations (id);

create index recommendations_merged_into_id_idx on public.recommendations (merged_into_id);

comment on column public.recommendations.merged_into_id is
  'The recommendation of the same session this one was merged into as a duplicate; set only while merged.';

alter table public.recommendations drop constraint recommendations_merged_has_target;
alter table public.recommendations
  add constraint recommendations_merged_has_target check (
    status <> 'merged'
    or merged_into_id is not null
    or (document_id is not null and merged_block_id is not null)
  ),
  add constraint recommendations_merged_into_only_when_merged check (merged_into_id is null or status = 'merged'),
  add constraint recommendations_not_merged_into_itself check (merged_into_id is distinct from id);

-- Who may point a recommendation elsewhere, and where. Runs after
-- recommendations_check_change (triggers fire in name order), which keeps status
-- changes to the session's rapporteurs and the organisers.
create function public.check_recommendation_merge()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target record;
begin
  -- Leaving 'merged' forgets the target: a recommendation reopened stands on its own.
  if new.status <> 'merged' then
    new.merged_into_id := null;
  end if;
  if new.merged_into_id is not distinct from old.merged_into_id then
    return new;
  end if;
  if auth.uid() is not null
    and not (public.is_session_rapporteur(old.session_id) or public.is_organiser(public.session_event_id(old.session_id)))
  then
    raise exception using
      errcode = '42501',
      message = 'Only the session''s rapporteurs and the organisers merge recommendations',
      hint = 'recommendation_curators_only';
  end if;
  if new.merged_into_id is null then
    return new;
  end if;
  select r.session_id, r.status into target
  from public.recommendations as r
  where r.id = new.merged_into_id;
  if not found or target.session_id <> new.session_id or target.status = 'merged' or new.merged_into_id = new.id then
    raise exception using
      errcode = '23514',
      message = 'A recommendation merges into another, unmerged recommendation of the same session',
      hint = 'recommendation_merge_target_invalid';
  end if;
  return new;
end
$$;

revoke execute on function public.check_recommendation_merge() from public, anon, authenticated;

create trigger recommendations_check_merge
  before update on public.recommendations
  for each row execute function public.check_recommendation_merge();

-- What was merged into a recommendation that is now merged itself follows it to its new
-- target. Definer: the curator may not read every row it moves (a hidden one, say), and
-- the move is part of the merge they were allowed to make.
create function public.follow_recommendation_merge()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.recommendations
  set merged_into_id = new.merged_into_id
  where merged_into_id = new.id;
  return null;
end
$$;

revoke execute on function public.follow_recommendation_merge() from public, anon, authenticated;

create trigger recommendations_follow_merge
  after update of merged_into_id on public.recommendations
  for each row
  when (new.merged_into_id is not null)
  execute function public.follow_recommendation_merge();

-- Endorsing is for recommendations still open on the board (not merged, rejected or
-- hidden); withdrawing an endorsement stays possible whatever happened to it.
create function public.check_endorsement_open()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.recommendations as r
    where r.id = new.recommendation_id and r.status in ('proposed', 'accepted') and r.hidden_at is null
  ) then
    raise exception using
      errcode = '23514',
      message = 'Only visible proposed and accepted recommendations can be endorsed',
      hint = 'recommendation_not_endorsable';
  end if;
  return new;
end
$$;

revoke execute on function public.check_endorsement_open() from public, anon, authenticated;

create trigger recommendation_endorsements_check_open
  before insert on public.recommendation_endorsements
  for each row execute function public.check_endorsement_open();
