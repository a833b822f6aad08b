-- Supply requests (物资申请): a street or community (role requester), or an incident's commander, asks for
-- items; the duty room approves each line, allocates lots from bases and dispatches them with a dispatch
-- note (出库单 / 调拨单) whose QR code is scanned at arrival to confirm receipt.

-- Street and community accounts: they file requests for their own unit and confirm what arrives.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('admin', 'duty_officer', 'base_keeper', 'river_chief', 'inspector', 'viewer', 'requester'));

CREATE TABLE supply_requests (
  id            BIGSERIAL PRIMARY KEY,
  unit_id       BIGINT NOT NULL REFERENCES units (id),
  incident_id   BIGINT REFERENCES incidents (id),
  to_base_id    BIGINT REFERENCES bases (id),
  lat           DOUBLE PRECISION CHECK (lat BETWEEN -90 AND 90),
  lon           DOUBLE PRECISION CHECK (lon BETWEEN -180 AND 180),
  address       TEXT,
  needed_by     TIMESTAMPTZ NOT NULL,
  note          TEXT,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'dispatched', 'received')),
  requested_by  BIGINT NOT NULL REFERENCES users (id),
  requested_at  TIMESTAMPTZ NOT NULL,
  decided_by    BIGINT REFERENCES users (id),
  decided_at    TIMESTAMPTZ,
  version       INT NOT NULL DEFAULT 1,
  -- Where it goes: an incident, a base (a tracked transfer), or a place given by its position.
  CHECK (incident_id IS NOT NULL OR to_base_id IS NOT NULL OR (lat IS NOT NULL AND lon IS NOT NULL))
);
CREATE INDEX supply_requests_status_idx ON supply_requests (status, needed_by);
CREATE INDEX supply_requests_unit_idx ON supply_requests (unit_id, requested_at DESC);
CREATE INDEX supply_requests_incident_idx ON supply_requests (incident_id) WHERE incident_id IS NOT NULL;

CREATE TABLE supply_request_lines (
  id                 BIGSERIAL PRIMARY KEY,
  request_id         BIGINT NOT NULL REFERENCES supply_requests (id),
  line_no            INT NOT NULL,
  item_id            BIGINT NOT NULL REFERENCES items (id),
  quantity           NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
  approved_quantity  NUMERIC(14, 3) CHECK (approved_quantity >= 0 AND approved_quantity <= quantity),
  decision_reason    TEXT,
  UNIQUE (request_id, line_no),
  UNIQUE (request_id, item_id)
);

-- One truck from one base: the transfers or issues it carries and its note.
CREATE TABLE dispatches (
  id             BIGSERIAL PRIMARY KEY,
  request_id     BIGINT NOT NULL REFERENCES supply_requests (id),
  from_base_id   BIGINT NOT NULL REFERENCES bases (id),
  to_base_id     BIGINT REFERENCES bases (id),
  status         TEXT NOT NULL CHECK (status IN ('dispatched', 'received')),
  dispatched_by  BIGINT NOT NULL REFERENCES users (id),
  dispatched_at  TIMESTAMPTZ NOT NULL,
  received_by    BIGINT REFERENCES users (id),
  received_at    TIMESTAMPTZ,
  receipt_note   TEXT
);
CREATE INDEX dispatches_request_idx ON dispatches (request_id);

-- What the officer allocated (dispatch_id NULL until dispatched), lot by lot; a base taken below its own
-- quota carries the officer's reason.
CREATE TABLE request_allocations (
  id                BIGSERIAL PRIMARY KEY,
  request_id        BIGINT NOT NULL REFERENCES supply_requests (id),
  line_id           BIGINT NOT NULL REFERENCES supply_request_lines (id),
  base_id           BIGINT NOT NULL REFERENCES bases (id),
  lot_id            BIGINT NOT NULL REFERENCES lots (id),
  quantity          NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
  override_reason   TEXT,
  allocated_by      BIGINT NOT NULL REFERENCES users (id),
  allocated_at      TIMESTAMPTZ NOT NULL,
  dispatch_id       BIGINT REFERENCES dispatches (id),
  transfer_id       BIGINT REFERENCES transfers (id),
  movement_id       BIGINT REFERENCES stock_movements (id),
  received_quantity NUMERIC(14, 3) CHECK (received_quantity >= 0 AND received_quantity <= quantity)
);
CREATE INDEX request_allocations_request_idx ON request_allocations (request_id);
CREATE INDEX request_allocations_dispatch_idx ON request_allocations (dispatch_id) WHERE dispatch_id IS NOT NULL;
