-- Spreadsheet imports run off the request (?async=true): their progress and outcome, readable from any node.
-- A running job's node holds the session advisory lock (18018, id) on a connection of its own; a job that is
-- not ended while nobody holds its lock lost its node (stopped or dead) and is reported as interrupted. The
-- import itself is one transaction that also marks the job done, so an interrupted job wrote nothing.
CREATE TABLE import_jobs (
  id            BIGSERIAL PRIMARY KEY,
  kind          TEXT NOT NULL,
  dry_run       BOOLEAN NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('reading', 'checking', 'writing', 'done', 'rejected', 'failed',
                                               'interrupted')),
  total         INT NOT NULL DEFAULT 0,
  checked_rows  INT NOT NULL DEFAULT 0,
  written_rows  INT NOT NULL DEFAULT 0,
  status        INT,
  result        JSONB,
  problem       JSONB,
  marked_copy   BYTEA,
  node          TEXT NOT NULL,
  created_by    BIGINT NOT NULL REFERENCES users (id),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  ended_at      TIMESTAMPTZ
);
CREATE INDEX import_jobs_ended_idx ON import_jobs (ended_at);
