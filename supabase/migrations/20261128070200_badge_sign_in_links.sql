-- Printed badges carry a QR code of a personal sign-in link, so a delegate at the venue
-- signs in by scanning their own badge. Such a link is a key, so it:
--   * works once: the first scan spends it (the phone that scanned keeps its session);
--   * expires at the end of the day after the event's last day, in the event's time zone,
--     and never less than 24 hours after it was printed. Badges are printed days or weeks
--     ahead and worn through the event; a badge lost or thrown away afterwards must not
--     stay a key. Auth's own magic links (an hour, one live link per person) cannot serve:
--     they expire before the event and any later sign-in mail would void the badge.
-- The token is kept as it is printed (the sheet can be printed again until it is spent),
-- in a table no API role can read; only these two functions touch it.

create table public.badge_links (
  token text primary key check (token ~ '^[0-9a-f]{64}$'),
  member_id uuid not null references public.members (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create index badge_links_member_id_idx on public.badge_links (member_id);

comment on table public.badge_links is 'Single-use sign-in links printed as QR codes on badges.';

alter table public.badge_links enable row level security;
-- No policy: nobody reads or writes the links through the API, not even organisers.
revoke all on table public.badge_links from anon, authenticated;

-- The live badge link of each member on the sheet, issuing one where there is none.
create function public.badge_links_for(p_event_id uuid, p_member_ids uuid[] default null)
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
      errcode = '42501', message = 'Only organisers print badges', hint = 'not_an_organiser';
  end if;
  select greatest(
           ((e.ends_on + 2)::timestamp at time zone e.timezone),
           pg_catalog.now() + interval '1 day')
    into expiry
    from public.events as e
   where e.id = p_event_id;

  insert into public.badge_links (token, member_id, expires_at)
  select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), m.id, expiry
    from public.members as m
   where m.event_id = p_event_id
     and (p_member_ids is null or m.id = any (p_member_ids))
     and not exists (
       select 1 from public.badge_links as b
        where b.member_id = m.id and b.used_at is null and b.expires_at > pg_catalog.now()
     );

  return query
  select distinct on (b.member_id) b.member_id, b.token, b.expires_at
    from public.badge_links as b
    join public.members as m on m.id = b.member_id
   where m.event_id = p_event_id
     and (p_member_ids is null or m.id = any (p_member_ids))
     and b.used_at is null and b.expires_at > pg_catalog.now()
   order by b.member_id, b.expires_at desc;
end
$$;

comment on function public.badge_links_for(uuid, uuid[]) is
  'Organisers: the unspent badge sign-in link of each member (all, or those given), issued when missing.';

-- Spends a badge link. Called by the app server with the service role when someone opens
-- the link (the person is not signed in yet); the server then signs them in as the email
-- returned. status: ok | spent | expired | unknown.
create function public.redeem_badge_link(p_token text)
returns table (status text, email text, event_id uuid, event_slug text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  link public.badge_links;
begin
  select * into link from public.badge_links as b where b.token = p_token for update;
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
  update public.badge_links as b set used_at = pg_catalog.now() where b.token = p_token;
  return query
  select 'ok'::text, u.email::text, e.id, e.slug
    from public.members as m
    join auth.users as u on u.id = m.user_id
    join public.events as e on e.id = m.event_id
   where m.id = link.member_id;
end
$$;

comment on function public.redeem_badge_link(text) is
  'Service role: spends a badge sign-in link and names whom it signs in (status ok), or why not.';

revoke execute on function public.badge_links_for(uuid, uuid[]) from public, anon;
grant execute on function public.badge_links_for(uuid, uuid[]) to authenticated;
revoke execute on function public.redeem_badge_link(text) from public, anon, authenticated;
grant execute on function public.redeem_badge_link(text) to service_role;
