-- Incidents (险情): a flood-fighting event at a place, reported from the field or by the duty room,
-- followed from report to closure. Requests, dispatches and returns of supplies refer to it.
CREATE TABLE incidents (
  id            BIGSERIAL PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('piping', 'seepage', 'overtopping', 'breach', 'slope_slide',
                                               'waterlogging', 'structure_damage', 'other')),
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description   TEXT,
  unit_id       BIGINT NOT NULL REFERENCES units (id),
  lat           DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon           DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  reach_id      BIGINT REFERENCES reaches (id),
  checkpoint_id BIGINT REFERENCES checkpoints (id),
  severity      TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status        TEXT NOT NULL CHECK (status IN ('reported', 'responding', 'under_control', 'closed')),
  reported_by   BIGINT NOT NULL REFERENCES users (id),
  reported_at   TIMESTAMPTZ NOT NULL,
  closed_at     TIMESTAMPTZ,
  version       INT NOT NULL DEFAULT 1
);
CREATE INDEX incidents_status_idx ON incidents (status, reported_at DESC);
CREATE INDEX incidents_unit_idx ON incidents (unit_id, reported_at DESC);

-- What happened, in order: status changes, notes, dispatches and returns all append here.
CREATE TABLE incident_log (
  id           BIGSERIAL PRIMARY KEY,
  incident_id  BIGINT NOT NULL REFERENCES incidents (id),
  at           TIMESTAMPTZ NOT NULL,
  user_id      BIGINT REFERENCES users (id),
  kind         TEXT NOT NULL,
  status       TEXT,
  note         TEXT,
  detail       JSONB
);
CREATE INDEX incident_log_incident_idx ON incident_log (incident_id, id);

CREATE TABLE incident_photos (
  id            BIGSERIAL PRIMARY KEY,
  incident_id   BIGINT NOT NULL REFERENCES incidents (id),
  content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes    INT NOT NULL,
  data          BYTEA NOT NULL,
  uploaded_by   BIGINT NOT NULL REFERENCES users (id),
  uploaded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_photos_incident_idx ON incident_photos (incident_id);
