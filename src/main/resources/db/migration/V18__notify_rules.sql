-- Notification rules editable by admins (who hears of which fact, the call-down per alert level), robot
-- messages sent once per group, and the withdrawal (CAP Cancel) of an alert's public messages.

-- Who hears of a fact: one row per rule (and per warning level for alerts; '' for the other rules).
-- recipients name kinds of people (inspectors, duty_officers, leader_on_call, responsibles, heads, keepers,
-- all_responsibles); an empty list turns the rule off. The seeded rows are the behaviour before V18.
CREATE TABLE notify_rules (
  rule        TEXT NOT NULL,
  level       TEXT NOT NULL DEFAULT '',
  recipients  TEXT[] NOT NULL,
  PRIMARY KEY (rule, level)
);
INSERT INTO notify_rules (rule, level, recipients) VALUES
  ('alert.raised', 'red', ARRAY['inspectors', 'duty_officers', 'responsibles', 'leader_on_call']),
  ('alert.raised', 'orange', ARRAY['inspectors', 'duty_officers', 'responsibles']),
  ('alert.raised', 'yellow', ARRAY['inspectors', 'duty_officers', 'responsibles']),
  ('alert.raised', 'blue', ARRAY['inspectors', 'duty_officers', 'responsibles']),
  ('hazard.assigned', '', ARRAY['responsibles']),
  ('hazard.escalated', '', ARRAY['responsibles', 'duty_officers']),
  ('transfer.dispatched', '', ARRAY['keepers']),
  ('response_level.changed', '', ARRAY['all_responsibles']),
  ('quota.short', '', ARRAY['keepers']);

-- The call-down (逐级呼叫) per warning level: minutes unacknowledged before each step (NULL = this level
-- never calls down) and who each step calls (step n calls steps[n], or the next step's people when
-- nobody is found; after the last step all of them again each period).
CREATE TABLE notify_calldown (
  level    TEXT PRIMARY KEY CHECK (level IN ('red', 'orange', 'yellow', 'blue')),
  minutes  NUMERIC(9, 3) CHECK (minutes > 0),
  steps    TEXT[] NOT NULL
);
INSERT INTO notify_calldown (level, minutes, steps) VALUES
  ('red', 10, ARRAY['leader_on_call', 'heads']),
  ('orange', 15, ARRAY['leader_on_call', 'heads']),
  ('yellow', 30, ARRAY['leader_on_call', 'heads']),
  ('blue', 60, ARRAY['leader_on_call', 'heads']);

-- One version for the whole rule set: a change names the version it read (optimistic, 409 when stale).
CREATE TABLE notify_rules_version (
  id          BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
  version     BIGINT NOT NULL,
  updated_at  TIMESTAMPTZ,
  updated_by  TEXT
);
INSERT INTO notify_rules_version (version) VALUES (1);

-- A robot message goes to a group once per fact: the row names everyone it concerns.
ALTER TABLE notifications ADD COLUMN member_ids BIGINT[];
ALTER TABLE notifications ADD COLUMN members TEXT;

-- Withdrawing an alert's public CAP messages sent in error: a 'withdrawn' event is the Cancel message.
ALTER TABLE alert_events DROP CONSTRAINT alert_events_action_check;
ALTER TABLE alert_events ADD CONSTRAINT alert_events_action_check
  CHECK (action IN ('raised', 'upgraded', 'escalated', 'acknowledged', 'resolved', 'withdrawn'));
CREATE UNIQUE INDEX alert_events_one_withdrawal_idx ON alert_events (alert_id) WHERE action = 'withdrawn';
