-- A phone may queue a movement offline and send it later: `at` is when it happened on the phone
-- (occurredAt, bounded by the server), received_at when the server took it. Older rows were written
-- the moment they happened, so their received_at is left NULL (= at). Adding a column fires no row
-- trigger, so the append-only ledger stays untouched.
ALTER TABLE stock_movements ADD COLUMN received_at TIMESTAMPTZ;
