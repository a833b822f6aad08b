-- Foundation: organisation units, users, device keys, audit log, idempotency keys, settings.
-- Every timestamp is TIMESTAMPTZ; the district's zone is applied when rendering.

CREATE TABLE units (
  id          BIGSERIAL PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  parent_id   BIGINT REFERENCES units (id),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE users (
  id             BIGSERIAL PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'duty_officer', 'base_keeper', 'river_chief', 'inspector', 'viewer')),
  unit_id        BIGINT REFERENCES units (id),
  phone          TEXT,
  active         BOOLEAN NOT NULL DEFAULT TRUE,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Gauges authenticate with a key; only its SHA-256 is stored.
CREATE TABLE api_keys (
  id          BIGSERIAL PRIMARY KEY,
  name        TEXT NOT NULL,
  key_prefix  TEXT NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  unit_id     BIGINT REFERENCES units (id),
  created_by  BIGINT REFERENCES users (id),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at  TIMESTAMPTZ
);

-- Written in the same transaction as the change it records. actor_id < 0 is a gauge (api_keys.id negated).
CREATE TABLE audit_log (
  id           BIGSERIAL PRIMARY KEY,
  at           TIMESTAMPTZ NOT NULL,
  actor_id     BIGINT,
  actor_name   TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT,
  details      JSONB
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);

-- A retried write with the same key returns the stored first answer.
CREATE TABLE idempotency_keys (
  actor_id      BIGINT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  status        INT,
  response      JSONB,
  created_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (actor_id, key)
);

-- District-wide settings (e.g. the emergency response level); also marks the demo data as loaded.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       JSONB NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by  BIGINT
);
