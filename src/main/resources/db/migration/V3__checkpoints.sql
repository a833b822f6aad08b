-- Checkpoints: reservoirs and waterlogging points, their readings, warning state and alerts.
-- Threshold and timing columns left NULL fall back to the defaults in CheckpointDefaults.

CREATE TABLE checkpoints (
  id                  BIGSERIAL PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  kind                TEXT NOT NULL CHECK (kind IN ('reservoir', 'waterlogging')),
  name_zh             TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  unit_id             BIGINT NOT NULL REFERENCES units (id),
  lat                 DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon                 DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  -- reservoirs, metres above datum
  bed_level           NUMERIC(8, 2),
  dead_level          NUMERIC(8, 2),
  normal_pool_level   NUMERIC(8, 2),
  flood_high_level    NUMERIC(8, 2),
  design_flood_level  NUMERIC(8, 2),
  check_flood_level   NUMERIC(8, 2),
  crest_level         NUMERIC(8, 2),
  -- waterlogging points, depth in cm: blue watch / yellow attention / orange close road / red severe
  point_kind          TEXT CHECK (point_kind IN ('underpass', 'culvert', 'road', 'tunnel')),
  watch_cm            NUMERIC(6, 1),
  attention_cm        NUMERIC(6, 1),
  close_road_cm       NUMERIC(6, 1),
  severe_cm           NUMERIC(6, 1),
  -- per-checkpoint overrides of the defaults
  hysteresis_margin   NUMERIC(8, 2) CHECK (hysteresis_margin >= 0),
  suspect_step        NUMERIC(8, 2) CHECK (suspect_step > 0),
  rise_rate_per_hour  NUMERIC(8, 2) CHECK (rise_rate_per_hour > 0),
  silent_minutes      INT CHECK (silent_minutes > 0),
  resolve_minutes     INT CHECK (resolve_minutes >= 0),
  active              BOOLEAN NOT NULL DEFAULT TRUE,
  created_at          TIMESTAMPTZ NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  CHECK (kind <> 'reservoir' OR (bed_level IS NOT NULL AND dead_level IS NOT NULL AND normal_pool_level IS NOT NULL
    AND flood_high_level IS NOT NULL AND design_flood_level IS NOT NULL AND check_flood_level IS NOT NULL
    AND crest_level IS NOT NULL
    AND bed_level <= dead_level AND dead_level <= normal_pool_level AND normal_pool_level <= flood_high_level
    AND flood_high_level <= design_flood_level AND design_flood_level <= check_flood_level
    AND check_flood_level <= crest_level)),
  CHECK (kind <> 'waterlogging' OR (point_kind IS NOT NULL AND watch_cm IS NOT NULL AND attention_cm IS NOT NULL
    AND close_road_cm IS NOT NULL AND severe_cm IS NOT NULL
    AND 0 < watch_cm AND watch_cm < attention_cm AND attention_cm < close_road_cm AND close_road_cm < severe_cm))
);
CREATE INDEX checkpoints_unit_idx ON checkpoints (unit_id);

-- Flood-limit level (汛限水位) by month-day range; a range may wrap the new year (11-01 .. 02-28).
CREATE TABLE flood_limit_periods (
  id             BIGSERIAL PRIMARY KEY,
  checkpoint_id  BIGINT NOT NULL REFERENCES checkpoints (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  start_md       TEXT NOT NULL CHECK (start_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  end_md         TEXT NOT NULL CHECK (end_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  level          NUMERIC(8, 2) NOT NULL
);
CREATE INDEX flood_limit_periods_checkpoint_idx ON flood_limit_periods (checkpoint_id);

-- Pumps, pump trucks and supply bases that serve a waterlogging point. base_id names a supply base
-- of the inventory domain; it is kept without a foreign key so the two schemas stay independent.
CREATE TABLE checkpoint_services (
  id             BIGSERIAL PRIMARY KEY,
  checkpoint_id  BIGINT NOT NULL REFERENCES checkpoints (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('pump', 'pump_truck', 'pump_station', 'base')),
  name           TEXT NOT NULL,
  base_id        BIGINT,
  quantity       INT CHECK (quantity > 0)
);
CREATE INDEX checkpoint_services_checkpoint_idx ON checkpoint_services (checkpoint_id);

CREATE TABLE checkpoint_inspectors (
  checkpoint_id  BIGINT NOT NULL REFERENCES checkpoints (id) ON DELETE CASCADE,
  user_id        BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (checkpoint_id, user_id)
);
CREATE INDEX checkpoint_inspectors_user_idx ON checkpoint_inspectors (user_id);

CREATE TABLE api_key_checkpoints (
  api_key_id     BIGINT NOT NULL REFERENCES api_keys (id),
  checkpoint_id  BIGINT NOT NULL REFERENCES checkpoints (id) ON DELETE CASCADE,
  PRIMARY KEY (api_key_id, checkpoint_id)
);
CREATE INDEX api_key_checkpoints_checkpoint_idx ON api_key_checkpoints (checkpoint_id);

-- value: metres for reservoirs, centimetres for waterlogging points. source_id is the user id, or
-- the negated api_keys.id for a gauge (as in CurrentUser), so a repeated post is stored once.
CREATE TABLE readings (
  id             BIGSERIAL PRIMARY KEY,
  checkpoint_id  BIGINT NOT NULL REFERENCES checkpoints (id) ON DELETE CASCADE,
  source_id      BIGINT NOT NULL,
  source_name    TEXT NOT NULL,
  measured_at    TIMESTAMPTZ NOT NULL,
  value          NUMERIC(8, 2) NOT NULL,
  suspect        BOOLEAN NOT NULL DEFAULT FALSE,
  received_at    TIMESTAMPTZ NOT NULL,
  UNIQUE (checkpoint_id, source_id, measured_at)
);
CREATE INDEX readings_checkpoint_time_idx ON readings (checkpoint_id, measured_at DESC);

-- The warning level derived from the readings, kept for hysteresis. evaluated_at is the time of the
-- newest non-suspect reading applied; clear_since is when the level last fell back to none.
CREATE TABLE checkpoint_state (
  checkpoint_id    BIGINT PRIMARY KEY REFERENCES checkpoints (id) ON DELETE CASCADE,
  level            TEXT NOT NULL DEFAULT 'none' CHECK (level IN ('none', 'blue', 'yellow', 'orange', 'red')),
  level_since      TIMESTAMPTZ,
  reason           TEXT,
  last_value       NUMERIC(8, 2),
  last_reading_at  TIMESTAMPTZ,
  evaluated_value  NUMERIC(8, 2),
  evaluated_at     TIMESTAMPTZ,
  clear_since      TIMESTAMPTZ,
  updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE alerts (
  id                BIGSERIAL PRIMARY KEY,
  checkpoint_id     BIGINT NOT NULL REFERENCES checkpoints (id) ON DELETE CASCADE,
  kind              TEXT NOT NULL CHECK (kind IN ('level', 'silent')),
  level             TEXT NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  status            TEXT NOT NULL CHECK (status IN ('raised', 'escalated', 'acknowledged', 'resolved')),
  reason            TEXT NOT NULL,
  trigger_value     NUMERIC(8, 2),
  trigger_at        TIMESTAMPTZ,
  raised_at         TIMESTAMPTZ NOT NULL,
  level_raised_at   TIMESTAMPTZ NOT NULL,
  escalated_at      TIMESTAMPTZ,
  acknowledged_at   TIMESTAMPTZ,
  acknowledged_by   BIGINT,
  resolved_at       TIMESTAMPTZ,
  resolved_by       BIGINT,
  revision          INT NOT NULL DEFAULT 1,
  updated_at        TIMESTAMPTZ NOT NULL
);
-- At most one open alert of each kind per checkpoint: concurrent raisers (several nodes) collide here.
CREATE UNIQUE INDEX alerts_one_open_idx ON alerts (checkpoint_id, kind) WHERE status <> 'resolved';
CREATE INDEX alerts_status_idx ON alerts (status, raised_at);

-- Every transition of an alert, with who (NULL actor = the system) and when.
CREATE TABLE alert_events (
  id          BIGSERIAL PRIMARY KEY,
  alert_id    BIGINT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  at          TIMESTAMPTZ NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('raised', 'upgraded', 'escalated', 'acknowledged', 'resolved')),
  status      TEXT NOT NULL,
  level       TEXT NOT NULL,
  actor_id    BIGINT,
  actor_name  TEXT NOT NULL,
  comment     TEXT
);
CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, id);

-- Contract for other domains: checkpoints currently at a warning level, and since when.
CREATE VIEW v_active_warnings AS
SELECT c.id AS checkpoint_id, c.unit_id, s.level, s.level_since AS since
FROM checkpoints c JOIN checkpoint_state s ON s.checkpoint_id = c.id
WHERE c.active AND s.level IN ('blue', 'yellow', 'orange', 'red');
