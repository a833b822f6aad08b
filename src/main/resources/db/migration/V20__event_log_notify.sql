-- The event log as an outbox: each write inserts its events into live_events inside its own transaction.
-- This trigger notifies the nodes' followers (LISTEN live_events). PostgreSQL delivers a notification only
-- when the transaction commits (never for a rollback) and folds equal ones of one transaction into one:
-- one wake-up per committed write, whatever number of events it appended.
CREATE FUNCTION live_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('live_events', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER live_events_notify AFTER INSERT ON live_events
  FOR EACH STATEMENT EXECUTE FUNCTION live_events_notify();

COMMENT ON TABLE live_events IS 'The event log: domain events appended inside their write''s transaction (the outbox),'
  ' and readiness changes appended by the readiness refresh. Followed by id on every node.';
