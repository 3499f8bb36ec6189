-- Two private Realtime topics per Call to Action document (issue #12), for the members of
-- its event:
--
-- * `cta-presence:<document-id>` — who is here: each open draft page tracks its reader's
--   name, colour and the language they are editing, so everyone on the document sees
--   everyone else, whichever of the three language documents they have open (Yjs
--   awareness is per language document and cannot show that).
-- * `cta-text:<document-id>` — "the live text changed": sent by the database whenever the
--   collab server stores an update of one of the document's languages, so the
--   side-by-side view reloads its blocks and drift flags through its load (under RLS),
--   without a reload. The message carries no text.

create function public.can_join_call_to_action_topic(topic text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case
    when topic ~ '^cta-(presence|text):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then coalesce(public.is_member(public.document_event_id(split_part(topic, ':', 2)::uuid)), false)
    else false
  end
$$;

comment on function public.can_join_call_to_action_topic(text) is
  'Whether the caller may join the private Realtime topics cta-presence:<document-id> and cta-text:<document-id> (members of its event).';

create policy "members hear a Call to Action's topics"
  on realtime.messages for select
  to authenticated
  using (
    extension in ('broadcast', 'presence')
    and public.can_join_call_to_action_topic((select realtime.topic()))
  );

create policy "members say they are on a Call to Action"
  on realtime.messages for insert
  to authenticated
  with check (
    extension = 'presence'
    and (select realtime.topic()) like 'cta-presence:%'
    and public.can_join_call_to_action_topic((select realtime.topic()))
  );

create function public.broadcast_call_to_action_text_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.send('{}'::jsonb, 'changed', 'cta-text:' || split_part(new.doc, ':', 2), true);
  return null;
end
$$;

revoke execute on function public.broadcast_call_to_action_text_change() from public, anon, authenticated;

create trigger collab_updates_call_to_action_broadcast
  after insert on public.collab_updates
  for each row
  when (new.doc like 'cta:%')
  execute function public.broadcast_call_to_action_text_change();
