-- Issue #19 (lists at province size): the list filters that had no index of their own. At 200,000 quota lines
-- /api/quotas?itemId= read the whole table to count and page (100 ms); /api/movements?itemId= walked the
-- ledger through (base_id, item_id, id) without a base. See scripts/bench.d/round3-lists-province.md.
CREATE INDEX quotas_item_idx ON quotas (item_id);
CREATE INDEX stock_movements_item_idx ON stock_movements (item_id, id);
