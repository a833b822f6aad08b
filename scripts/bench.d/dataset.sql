-- Benchmark dataset, added on top of the demo data: :bases supply bases each holding one lot of
-- each of :items catalogue items (a receipt in the ledger per lot, a quota per base and item),
-- :checkpoints waterlogging points and :reaches river reaches, spread over the leaf units.
-- Run with psql -v tag=BENCH -v bases=200 -v items=40 -v checkpoints=100 -v reaches=300; every code starts
-- with the tag, so a second run with another tag grows the dataset.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_units ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id
FROM units u WHERE NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id);

-- Top the catalogue up to :items items.
INSERT INTO items (code, name_zh, name_en, category, unit_of_measure, shelf_life_months, criticality)
SELECT 'BENCH-I' || g, '压测物资' || g, 'Bench item ' || g, 'materials', '件', 60, 1
FROM generate_series(1, greatest(0, :items - (SELECT count(*) FROM items))) g;

INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, created_at)
SELECT :'tag' || '-B' || g, '压测仓库' || g, 'Bench base ' || g,
  (SELECT id FROM bench_units WHERE n = g % (SELECT count(*) FROM bench_units)),
  'bench', 34.60 + (g % 50) * 0.004, 113.55 + (g / 50) * 0.01, now()
FROM generate_series(1, :bases) g;

CREATE TEMP TABLE bench_items ON COMMIT DROP AS SELECT id FROM items ORDER BY id LIMIT :items;

-- Lots hold plenty, so the benchmark's issues never run a lot dry; received 10 days ago, so equipment
-- (test runs every 30 days or more) is usable.
INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition, created_at, updated_at)
SELECT b.id, i.id, :'tag' || '-L' || b.id || '-' || i.id, 1000000000, current_date - 10, NULL, 'usable', now(), now()
FROM bases b CROSS JOIN bench_items i WHERE b.code LIKE :'tag' || '-B%';

INSERT INTO stock_movements (lot_id, base_id, item_id, kind, quantity, balance, at, actor_id, actor_name, note)
SELECT l.id, l.base_id, l.item_id, 'receipt', l.quantity, l.quantity, now(), u.id, u.username, 'bench dataset'
FROM lots l JOIN users u ON u.username = 'admin' WHERE l.lot_code LIKE :'tag' || '-L%';

INSERT INTO quotas (base_id, item_id, required, updated_at, updated_by)
SELECT l.base_id, l.item_id, 1000, now(), (SELECT id FROM users WHERE username = 'admin')
FROM lots l WHERE l.lot_code LIKE :'tag' || '-L%';

INSERT INTO checkpoints (code, kind, name_zh, name_en, unit_id, lat, lon, point_kind, watch_cm, attention_cm,
  close_road_cm, severe_cm, created_at, updated_at)
SELECT :'tag' || '-C' || g, 'waterlogging', '压测积水点' || g, 'Bench point ' || g,
  (SELECT id FROM bench_units WHERE n = g % (SELECT count(*) FROM bench_units)),
  34.70 + (g % 40) * 0.002, 113.60 + (g / 40) * 0.01, 'road', 10, 15, 25, 40, now(), now()
FROM generate_series(1, :checkpoints) g;

-- Every checkpoint has its state row (the app inserts it when a checkpoint is created).
INSERT INTO checkpoint_state (checkpoint_id, level, updated_at)
SELECT id, 'none', now() FROM checkpoints WHERE code LIKE :'tag' || '-C%';

INSERT INTO rivers (code, name_zh, name_en)
SELECT :'tag' || '-R' || g, '压测河' || g, 'Bench river ' || g FROM generate_series(1, 10) g;

INSERT INTO reaches (river_id, code, name_zh, name_en, unit_id, geometry, length_m, chief_user_id, chief_level,
  created_at)
SELECT (SELECT id FROM rivers WHERE code = :'tag' || '-R' || (1 + g % 10)), :'tag' || '-RCH' || g,
  '压测河段' || g, 'Bench reach ' || g,
  (SELECT id FROM bench_units WHERE n = g % (SELECT count(*) FROM bench_units)),
  jsonb_build_object('type', 'LineString', 'coordinates',
    jsonb_build_array(jsonb_build_array(113.60 + g * 0.001, 34.70), jsonb_build_array(113.60 + g * 0.001, 34.71))),
  1112, (SELECT id FROM users WHERE username = 'chief'), 'village', now() - interval '1 year'
FROM generate_series(1, :reaches) g;

COMMIT;
ANALYZE;
