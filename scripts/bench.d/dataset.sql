-- Benchmark dataset, added on top of the demo data: :bases supply bases each holding one lot of
-- each of :items catalogue items (a receipt in the ledger per lot, a quota per base and item),
-- :checkpoints waterlogging points and :reaches river reaches, spread over the leaf units.
-- Run with psql -v tag=BENCH -v bases=200 -v items=40 -v checkpoints=100 -v reaches=300; every code starts
-- with the tag, so a second run with another tag grows the dataset.
-- Optional (province scale): -v units=50000 adds an organisation tree of that many units first, shaped like
-- Henan's (18 cities, ~150 counties, ~2,400 townships, the rest villages) on the schema's four levels
-- (city → district → street → community: the province itself is not a unit, its cities are roots), and
-- -v hazards=N open hazards on the generated reaches. Everything is set-based (generate_series).
\set ON_ERROR_STOP on
\if :{?units}
\else
  \set units 0
\endif
\if :{?hazards}
\else
  \set hazards 0
\endif
BEGIN;

SELECT CASE WHEN :units > 0 THEN greatest(1, :units * 18 / 50000) ELSE 0 END AS n_cities,
  CASE WHEN :units > 0 THEN greatest(1, :units * 150 / 50000) ELSE 0 END AS n_counties,
  CASE WHEN :units > 0 THEN greatest(1, :units * 2400 / 50000) ELSE 0 END AS n_townships \gset
SELECT greatest(0, :units - :n_cities - :n_counties - :n_townships) AS n_villages \gset

-- Each level's unit g hangs under unit 1 + g % (count of the level above), so the tree is even.
INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
SELECT :'tag' || '-U1-' || g, '压测市' || g, 'Bench city ' || g, 'city', NULL, now()
FROM generate_series(1, :n_cities) g;

CREATE TEMP TABLE bench_level ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM units WHERE code LIKE :'tag' || '-U1-%';
INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
SELECT :'tag' || '-U2-' || g, '压测县' || g, 'Bench county ' || g, 'district', p.id, now()
FROM generate_series(1, :n_counties) g JOIN bench_level p ON p.n = 1 + g % :n_cities;

TRUNCATE bench_level;
INSERT INTO bench_level SELECT row_number() OVER (ORDER BY id), id FROM units WHERE code LIKE :'tag' || '-U2-%';
INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
SELECT :'tag' || '-U3-' || g, '压测乡镇' || g, 'Bench township ' || g, 'street', p.id, now()
FROM generate_series(1, :n_townships) g JOIN bench_level p ON p.n = 1 + g % :n_counties;

TRUNCATE bench_level;
INSERT INTO bench_level SELECT row_number() OVER (ORDER BY id), id FROM units WHERE code LIKE :'tag' || '-U3-%';
INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
SELECT :'tag' || '-U4-' || g, '压测村' || g, 'Bench village ' || g, 'community', p.id, now()
FROM generate_series(1, :n_villages) g JOIN bench_level p ON p.n = 1 + g % greatest(1, :n_townships);

CREATE TEMP TABLE bench_units ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id
FROM units u WHERE NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id);
CREATE INDEX ON bench_units (n);
ANALYZE bench_units;
SELECT count(*) AS n_leaves FROM bench_units \gset

-- Top the catalogue up to :items items.
INSERT INTO items (code, name_zh, name_en, category, unit_of_measure, shelf_life_months, criticality)
SELECT 'BENCH-I' || g, '压测物资' || g, 'Bench item ' || g, 'materials', '件', 60, 1
FROM generate_series(1, greatest(0, :items - (SELECT count(*) FROM items))) g;

INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, created_at)
SELECT :'tag' || '-B' || g, '压测仓库' || g, 'Bench base ' || g,
  (SELECT id FROM bench_units WHERE n = g % :n_leaves),
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
  (SELECT id FROM bench_units WHERE n = g % :n_leaves),
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
  (SELECT id FROM bench_units WHERE n = g % :n_leaves),
  jsonb_build_object('type', 'LineString', 'coordinates',
    jsonb_build_array(jsonb_build_array(113.60 + g * 0.001, 34.70), jsonb_build_array(113.60 + g * 0.001, 34.71))),
  1112, (SELECT id FROM users WHERE username = 'chief'), 'village', now() - interval '1 year'
FROM generate_series(1, :reaches) g;

-- Open hazards on the generated reaches, half of them assigned with a deadline (some overdue).
INSERT INTO hazards (reach_id, unit_id, type, severity, lat, lon, description, status, reported_by, reported_at,
  assigned_unit_id, assigned_at, deadline_at, updated_at)
SELECT r.id, r.unit_id, 'bank', (ARRAY['low', 'medium', 'high'])[1 + g % 3], 34.70, 113.60, '压测隐患' || g,
  CASE WHEN g % 2 = 0 THEN 'assigned' ELSE 'reported' END, (SELECT id FROM users WHERE username = 'chief'),
  now() - (g % 30) * interval '1 day', CASE WHEN g % 2 = 0 THEN r.unit_id END,
  CASE WHEN g % 2 = 0 THEN now() - (g % 30) * interval '1 day' END,
  CASE WHEN g % 2 = 0 THEN now() + (g % 20 - 5) * interval '1 day' END, now()
FROM generate_series(1, :hazards) g
JOIN reaches r ON r.code = :'tag' || '-RCH' || (1 + g % greatest(1, :reaches));

COMMIT;
ANALYZE;
