-- Rescue teams (抢险队伍): who can be sent to an incident, and how many each unit must keep on standby.
CREATE TABLE rescue_teams (
  id            BIGSERIAL PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit_id       BIGINT NOT NULL REFERENCES units (id),
  leader_name   TEXT NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 100),
  leader_phone  TEXT NOT NULL CHECK (length(leader_phone) BETWEEN 3 AND 40),
  members       INT NOT NULL CHECK (members BETWEEN 1 AND 10000),
  specialities  TEXT[] NOT NULL DEFAULT '{}'
                CHECK (specialities <@ ARRAY['boats', 'pumps', 'sandbagging', 'divers', 'electrical', 'medical',
                                             'rescue', 'machinery', 'communications']::TEXT[]),
  base_id       BIGINT REFERENCES bases (id),
  status        TEXT NOT NULL DEFAULT 'standby' CHECK (status IN ('standby', 'deployed', 'resting')),
  incident_id   BIGINT REFERENCES incidents (id),
  version       INT NOT NULL DEFAULT 1,
  updated_at    TIMESTAMPTZ NOT NULL,
  CHECK ((status = 'deployed') = (incident_id IS NOT NULL))
);
CREATE UNIQUE INDEX rescue_teams_unit_name_idx ON rescue_teams (unit_id, name);
CREATE INDEX rescue_teams_status_idx ON rescue_teams (status, unit_id);

-- Teams each unit must keep on standby (set by an admin); readiness counts standby teams against it.
CREATE TABLE team_requirements (
  unit_id     BIGINT PRIMARY KEY REFERENCES units (id),
  required    INT NOT NULL CHECK (required BETWEEN 0 AND 1000),
  updated_by  BIGINT REFERENCES users (id),
  updated_at  TIMESTAMPTZ NOT NULL
);

-- Each time a team is sent to an incident, and when it was stood down.
CREATE TABLE team_deployments (
  id             BIGSERIAL PRIMARY KEY,
  team_id        BIGINT NOT NULL REFERENCES rescue_teams (id),
  incident_id    BIGINT NOT NULL REFERENCES incidents (id),
  dispatched_at  TIMESTAMPTZ NOT NULL,
  dispatched_by  BIGINT NOT NULL REFERENCES users (id),
  note           TEXT,
  ended_at       TIMESTAMPTZ,
  ended_by       BIGINT REFERENCES users (id),
  ended_status   TEXT CHECK (ended_status IN ('standby', 'resting'))
);
CREATE UNIQUE INDEX team_deployments_open_idx ON team_deployments (team_id) WHERE ended_at IS NULL;
CREATE INDEX team_deployments_incident_idx ON team_deployments (incident_id, id);
