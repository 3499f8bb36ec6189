-- Invitations are mailed days or weeks before an event, but the link Auth puts in the
-- mail expires after an hour (and a later mail to the same person voids it). So each
-- invitation also carries a token of Accord's own, on the address the mail lands on
-- (/auth/accept?invitation=…), kept like the badges' sign-in links (badge_links):
--   * it works once;
--   * it lasts until the end of the day after the event's last day, in the event's time
--     zone, and at least a week after it was mailed;
--   * a newer invitation to the same member voids the older ones.
-- While Auth's own link still works it signs the person in, and the token is spent too;
-- once Auth's link has expired, the accept page hands the token to the app server, which
-- spends it and signs the person in with a fresh one-time Auth link, as a badge does.
-- The token lives in a table no API role can read; only these two functions touch it.

create table public.invitation_links (
  token text primary key check (token ~ '^[0-9a-f]{64}$'),
  member_id uuid not null references public.members (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create index invitation_links_member_id_idx on public.invitation_links (member_id);

comment on table public.invitation_links is 'Single-use sign-in links carried by invitation mails (outliving Auth''s one-hour link).';

alter table public.invitation_links enable row level security;
-- No policy: nobody reads or writes the links through the API, not even organisers.
revoke all on table public.invitation_links from anon, authenticated;

-- A fresh invitation link for each member given, voiding their earlier unspent ones.
create function public.issue_invitation_links(p_event_id uuid, p_member_ids uuid[])
returns table (member_id uuid, token text, expires_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
declare
  expiry timestamptz;
begin
  if not public.is_organiser(p_event_id) then
    raise exception using
      errcode = '42501', message = 'Only organisers invite members', hint = 'not_an_organiser';
  end if;
  select greatest(
           ((e.ends_on + 2)::timestamp at time zone e.timezone),
           pg_catalog.now() + interval '7 days')
    into expiry
    from public.events as e
   where e.id = p_event_id;

  update public.invitation_links as l
     set expires_at = pg_catalog.now()
    from public.members as m
   where m.id = l.member_id and m.event_id = p_event_id and m.id = any (p_member_ids)
     and l.used_at is null and l.expires_at > pg_catalog.now();

  return query
  insert into public.invitation_links as l (token, member_id, expires_at)
  select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), m.id, expiry
    from public.members as m
   where m.event_id = p_event_id and m.id = any (p_member_ids)
  returning l.member_id, l.token, l.expires_at;
end
$$;

comment on function public.issue_invitation_links(uuid, uuid[]) is
  'Organisers: a new single-use invitation link per member given; their earlier unspent ones stop working.';

-- Spends an invitation link. Called by the app server with the service role when the
-- invitee opens it (they are not signed in yet); the server then signs them in as the
-- email returned. status: ok | spent | expired | unknown.
create function public.redeem_invitation_link(p_token text)
returns table (status text, email text, event_id uuid, event_slug text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  link public.invitation_links;
begin
  select * into link from public.invitation_links as l where l.token = p_token for update;
  if link.token is null then
    return query select 'unknown'::text, null::text, null::uuid, null::text;
    return;
  end if;
  if link.used_at is not null or link.expires_at <= pg_catalog.now() then
    return query
    select case when link.used_at is not null then 'spent' else 'expired' end, null::text, e.id, e.slug
      from public.members as m join public.events as e on e.id = m.event_id
     where m.id = link.member_id;
    return;
  end if;
  update public.invitation_links as l set used_at = pg_catalog.now() where l.token = p_token;
  return query
  select 'ok'::text, u.email::text, e.id, e.slug
    from public.members as m
    join auth.users as u on u.id = m.user_id
    join public.events as e on e.id = m.event_id
   where m.id = link.member_id;
end
$$;

comment on function public.redeem_invitation_link(text) is
  'Service role: spends an invitation link and names whom it signs in (status ok), or why not.';

revoke execute on function public.issue_invitation_links(uuid, uuid[]) from public, anon;
grant execute on function public.issue_invitation_links(uuid, uuid[]) to authenticated;
revoke execute on function public.redeem_invitation_link(text) from public, anon, authenticated;
grant execute on function public.redeem_invitation_link(text) to service_role;
