-- A recommendation's text, refused with a reason a person can act on (issue #11, bad
-- input). The check constraint of 20261123080900 (1 to 4,000 characters after trimming)
-- stays the rule; a check constraint cannot carry a hint, so this trigger says which
-- limit was crossed before the constraint would, and the app shows it translated.
-- Leading and trailing white space is not part of what someone recommends: it is trimmed.

create function public.check_recommendation_text()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.text := btrim(new.text, E' \t\r\n');
  if new.text = '' then
    raise exception using
      errcode = '23514',
      message = 'A recommendation needs some text',
      hint = 'recommendation_text_empty';
  end if;
  if length(new.text) > 4000 then
    raise exception using
      errcode = '23514',
      message = 'A recommendation is at most 4,000 characters long',
      hint = 'recommendation_text_too_long';
  end if;
  return new;
end
$$;

revoke execute on function public.check_recommendation_text() from public, anon, authenticated;

create trigger recommendations_check_text
  before insert or update of text on public.recommendations
  for each row execute function public.check_recommendation_text();
