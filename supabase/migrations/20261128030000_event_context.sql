-- Every page of an event needs the same three facts before its own queries: the event,
-- the caller's role there, and what that role lets them do. event_context answers them in
-- one round trip (it replaces events-by-slug, then member_role, then each page waiting on
-- its layout) and answers a signed-in non-member as it answers a visitor.
--
-- Visibility is the events policy's own rule, restated because this function reads
-- without RLS: a published or closed event for anyone; a draft only for its members and
-- its creator. For anyone else the answer is no row at all, the same as for a slug that
-- does not exist, so the function reveals nothing about drafts.
--
-- The capabilities say what the UI should offer (DESIGN §2); they decide nothing. Every
-- write is still checked by RLS or by its own security definer function:
--   can_edit_programme  organiser: days, sessions, the people on them
--   can_manage_members  organiser: delegates, invitations, roles
--   can_run_votes       organiser: indicators, opening and closing voting rounds
--   can_vote            delegate (cast_vote admits delegates only)
--   can_take_notes      organiser or rapporteur (per session: collab_access decides)
--   can_recommend       any member but an observer: add and endorse recommendations
--   can_edit_call_to_action  organiser, rapporteur or delegate (per document status:
--                       collab_access decides)

create function public.event_context(p_slug text)
returns table (
  id uuid,
  slug text,
  title jsonb,
  summary jsonb,
  venue text,
  timezone text,
  starts_on date,
  ends_on date,
  languages public.language_code[],
  default_language public.language_code,
  status public.event_status,
  role public.member_role,
  can_edit_programme boolean,
  can_manage_members boolean,
  can_run_votes boolean,
  can_vote boolean,
  can_take_notes boolean,
  can_recommend boolean,
  can_edit_call_to_action boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  select e.id, e.slug, e.title, e.summary, e.venue, e.timezone, e.starts_on, e.ends_on,
         e.languages, e.default_language, e.status,
         m.role,
         coalesce(m.role = 'organiser', false),
         coalesce(m.role = 'organiser', false),
         coalesce(m.role = 'organiser', false),
         coalesce(m.role = 'delegate', false),
         coalesce(m.role in ('organiser', 'rapporteur'), false),
         coalesce(m.role in ('organiser', 'rapporteur', 'delegate'), false),
         coalesce(m.role in ('organiser', 'rapporteur', 'delegate'), false)
    from public.events as e
    left join public.members as m
      on m.event_id = e.id and m.user_id = (select auth.uid())
   where e.slug = p_slug
     and (e.status in ('published', 'closed')
          or m.id is not null
          or (e.created_by is not null and e.created_by = (select auth.uid())))
$$;

comment on function public.event_context(text) is
  'The event with this slug as the caller may read it, their role (null for visitors and non-members) and what it lets them do; no row when the event is hidden from them.';

revoke execute on function public.event_context(text) from public;
grant execute on function public.event_context(text) to anon, authenticated;
