-- Tables whose changes the app follows live through Supabase Realtime (postgres_changes).
-- Realtime applies each subscriber's RLS, so secret votes reach only their voters.
alter publication supabase_realtime add table
  public.votes,
  public.recommendations,
  public.recommendation_endorsements,
  public.sessions,
  public.session_summaries,
  public.voting_rounds,
  public.documents,
  public.amendments;
