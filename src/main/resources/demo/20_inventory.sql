-- Demo supply inventory: the catalogue of domain.md, eight bases in 管城回族区 / 经开区 / 惠济区,
-- lots sized to each base (a few expiring soon, one expired, one needing repair, one pump overdue
-- for its test run), a receipt in the ledger for every lot, and quotas under which some items are short.
-- The second keeper is keeper_b (keeper2 is left free for the foundation's user-admin test).

INSERT INTO users (username, display_name, password_hash, role, unit_id, phone)
SELECT 'keeper_b', '仓库管理员 陈静 (Base keeper B)', '!demo', 'base_keeper', id, '13800000004'
FROM units WHERE code = 'ZZ-JK-MH';

INSERT INTO items (code, name_zh, name_en, category, unit_of_measure, shelf_life_months, needs_test_run,
                   test_interval_days, criticality) VALUES
  ('M-WB', '编织袋', 'Woven bag', 'materials', '条', 36, FALSE, NULL, 3),
  ('M-SK', '麻袋', 'Sack', 'materials', '条', 24, FALSE, NULL, 2),
  ('M-GB', '土工布袋', 'Geotextile bag', 'materials', '条', 60, FALSE, NULL, 2),
  ('M-TB', '吨袋', 'Ton bag', 'materials', '条', 60, FALSE, NULL, 2),
  ('M-GT', '土工布', 'Geotextile', 'materials', 'm²', 60, FALSE, NULL, 1.5),
  ('M-GM', '土工膜', 'Geomembrane', 'materials', 'm²', 60, FALSE, NULL, 1.5),
  ('M-ST', '桩木', 'Wooden stake', 'materials', '根', NULL, FALSE, NULL, 1.5),
  ('M-SP', '钢管桩', 'Steel pipe pile', 'materials', '根', NULL, FALSE, NULL, 1),
  ('M-LW', '铅丝', 'Lead wire', 'materials', 'kg', NULL, FALSE, NULL, 1),
  ('M-WC', '铅丝笼', 'Wire cage', 'materials', '个', NULL, FALSE, NULL, 1),
  ('M-RS', '块石', 'Rubble stone', 'materials', 'm³', NULL, FALSE, NULL, 2),
  ('M-SD', '黄砂', 'Sand', 'materials', 'm³', NULL, FALSE, NULL, 2),
  ('M-GV', '碎石', 'Gravel', 'materials', 'm³', NULL, FALSE, NULL, 1),
  ('M-BB', '挡水板', 'Water-barrier board', 'materials', '块', NULL, FALSE, NULL, 2),
  ('M-SH', '铁锹', 'Shovel', 'materials', '把', NULL, FALSE, NULL, 1),
  ('L-LJ', '救生衣', 'Life jacket', 'life_saving', '件', 60, FALSE, NULL, 3),
  ('L-LB', '救生圈', 'Lifebuoy', 'life_saving', '个', 60, FALSE, NULL, 2.5),
  ('L-RB', '橡皮艇', 'Rubber boat', 'life_saving', '艘', NULL, TRUE, 90, 3),
  ('L-AB', '冲锋舟', 'Assault boat', 'life_saving', '艘', NULL, TRUE, 30, 3),
  ('L-RP', '安全绳', 'Safety rope', 'life_saving', 'm', 60, FALSE, NULL, 1.5),
  ('L-LT', '救生抛投器', 'Rescue line thrower', 'life_saving', '台', NULL, TRUE, 180, 2),
  ('L-RC', '雨衣', 'Raincoat', 'life_saving', '件', 36, FALSE, NULL, 1),
  ('E-SUB', '潜水泵', 'Submersible pump', 'equipment', '台', NULL, TRUE, 30, 3),
  ('E-DSL', '柴油泵', 'Diesel pump', 'equipment', '台', NULL, TRUE, 30, 3),
  ('E-PT', '排水抢险车', 'Drainage pump truck', 'equipment', '台', NULL, TRUE, 30, 3),
  ('E-GEN', '发电机组', 'Generator set', 'equipment', '台', NULL, TRUE, 30, 2.5),
  ('E-LGT', '照明灯组', 'Lighting set', 'equipment', '套', NULL, TRUE, 60, 2),
  ('E-CBL', '电缆', 'Power cable', 'equipment', 'm', NULL, FALSE, NULL, 1),
  ('E-TCH', '强光手电', 'High-power torch', 'equipment', '个', NULL, FALSE, NULL, 1);

INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, phone)
SELECT v.code, v.zh, v.en, (SELECT id FROM units WHERE code = v.unit), v.address, v.lat, v.lon, v.phone
FROM (VALUES
  ('B-GC-SBLH', '十八里河街道防汛物资仓库', 'Shibalihe flood-supply depot', 'ZZ-GC-SBLH', '管城回族区十八里河街道小魏庄', 34.6902, 113.7018, '0371-66100101'),
  ('B-GC-NC', '南曹乡防汛物资储备点', 'Nancao flood-supply point', 'ZZ-GC-NC', '管城回族区南曹乡王桐村', 34.6681, 113.7702, '0371-66100102'),
  ('B-GC-ZJS', '紫荆山南路街道防汛物资点', 'Zijingshan South Road supply point', 'ZZ-GC-ZJS', '管城回族区紫荆山南路', 34.7452, 113.6834, '0371-66100103'),
  ('B-GC-DDJ', '东大街街道防汛物资点', 'Dongdajie supply point', 'ZZ-GC-DDJ', '管城回族区东大街', 34.7571, 113.6902, '0371-66100104'),
  ('B-JK-MH', '明湖街道防汛物资仓库', 'Minghu flood-supply depot', 'ZZ-JK-MH', '经开区明湖街道航海东路', 34.7003, 113.7905, '0371-66100105'),
  ('B-JK-JL', '九龙镇防汛物资储备库', 'Jiulong flood-supply store', 'ZZ-JK-JL', '经开区九龙镇', 34.6402, 113.8603, '0371-66100106'),
  ('B-HJ-HYK', '花园口镇黄河防汛物资仓库', 'Huayuankou Yellow River flood depot', 'ZZ-HJ-HYK', '惠济区花园口镇马渡村', 34.9051, 113.6602, '0371-66100107'),
  ('B-HJ-GY', '古荥镇防汛物资点', 'Guxing flood-supply point', 'ZZ-HJ-GY', '惠济区古荥镇', 34.8803, 113.5204, '0371-66100108'))
  AS v(code, zh, en, unit, address, lat, lon, phone);

INSERT INTO base_keepers (base_id, user_id)
SELECT b.id, u.id FROM bases b JOIN users u ON u.username = CASE
  WHEN b.code IN ('B-GC-SBLH', 'B-GC-NC') THEN 'keeper' ELSE 'keeper_b' END
WHERE b.code IN ('B-GC-SBLH', 'B-GC-NC', 'B-GC-ZJS', 'B-GC-DDJ', 'B-JK-MH', 'B-JK-JL');

-- Typical holdings of a street-level base, scaled per base; small bases hold no pump trucks or boats.
CREATE TEMP TABLE demo_typical (item TEXT, qty NUMERIC, min_scale NUMERIC) ON COMMIT DROP;
INSERT INTO demo_typical VALUES
  ('M-WB', 8000, 0), ('M-SK', 2000, 0), ('M-GB', 1500, 0), ('M-TB', 200, 0.8), ('M-GT', 3000, 0),
  ('M-GM', 2000, 0), ('M-ST', 600, 0), ('M-SP', 100, 0.8), ('M-LW', 500, 0), ('M-WC', 80, 0.8),
  ('M-RS', 800, 0.8), ('M-SD', 300, 0), ('M-GV', 300, 0.8), ('M-BB', 120, 0), ('M-SH', 200, 0),
  ('L-LJ', 150, 0), ('L-LB', 40, 0), ('L-RB', 2, 0.8), ('L-AB', 1, 1), ('L-RP', 1000, 0), ('L-LT', 2, 0.8),
  ('L-RC', 150, 0), ('E-SUB', 12, 0), ('E-DSL', 6, 0.8), ('E-PT', 1, 1), ('E-GEN', 3, 0), ('E-LGT', 6, 0),
  ('E-CBL', 1000, 0), ('E-TCH', 60, 0);

CREATE TEMP TABLE demo_scale (base TEXT, scale NUMERIC) ON COMMIT DROP;
INSERT INTO demo_scale VALUES
  ('B-GC-SBLH', 1.2), ('B-GC-NC', 1.0), ('B-GC-ZJS', 0.6), ('B-GC-DDJ', 0.5), ('B-JK-MH', 1.0),
  ('B-JK-JL', 0.8), ('B-HJ-HYK', 3.0), ('B-HJ-GY', 0.9);

INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition,
                  last_test_at, last_test_result, last_test_by, created_at, updated_at)
SELECT b.id, i.id, 'D25-' || substr(b.code, 3) || '-' || i.code, GREATEST(1, round(t.qty * s.scale)),
       CURRENT_DATE - 240,
       CASE WHEN i.shelf_life_months IS NULL THEN NULL
            ELSE (CURRENT_DATE - 240 + make_interval(months => i.shelf_life_months))::date END,
       'usable',
       CASE WHEN i.needs_test_run THEN now() - interval '7 days' END,
       CASE WHEN i.needs_test_run THEN 'pass' END,
       CASE WHEN i.needs_test_run THEN (SELECT id FROM users WHERE username = 'admin') END,
       now() - interval '240 days', now() - interval '240 days'
FROM demo_scale s JOIN bases b ON b.code = s.base CROSS JOIN demo_typical t JOIN items i ON i.code = t.item
WHERE s.scale >= t.min_scale;

-- The exceptions the duty room should see.
INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition,
                  last_test_at, last_test_result, last_test_by, created_at, updated_at)
SELECT (SELECT id FROM bases WHERE code = v.base), (SELECT id FROM items WHERE code = v.item), v.lot, v.qty,
       CURRENT_DATE - v.age, CURRENT_DATE + v.expires_in, v.cond,
       CASE WHEN v.tested_ago IS NOT NULL THEN now() - make_interval(days => v.tested_ago) END,
       CASE WHEN v.tested_ago IS NOT NULL THEN 'pass' END,
       CASE WHEN v.tested_ago IS NOT NULL THEN (SELECT id FROM users WHERE username = 'keeper') END,
       now() - make_interval(days => v.age), now() - make_interval(days => v.age)
FROM (VALUES
  ('B-GC-SBLH', 'M-WB', 'D23-SBLH-WB-OLD', 1500, 1075, 20, 'usable', NULL),
  ('B-GC-ZJS', 'L-LJ', 'D21-ZJS-LJ-OLD', 60, 1750, 75, 'usable', NULL),
  ('B-GC-DDJ', 'M-SK', 'D24-DDJ-SK-OLD', 800, 740, -10, 'usable', NULL),
  ('B-GC-NC', 'E-DSL', 'D24-NC-DSL-REP', 2, 400, NULL, 'needs_repair', 20),
  ('B-JK-MH', 'E-SUB', 'D24-MH-SUB-B', 8, 300, NULL, 'usable', 60))
  AS v(base, item, lot, qty, age, expires_in, cond, tested_ago);

-- Every lot's on-hand came in as a receipt, so the ledger sums to it.
INSERT INTO stock_movements (lot_id, base_id, item_id, kind, quantity, balance, at, actor_id, actor_name, note)
SELECT l.id, l.base_id, l.item_id, 'receipt', l.quantity, l.quantity, l.created_at, u.id, u.username, '入库 (demo)'
FROM lots l CROSS JOIN users u WHERE u.username = 'admin' ORDER BY l.id;

-- Quotas (储备定额) near the holdings; every seventh line asks for more than is held.
INSERT INTO quotas (base_id, item_id, required, updated_at, updated_by)
SELECT b.id, i.id, round(t.qty * s.scale * CASE WHEN (b.id + i.id) % 7 = 0 THEN 1.4 ELSE 0.8 END),
       now(), (SELECT id FROM users WHERE username = 'admin')
FROM demo_scale s JOIN bases b ON b.code = s.base CROSS JOIN demo_typical t JOIN items i ON i.code = t.item
WHERE s.scale >= t.min_scale AND round(t.qty * s.scale * 0.8) >= 1;

INSERT INTO settings (key, value, updated_at, updated_by)
SELECT 'response_level', '{"level": "IV"}', now(), id FROM users WHERE username = 'duty';
