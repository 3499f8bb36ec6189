-- What curating may change (DESIGN §2, §5). A row policy says who may update a row, not
-- which columns; these triggers add the columns.
--
-- Recommendations
--   author (while proposed)           text and language: they reword their own words
--   session rapporteur, organiser     status and merge target (document_id,
--                                     merged_block_id): accept, merge, reject. Never the
--                                     text — a curator who rewrote a delegate's
--                                     recommendation would put words in their mouth
--                                     under their name — and never the author.
--   anyone                            session_id and author_id never change: a proposed
--                                     recommendation stays on the board it was raised on
-- Amendments
--   author (while proposed)           proposed_text, language and reason; a new policy
--                                     below lets authors revise their own proposal
--   organiser                         the decision (status, reason)
--   anyone                            document_id, block_id and author_id never change
--
-- The service role and direct database connections (no auth.uid(): imports, seeds) are
-- not a person curating, and are not limited here.

create function public.check_recommendation_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  event_id uuid := public.session_event_id(old.session_id);
  is_author boolean;
  is_curator boolean;
begin
  if auth.uid() is null then
    return new;
  end if;
  if new.session_id is distinct from old.session_id or new.author_id is distinct from old.author_id then
    raise exception using
      errcode = '42501',
      message = 'A recommendation stays in its session and with its author',
      hint = 'recommendation_fixed';
  end if;
  is_author := old.author_id = public.my_member_id(event_id) and old.status = 'proposed';
  is_curator := public.is_session_rapporteur(old.session_id) or public.is_organiser(event_id);
  if (new.text is distinct from old.text or new.language is distinct from old.language) and not is_author then
    raise exception using
      errcode = '42501',
      message = 'Only its author rewords a recommendation, while it is proposed',
      hint = 'recommendation_text_authors_only';
  end if;
  if (
    new.status is distinct from old.status
    or new.document_id is distinct from old.document_id
    or new.merged_block_id is distinct from old.merged_block_id
  ) and not is_curator then
    raise exception using
      errcode = '42501',
      message = 'Only the session''s rapporteurs and the organisers accept, merge or reject recommendations',
      hint = 'recommendation_curators_only';
  end if;
  return new;
end
$$;

revoke execute on function public.check_recommendation_change() from public, anon, authenticated;

create trigger recommendations_check_change
  before update on public.recommendations
  for each row execute function public.check_recommendation_change();

create function public.check_amendment_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  event_id uuid := public.document_event_id(old.document_id);
  is_author boolean;
begin
  if auth.uid() is null then
    return new;
  end if;
  if new.document_id is distinct from old.document_id
    or new.block_id is distinct from old.block_id
    or new.author_id is distinct from old.author_id
  then
    raise exception using
      errcode = '42501',
      message = 'An amendment stays on its block and with its author',
      hint = 'amendment_fixed';
  end if;
  is_author := old.author_id = public.my_member_id(event_id) and old.status = 'proposed';
  if (new.proposed_text is distinct from old.proposed_text or new.language is distinct from old.language)
    and not is_author
  then
    raise exception using
      errcode = '42501',
      message = 'Only its author rewrites an amendment, while it is proposed',
      hint = 'amendment_text_authors_only';
  end if;
  if new.status is distinct from old.status and not public.is_organiser(event_id) then
    raise exception using
      errcode = '42501',
      message = 'Only organisers accept or reject amendments',
      hint = 'not_an_organiser';
  end if;
  if new.reason is distinct from old.reason and not (is_author or public.is_organiser(event_id)) then
    raise exception using
      errcode = '42501',
      message = 'Only its author or an organiser gives an amendment''s reason',
      hint = 'amendment_text_authors_only';
  end if;
  return new;
end
$$;

revoke execute on function public.check_amendment_change() from public, anon, authenticated;

create trigger amendments_check_change
  before update on public.amendments
  for each row execute function public.check_amendment_change();

-- Authors revise their own proposal while it is undecided and the document is still in
-- amendment mode; the trigger above keeps them to its text, language and reason.
create policy "authors revise their proposed amendments"
  on public.amendments for update
  to authenticated
  using (
    author_id = public.my_member_id(public.document_event_id(document_id))
    and status = 'proposed'
    and public.document_in_amendment_mode(document_id)
  )
  with check (
    author_id = public.my_member_id(public.document_event_id(document_id))
    and status = 'proposed'
    and public.document_in_amendment_mode(document_id)
  );
