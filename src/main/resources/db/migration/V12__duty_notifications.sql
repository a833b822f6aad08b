-- Duty roster (值班表), handover log (交接班记录), contacts, and the notifications outbox.

-- Contacts: how a person is reached. preferred_channel NULL = e-mail if known, else SMS.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN preferred_channel TEXT
  CHECK (preferred_channel IN ('email', 'sms', 'wecom', 'dingtalk', 'feishu'));

-- The responsible persons of a unit (责任人); is_head marks the unit's head (a district head is the
-- last step of an alert's call-down).
CREATE TABLE unit_responsibles (
  unit_id  BIGINT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  is_head  BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX unit_responsibles_user_idx ON unit_responsibles (user_id);

-- One shift of a district unit: starts on duty_date at start_time (district time zone) and ends at
-- end_time the same day, or the next day when end_time <= start_time (an overnight shift).
CREATE TABLE duty_shifts (
  id              BIGSERIAL PRIMARY KEY,
  unit_id         BIGINT NOT NULL REFERENCES units (id),
  duty_date       DATE NOT NULL,
  start_time      TIME NOT NULL,
  end_time        TIME NOT NULL,
  leader_user_id  BIGINT REFERENCES users (id),
  note            TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX duty_shifts_unit_date_idx ON duty_shifts (unit_id, duty_date);

CREATE TABLE duty_shift_officers (
  shift_id  BIGINT NOT NULL REFERENCES duty_shifts (id) ON DELETE CASCADE,
  user_id   BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (shift_id, user_id)
);

-- The outgoing officer writes what is open; the incoming one confirms.
CREATE TABLE duty_handovers (
  id            BIGSERIAL PRIMARY KEY,
  unit_id       BIGINT NOT NULL REFERENCES units (id),
  shift_id      BIGINT REFERENCES duty_shifts (id) ON DELETE SET NULL,
  open_items    TEXT NOT NULL,
  written_by    BIGINT NOT NULL REFERENCES users (id),
  written_at    TIMESTAMPTZ NOT NULL,
  confirmed_by  BIGINT REFERENCES users (id),
  confirmed_at  TIMESTAMPTZ,
  confirm_note  TEXT
);
CREATE INDEX duty_handovers_unit_idx ON duty_handovers (unit_id, written_at DESC);

-- The outbox: one row per message to one person on one channel. Any node may send a row, but only
-- the node holding its claim (state 'sending', claimed_until in the future) does.
CREATE TABLE notifications (
  id               BIGSERIAL PRIMARY KEY,
  recipient_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
  recipient_name   TEXT NOT NULL,
  address          TEXT,
  channel          TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'wecom', 'dingtalk', 'feishu', 'none')),
  rule             TEXT NOT NULL,
  subject          TEXT NOT NULL,
  message          TEXT NOT NULL,
  link             TEXT,
  entity_type      TEXT,
  entity_id        BIGINT,
  source_event_id  BIGINT,
  dedup_key        TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ NOT NULL,
  claimed_by       TEXT,
  claimed_until    TIMESTAMPTZ,
  last_error       TEXT,
  created_at       TIMESTAMPTZ NOT NULL,
  sent_at          TIMESTAMPTZ
);
-- The same fact never makes two rows for one person and channel, whichever node derives it.
CREATE UNIQUE INDEX notifications_dedup_idx ON notifications (dedup_key, recipient_name, channel);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX notifications_created_idx ON notifications (created_at DESC);
CREATE INDEX notifications_entity_idx ON notifications (entity_type, entity_id);

-- How far the notification rules have read the live log; one row, locked by the node reading it.
CREATE TABLE notify_cursor (
  name     TEXT PRIMARY KEY,
  last_id  BIGINT NOT NULL
);
INSERT INTO notify_cursor (name, last_id) SELECT 'events', coalesce(max(id), 0) FROM live_events;
