-- collab_snapshots.last_update_id no longer bounds what a snapshot holds (issue 7): the
-- server folds exactly the update rows it read and deletes exactly those, so a row whose
-- commit landed after a compaction stays in collab_updates, whatever its id, and a
-- document is its snapshot plus every row still there. The column keeps the highest id
-- folded so far, for diagnostics. (The comment in 20261123090000_collab_persistence.sql
-- describes the earlier rule.)
comment on column public.collab_snapshots.last_update_id is
  'Highest collab_updates id folded into state so far. Not a bound: rows still in collab_updates are unfolded, whatever their id.';
