-- Demo checkpoints: three reservoirs (levels in m, flood-limit levels by season; test data, not
-- authoritative) and six waterlogging points (thresholds in cm). A few recent readings leave
-- 烟厂西街 at yellow with an open alert; the demo inspector covers three checkpoints.

INSERT INTO checkpoints (code, kind, name_zh, name_en, unit_id, lat, lon, bed_level, dead_level, normal_pool_level,
  flood_high_level, design_flood_level, check_flood_level, crest_level, created_at, updated_at)
SELECT v.code, 'reservoir', v.zh, v.en, (SELECT id FROM units WHERE code = v.unit), v.lat, v.lon,
  v.bed, v.dead, v.normal, v.high, v.design, v.chk, v.crest, now(), now()
FROM (VALUES
  ('RES-XWZ', '小魏庄水库', 'Xiaoweizhuang Reservoir', 'ZZ-GC-SBLH-XWZ', 34.6612, 113.7408,
    118.00, 120.00, 128.50, 131.00, 132.60, 133.80, 135.00),
  ('RES-JG', '尖岗水库', 'Jiangang Reservoir', 'ZZ-GC-NC', 34.6395, 113.5541,
    138.00, 141.00, 152.00, 154.00, 155.20, 156.80, 158.50),
  ('RES-CZ', '常庄水库', 'Changzhuang Reservoir', 'ZZ-HJ-GY', 34.7248, 113.5633,
    108.00, 110.50, 119.50, 121.00, 122.10, 123.40, 125.00)
) AS v(code, zh, en, unit, lat, lon, bed, dead, normal, high, design, chk, crest);

INSERT INTO flood_limit_periods (checkpoint_id, name, start_md, end_md, level)
SELECT (SELECT id FROM checkpoints WHERE code = v.code), v.name, v.start_md, v.end_md, v.level
FROM (VALUES
  ('RES-XWZ', '汛前过渡期 pre-season transition', '05-16', '05-31', 127.50),
  ('RES-XWZ', '主汛期 main flood season', '06-01', '08-15', 126.50),
  ('RES-XWZ', '后汛期 late season', '08-16', '09-30', 127.50),
  ('RES-JG', '主汛期 main flood season', '06-01', '08-31', 150.55),
  ('RES-JG', '后汛期 late season', '09-01', '09-30', 151.50),
  ('RES-CZ', '主汛期 main flood season', '06-01', '08-31', 117.00),
  ('RES-CZ', '后汛期 late season', '09-01', '09-30', 118.00)
) AS v(code, name, start_md, end_md, level);

INSERT INTO checkpoints (code, kind, name_zh, name_en, unit_id, lat, lon, point_kind, watch_cm, attention_cm,
  close_road_cm, severe_cm, created_at, updated_at)
SELECT v.code, 'waterlogging', v.zh, v.en, (SELECT id FROM units WHERE code = v.unit), v.lat, v.lon, v.kind,
  v.w, v.a, v.c, v.s, now(), now()
FROM (VALUES
  ('WL-HHL-JCGS', '航海路机场高速北涵洞', 'Hanghai Road culvert north of the Airport Expressway', 'ZZ-JK-MH-HH',
    34.7152, 113.7836, 'culvert', 10, 15, 25, 40),
  ('WL-YCXJ', '烟厂西街', 'Yanchang West Street', 'ZZ-GC-DDJ', 34.7478, 113.6791, 'road', 10, 15, 25, 40),
  ('WL-HJ', '后街', 'Hou Street', 'ZZ-GC-ZJS', 34.7505, 113.6748, 'road', 10, 15, 25, 40),
  ('WL-ZJSL-SD', '紫荆山路下穿隧道', 'Zijingshan Road tunnel', 'ZZ-GC-ZJS', 34.7561, 113.6862, 'tunnel', 5, 10, 20, 30),
  ('WL-DBDJ-XC', '第八大街铁路桥下穿', 'Eighth Avenue railway underpass', 'ZZ-JK-CH', 34.7003, 113.7521,
    'underpass', 5, 10, 20, 30),
  ('WL-JSL-LJ', '江山路立交桥下', 'Jiangshan Road interchange', 'ZZ-HJ-LZ', 34.8451, 113.6418, 'road', 10, 15, 25, 40)
) AS v(code, zh, en, unit, lat, lon, kind, w, a, c, s);

INSERT INTO checkpoint_services (checkpoint_id, kind, name, quantity)
SELECT (SELECT id FROM checkpoints WHERE code = v.code), v.kind, v.name, v.qty
FROM (VALUES
  ('WL-HHL-JCGS', 'pump_truck', '经开区排水抢险车 Drainage pump truck', 1),
  ('WL-HHL-JCGS', 'pump', '潜水泵 Submersible pumps', 4),
  ('WL-YCXJ', 'pump', '潜水泵 Submersible pumps', 2),
  ('WL-YCXJ', 'base', '管城区防汛物资基地 Guancheng flood-supply base', NULL),
  ('WL-HJ', 'pump', '潜水泵 Submersible pumps', 2),
  ('WL-ZJSL-SD', 'pump_station', '紫荆山路隧道泵站 Tunnel pump station', 1),
  ('WL-DBDJ-XC', 'pump', '柴油泵 Diesel pumps', 2),
  ('WL-JSL-LJ', 'pump', '潜水泵 Submersible pumps', 2)
) AS v(code, kind, name, qty);

INSERT INTO checkpoint_inspectors (checkpoint_id, user_id)
SELECT c.id, (SELECT id FROM users WHERE username = 'inspector')
FROM checkpoints c WHERE c.code IN ('WL-HHL-JCGS', 'WL-YCXJ', 'RES-XWZ');

INSERT INTO readings (checkpoint_id, source_id, source_name, measured_at, value, received_at)
SELECT (SELECT id FROM checkpoints WHERE code = v.code), u.id, u.username,
  date_trunc('minute', now()) - v.ago, v.value, now()
FROM (VALUES
  ('RES-XWZ', interval '6 hours', 126.42), ('RES-XWZ', interval '3 hours', 126.47),
  ('RES-XWZ', interval '1 hour', 126.51),
  ('RES-JG', interval '2 hours', 149.18), ('RES-JG', interval '1 hour', 149.21),
  ('RES-CZ', interval '2 hours', 116.05), ('RES-CZ', interval '1 hour', 116.08),
  ('WL-HJ', interval '20 minutes', 3.0),
  ('WL-HHL-JCGS', interval '40 minutes', 6.0), ('WL-HHL-JCGS', interval '10 minutes', 9.0),
  ('WL-YCXJ', interval '45 minutes', 8.0), ('WL-YCXJ', interval '30 minutes', 12.0),
  ('WL-YCXJ', interval '15 minutes', 17.0)
) AS v(code, ago, value)
-- the inspector reads his own checkpoints; the duty room logs the others from phone reports
JOIN users u ON u.username = CASE WHEN v.code IN ('RES-XWZ', 'WL-HHL-JCGS', 'WL-YCXJ') THEN 'inspector' ELSE 'duty' END;

INSERT INTO checkpoint_state (checkpoint_id, level, level_since, reason, last_value, last_reading_at, evaluated_value,
  evaluated_at, updated_at)
SELECT c.id, 'none', NULL, 'below all thresholds', r.value, r.measured_at, r.value, r.measured_at, now()
FROM checkpoints c
LEFT JOIN LATERAL (SELECT value, measured_at FROM readings WHERE checkpoint_id = c.id
  ORDER BY measured_at DESC LIMIT 1) r ON TRUE;

UPDATE checkpoint_state SET level = 'yellow', level_since = evaluated_at,
  reason = '积水关注 attention depth: 17.00 cm >= 15.00 cm'
WHERE checkpoint_id = (SELECT id FROM checkpoints WHERE code = 'WL-YCXJ');

INSERT INTO alerts (checkpoint_id, kind, level, status, reason, trigger_value, trigger_at, raised_at, level_raised_at,
  updated_at)
SELECT s.checkpoint_id, 'level', 'yellow', 'raised', s.reason, s.evaluated_value, s.evaluated_at, s.evaluated_at,
  s.evaluated_at, s.evaluated_at
FROM checkpoint_state s WHERE s.level = 'yellow';

INSERT INTO alert_events (alert_id, at, action, status, level, actor_id, actor_name, comment)
SELECT id, raised_at, 'raised', status, level, NULL, 'system', reason FROM alerts;
