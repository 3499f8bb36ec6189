-- A session's board in one read (issue #11): every recommendation the caller may read,
-- with its author's name, its endorsement count and whether the caller endorsed it.
-- Security invoker: the caller's own policies decide which rows come back (hidden ones
-- only for organisers), so this says nothing RLS would not.
--
-- The count is the number of distinct members who endorsed the recommendation or any
-- recommendation merged into it as a duplicate (see 20261128110200): merging adds up
-- the support of the duplicates without counting anyone twice.

create function public.recommendation_board(p_session_id uuid)
returns table (
  id uuid,
  text text,
  language public.language_code,
  status public.recommendation_status,
  created_at timestamptz,
  updated_at timestamptz,
  author_id uuid,
  author_name text,
  is_mine boolean,
  merged_into_id uuid,
  document_id uuid,
  merged_block_id text,
  hidden_at timestamptz,
  hidden_reason text,
  hidden_by_name text,
  endorsement_count integer,
  endorsed_by_me boolean,
  merged_count integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with me as (
    select public.my_member_id(public.session_event_id(p_session_id)) as member_id
  )
  select r.id, r.text, r.language, r.status, r.created_at, r.updated_at,
         r.author_id, author.display_name, r.author_id = me.member_id,
         r.merged_into_id, r.document_id, r.merged_block_id,
         r.hidden_at, r.hidden_reason, hider.display_name,
         (select count(distinct e.member_id)::integer
            from public.recommendation_endorsements as e
            join public.recommendations as counted on counted.id = e.recommendation_id
           where counted.id = r.id or counted.merged_into_id = r.id),
         exists (select 1 from public.recommendation_endorsements as e
                  where e.recommendation_id = r.id and e.member_id = me.member_id),
         (select count(*)::integer from public.recommendations as merged where merged.merged_into_id = r.id)
    from public.recommendations as r
    cross join me
    left join public.members as author on author.id = r.author_id
    left join public.members as hider on hider.id = r.hidden_by
   where r.session_id = p_session_id
$$;

comment on function public.recommendation_board(uuid) is
  'A session''s recommendations as the caller may read them, with author name, endorsement count (distinct members, duplicates merged in included) and the caller''s own endorsement.';

revoke execute on function public.recommendation_board(uuid) from public, anon;
grant execute on function public.recommendation_board(uuid) to authenticated;
