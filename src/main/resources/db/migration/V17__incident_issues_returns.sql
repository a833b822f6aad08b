-- Issues to an incident and returns of reusable equipment (#17).
--
-- Reusable items (pumps, boats, generators, lights, life jackets...) issued to an incident are expected
-- back. Machines with test runs are reusable by default; admins and the demo data mark the rest.
ALTER TABLE items ADD COLUMN reusable BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE items SET reusable = TRUE WHERE needs_test_run;

-- An issue (or a transfer half, a return, a write-off of lost equipment) may name the incident it served.
ALTER TABLE stock_movements ADD COLUMN incident_id BIGINT REFERENCES incidents (id);
CREATE INDEX stock_movements_incident_idx ON stock_movements (incident_id, id) WHERE incident_id IS NOT NULL;

-- 'return' is its own ledger kind rather than a 'receipt' with a reference: a receipt brings new stock
-- onto the books (its lot's dates come from the supplier), a return brings back stock that left with an
-- issue to an incident, always names that incident, and must be told apart from receipts in stock cards,
-- the incident summary and the ledger check.
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_kind_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_kind_check CHECK (kind IN
  ('receipt', 'issue', 'transfer', 'adjustment', 'write_off', 'condition_change', 'return'));
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_return_incident_check
  CHECK (kind <> 'return' OR incident_id IS NOT NULL);

-- One row per return booked against an incident: what came back (or was lost) of which issued lot, in
-- what condition, into which lot. The ledger row is the stock effect; this row is the accounting of what
-- is still out. A lost piece has a zero-quantity write-off in the ledger (it left the books at its issue).
CREATE TABLE incident_returns (
  id            BIGSERIAL PRIMARY KEY,
  incident_id   BIGINT NOT NULL REFERENCES incidents (id),
  issued_lot_id BIGINT NOT NULL REFERENCES lots (id),
  item_id       BIGINT NOT NULL REFERENCES items (id),
  quantity      NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
  condition     TEXT NOT NULL CHECK (condition IN ('good', 'needs_repair', 'lost')),
  base_id       BIGINT REFERENCES bases (id),
  lot_id        BIGINT REFERENCES lots (id),
  movement_id   BIGINT NOT NULL REFERENCES stock_movements (id),
  note          TEXT,
  returned_by   BIGINT NOT NULL REFERENCES users (id),
  returned_at   TIMESTAMPTZ NOT NULL,
  CHECK ((condition = 'lost') = (lot_id IS NULL))
);
CREATE INDEX incident_returns_incident_idx ON incident_returns (incident_id, issued_lot_id);
