-- Supply inventory: catalogue, bases, lots, the append-only stock ledger, reserve quotas,
-- tracked transfers and stocktakes. Quantities are NUMERIC(14,3).

CREATE TABLE items (
  id                  BIGSERIAL PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name_zh             TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  category            TEXT NOT NULL CHECK (category IN ('materials', 'life_saving', 'equipment')),
  unit_of_measure     TEXT NOT NULL,
  shelf_life_months   INT CHECK (shelf_life_months > 0),
  needs_test_run      BOOLEAN NOT NULL DEFAULT FALSE,
  test_interval_days  INT CHECK (test_interval_days > 0),
  criticality         NUMERIC(6, 2) NOT NULL DEFAULT 1 CHECK (criticality > 0),
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (NOT needs_test_run OR test_interval_days IS NOT NULL)
);

CREATE TABLE bases (
  id          BIGSERIAL PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  unit_id     BIGINT NOT NULL REFERENCES units (id),
  address     TEXT,
  lat         DOUBLE PRECISION CHECK (lat BETWEEN -90 AND 90),
  lon         DOUBLE PRECISION CHECK (lon BETWEEN -180 AND 180),
  phone       TEXT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bases_unit_idx ON bases (unit_id);

CREATE TABLE base_keepers (
  base_id  BIGINT NOT NULL REFERENCES bases (id) ON DELETE CASCADE,
  user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (base_id, user_id)
);
CREATE INDEX base_keepers_user_idx ON base_keepers (user_id);

CREATE SEQUENCE lot_code_seq;

-- One lot of one item at one base. quantity is the on-hand, kept equal to the sum of its ledger.
CREATE TABLE lots (
  id                BIGSERIAL PRIMARY KEY,
  base_id           BIGINT NOT NULL REFERENCES bases (id),
  item_id           BIGINT NOT NULL REFERENCES items (id),
  lot_code          TEXT NOT NULL,
  quantity          NUMERIC(14, 3) NOT NULL DEFAULT 0 CHECK (quantity >= 0),
  received_on       DATE NOT NULL,
  expires_on        DATE,
  condition         TEXT NOT NULL DEFAULT 'usable'
                    CHECK (condition IN ('usable', 'needs_repair', 'expired', 'scrapped')),
  last_test_at      TIMESTAMPTZ,
  last_test_result  TEXT CHECK (last_test_result IN ('pass', 'fail')),
  last_test_by      BIGINT REFERENCES users (id),
  created_at        TIMESTAMPTZ NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  UNIQUE (base_id, item_id, lot_code),
  CHECK (expires_on IS NULL OR expires_on >= received_on)
);
CREATE INDEX lots_item_idx ON lots (item_id);
CREATE INDEX lots_expiry_idx ON lots (expires_on) WHERE expires_on IS NOT NULL;

CREATE TABLE transfers (
  id             BIGSERIAL PRIMARY KEY,
  from_base_id   BIGINT NOT NULL REFERENCES bases (id),
  to_base_id     BIGINT NOT NULL REFERENCES bases (id),
  item_id        BIGINT NOT NULL REFERENCES items (id),
  from_lot_id    BIGINT NOT NULL REFERENCES lots (id),
  to_lot_id      BIGINT REFERENCES lots (id),
  quantity       NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
  status         TEXT NOT NULL CHECK (status IN ('dispatched', 'in_transit', 'received')),
  tracked        BOOLEAN NOT NULL,
  note           TEXT,
  ordered_by     BIGINT NOT NULL REFERENCES users (id),
  dispatched_at  TIMESTAMPTZ NOT NULL,
  departed_at    TIMESTAMPTZ,
  received_at    TIMESTAMPTZ,
  received_by    BIGINT REFERENCES users (id),
  CHECK (from_base_id <> to_base_id)
);
CREATE INDEX transfers_status_idx ON transfers (status);

CREATE TABLE stocktakes (
  id         BIGSERIAL PRIMARY KEY,
  base_id    BIGINT NOT NULL REFERENCES bases (id),
  status     TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  note       TEXT,
  opened_at  TIMESTAMPTZ NOT NULL,
  opened_by  BIGINT NOT NULL REFERENCES users (id),
  closed_at  TIMESTAMPTZ,
  closed_by  BIGINT REFERENCES users (id)
);
-- At most one open count sheet per base.
CREATE UNIQUE INDEX stocktakes_one_open_idx ON stocktakes (base_id) WHERE status = 'open';

-- The ledger (台账): one row per change of stock, never updated or deleted.
-- quantity is the signed change of the lot; balance is the lot's on-hand after it.
CREATE TABLE stock_movements (
  id                BIGSERIAL PRIMARY KEY,
  lot_id            BIGINT NOT NULL REFERENCES lots (id),
  base_id           BIGINT NOT NULL REFERENCES bases (id),
  item_id           BIGINT NOT NULL REFERENCES items (id),
  kind              TEXT NOT NULL CHECK (kind IN
                    ('receipt', 'issue', 'transfer', 'adjustment', 'write_off', 'condition_change')),
  quantity          NUMERIC(14, 3) NOT NULL,
  balance           NUMERIC(14, 3) NOT NULL CHECK (balance >= 0),
  at                TIMESTAMPTZ NOT NULL,
  actor_id          BIGINT REFERENCES users (id),
  actor_name        TEXT NOT NULL,
  note              TEXT,
  recipient_type    TEXT CHECK (recipient_type IN ('checkpoint', 'incident', 'person')),
  recipient         TEXT,
  reason            TEXT CHECK (reason IN ('expired', 'damaged', 'lost')),
  counted_quantity  NUMERIC(14, 3),
  condition_from    TEXT,
  condition_to      TEXT,
  transfer_id       BIGINT REFERENCES transfers (id),
  stocktake_id      BIGINT REFERENCES stocktakes (id),
  CHECK (kind <> 'issue' OR (recipient_type IS NOT NULL AND recipient IS NOT NULL)),
  CHECK (kind <> 'write_off' OR reason IS NOT NULL),
  CHECK (kind <> 'transfer' OR transfer_id IS NOT NULL),
  CHECK (kind <> 'adjustment' OR counted_quantity IS NOT NULL)
);
CREATE INDEX stock_movements_lot_idx ON stock_movements (lot_id, id);
CREATE INDEX stock_movements_base_item_idx ON stock_movements (base_id, item_id, id);
CREATE INDEX stock_movements_at_idx ON stock_movements (at);

CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_movements is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER stock_movements_no_update_delete BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();
CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
  FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_append_only();

CREATE TABLE stocktake_lines (
  stocktake_id      BIGINT NOT NULL REFERENCES stocktakes (id),
  lot_id            BIGINT NOT NULL REFERENCES lots (id),
  book_at_open      NUMERIC(14, 3) NOT NULL,
  book_at_close     NUMERIC(14, 3),
  counted_quantity  NUMERIC(14, 3) CHECK (counted_quantity >= 0),
  counted_by        BIGINT REFERENCES users (id),
  counted_at        TIMESTAMPTZ,
  note              TEXT,
  movement_id       BIGINT REFERENCES stock_movements (id),
  PRIMARY KEY (stocktake_id, lot_id)
);

-- 储备定额: required quantity of an item at a base, raised by a multiplier per response level.
CREATE TABLE quotas (
  id          BIGSERIAL PRIMARY KEY,
  base_id     BIGINT NOT NULL REFERENCES bases (id),
  item_id     BIGINT NOT NULL REFERENCES items (id),
  required    NUMERIC(14, 3) NOT NULL CHECK (required > 0),
  mult_iv     NUMERIC(6, 3) NOT NULL DEFAULT 1.0 CHECK (mult_iv >= 1),
  mult_iii    NUMERIC(6, 3) NOT NULL DEFAULT 1.2 CHECK (mult_iii >= 1),
  mult_ii     NUMERIC(6, 3) NOT NULL DEFAULT 1.5 CHECK (mult_ii >= 1),
  mult_i      NUMERIC(6, 3) NOT NULL DEFAULT 2.0 CHECK (mult_i >= 1),
  note        TEXT,
  updated_at  TIMESTAMPTZ NOT NULL,
  updated_by  BIGINT REFERENCES users (id),
  UNIQUE (base_id, item_id)
);
