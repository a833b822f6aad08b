-- The followers are woken after a write's commit, not inside it (events/CommitNotifier): a NOTIFY in the
-- write's transaction holds the database-wide notify lock until the commit is flushed, so every notifying
-- write committed one after the other on the durable database. Each node now sends one folded
-- pg_notify('live_events') after its own commits; the rows themselves are still written in the writes'
-- transactions, and a lost notice only waits for the followers' poll.
DROP TRIGGER live_events_notify ON live_events;
DROP FUNCTION live_events_notify();

-- A row's id is drawn only once its transaction has an id of its own (pg_current_xact_id() assigns one if
-- needed; CASE evaluates its condition first). So a transaction that drew a log id before a follower's
-- snapshot is older than that snapshot's xmax, and the follower (events/LogFollower) knows a missing id
-- can no longer commit once every transaction older than that xmax has ended.
ALTER TABLE live_events ALTER COLUMN id
  SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('live_events_id_seq') END;
