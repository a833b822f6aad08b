-- Live log: every message of the live push (domain events after their commit, readiness changes of a
-- unit), numbered by one cluster-wide sequence. Its id is the SSE event id, so a client reconnecting
-- to any node with Last-Event-ID gets exactly what it missed. Old rows are pruned; a client further
-- behind than the oldest row gets a fresh snapshot instead.
CREATE TABLE live_events (
  id       BIGSERIAL PRIMARY KEY,
  at       TIMESTAMPTZ NOT NULL,
  type     TEXT NOT NULL,
  unit_id  BIGINT,
  node     TEXT NOT NULL,
  payload  JSONB NOT NULL
);
CREATE INDEX live_events_at_idx ON live_events (at);
