-- The followers are woken after a write's commit, not inside it (events/CommitNotifier): a NOTIFY in the
-- write's transaction holds the database-wide notify lock until the commit is flushed, so every notifying
-- write committed one after the other on the durable database. Each node now sends one folded
-- pg_notify('live_events') after its own commits; the rows themselves are still written in the writes'
-- transactions, and a lost notice only waits for the followers' fallback poll.
DROP TRIGGER live_events_notify ON live_events;
DROP FUNCTION live_events_notify();
