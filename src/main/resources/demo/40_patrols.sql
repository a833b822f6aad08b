-- River chiefs demo: five rivers around Zhengzhou split into reaches in the demo streets, one chief
-- per reach (the demo user 'chief' has three), patrols with GPS tracks (one reach overdue, one fake
-- patrol), and hazards at every stage of the workflow (one overdue and escalated). Times are relative
-- to when the demo is loaded.

INSERT INTO users (username, display_name, password_hash, role, unit_id, phone)
SELECT v.username, v.display_name, '!demo', 'river_chief', (SELECT id FROM units WHERE code = v.unit), v.phone
FROM (VALUES
  ('chief2', '河长 李娜 (River chief, Nancao)', 'ZZ-GC-NC', '13800000012'),
  ('chief3', '河长 陈刚 (River chief, Zijingshan)', 'ZZ-GC-ZJS', '13800000013'),
  ('chief4', '河长 刘洋 (River chief, Minghu)', 'ZZ-JK-MH', '13800000014'),
  ('chief5', '河长 孙丽 (River chief, Chaohe)', 'ZZ-JK-CH', '13800000015'),
  ('citychief', '市级河长 周建国 (City river chief)', 'ZZ', '13800000016')) AS v(username, display_name, unit, phone);

INSERT INTO rivers (code, name_zh, name_en) VALUES
  ('SQLH', '十七里河', 'Shiqili River'),
  ('XEH', '熊耳河', 'Xiong''er River'),
  ('JSH', '金水河', 'Jinshui River'),
  ('QLH', '七里河', 'Qili River'),
  ('CH', '潮河', 'Chao River');

INSERT INTO reaches (river_id, code, name_zh, name_en, unit_id, geometry, length_m, chief_user_id, chief_level, created_at)
SELECT (SELECT id FROM rivers WHERE code = v.river), v.code, v.zh, v.en, (SELECT id FROM units WHERE code = v.unit),
  jsonb_build_object('type', 'LineString', 'coordinates', v.coords::jsonb), 0,
  (SELECT id FROM users WHERE username = v.chief), v.level, now() - interval '1 year'
FROM (VALUES
  ('SQLH', 'SQLH-01', '十七里河 十八里河段', 'Shiqili River, Shibalihe reach', 'ZZ-GC-SBLH', 'chief', 'township',
    '[[113.680,34.690],[113.695,34.688],[113.710,34.685],[113.722,34.683]]'),
  ('SQLH', 'SQLH-02', '十七里河 小魏庄段', 'Shiqili River, Xiaoweizhuang reach', 'ZZ-GC-SBLH-XWZ', 'chief', 'village',
    '[[113.722,34.683],[113.735,34.681],[113.748,34.679]]'),
  ('SQLH', 'SQLH-03', '十七里河 南曹段', 'Shiqili River, Nancao reach', 'ZZ-GC-NC', 'chief2', 'township',
    '[[113.748,34.679],[113.760,34.676],[113.775,34.672]]'),
  ('XEH', 'XEH-01', '熊耳河 紫荆山南路段', 'Xiong''er River, Zijingshan South Road reach', 'ZZ-GC-ZJS', 'chief3', 'township',
    '[[113.670,34.752],[113.685,34.748],[113.698,34.745]]'),
  ('JSH', 'JSH-01', '金水河 东大街段', 'Jinshui River, Dongdajie reach', 'ZZ-GC-DDJ', 'chief3', 'township',
    '[[113.655,34.772],[113.668,34.768],[113.680,34.763]]'),
  ('JSH', 'JSH-02', '金水河 市区段', 'Jinshui River, city reach', 'ZZ-GC-DDJ', 'citychief', 'city',
    '[[113.620,34.790],[113.635,34.784],[113.650,34.777],[113.655,34.772]]'),
  ('QLH', 'QLH-01', '七里河 十八里河段', 'Qili River, Shibalihe reach', 'ZZ-GC-SBLH', 'chief', 'village',
    '[[113.700,34.700],[113.712,34.704],[113.725,34.708]]'),
  ('QLH', 'QLH-02', '七里河 明湖段', 'Qili River, Minghu reach', 'ZZ-JK-MH', 'chief4', 'township',
    '[[113.725,34.708],[113.740,34.712],[113.755,34.715]]'),
  ('CH', 'CH-01', '潮河 潮河段', 'Chao River, Chaohe reach', 'ZZ-JK-CH', 'chief5', 'township',
    '[[113.760,34.700],[113.772,34.708],[113.785,34.716]]'),
  ('CH', 'CH-02', '潮河 九龙段', 'Chao River, Jiulong reach', 'ZZ-JK-JL', 'chief5', 'county',
    '[[113.785,34.716],[113.795,34.725],[113.798,34.738]]')
) AS v(river, code, zh, en, unit, chief, level, coords);

-- Haversine length of each reach (mean earth radius 6371008.8 m), as the server computes it.
UPDATE reaches r SET length_m = s.len
FROM (
  SELECT seg.id, sum(2 * 6371008.8 * asin(sqrt(power(sin(radians(seg.y2 - seg.y1) / 2), 2)
      + cos(radians(seg.y1)) * cos(radians(seg.y2)) * power(sin(radians(seg.x2 - seg.x1) / 2), 2)))) AS len
  FROM (
    SELECT r2.id, (e.c->>0)::float8 AS x2, (e.c->>1)::float8 AS y2,
      lag((e.c->>0)::float8) OVER (PARTITION BY r2.id ORDER BY e.i) AS x1,
      lag((e.c->>1)::float8) OVER (PARTITION BY r2.id ORDER BY e.i) AS y1
    FROM reaches r2, jsonb_array_elements(r2.geometry->'coordinates') WITH ORDINALITY AS e(c, i)) seg
  WHERE seg.x1 IS NOT NULL
  GROUP BY seg.id) s
WHERE s.id = r.id;

-- Patrols walk their reach: the reach's line with ten fixes per segment, evenly spaced in time.
CREATE TEMP TABLE demo_patrols ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, v.*
FROM (VALUES
  ('SQLH-01', 'chief', interval '3 days', 55, '雨前排查：堤岸完好，无垃圾堆放', NULL),
  ('SQLH-02', 'chief', interval '1 day', 35, '例行巡河', '发现一处排污口有异常排放'),
  ('SQLH-02', 'chief', interval '8 days', 30, '例行巡河', NULL),
  ('QLH-01', 'chief', interval '20 days', 30, '例行巡河', NULL),
  ('SQLH-03', 'chief2', interval '5 days', 40, '雨中巡查：水位正常', '涵洞进口有淤积'),
  ('SQLH-03', 'chief2', interval '2 hours', 2, '巡河', NULL),
  ('XEH-01', 'chief3', interval '10 days', 35, '例行巡河', NULL),
  ('JSH-01', 'chief3', interval '2 days', 30, '雨后核查', '水面有漂浮垃圾'),
  ('JSH-02', 'citychief', interval '40 days', 60, '市级河长巡河', NULL),
  ('QLH-02', 'chief4', interval '6 days', 40, '例行巡河', NULL),
  ('CH-01', 'chief5', interval '4 days', 45, '例行巡河', '堤脚有渗水迹象'),
  ('CH-02', 'chief5', interval '30 days', 50, '县级河长巡河', NULL)
) AS v(reach, who, ago, minutes, notes, findings);

CREATE TEMP TABLE demo_points ON COMMIT DROP AS
SELECT d.id, row_number() OVER (PARTITION BY d.id ORDER BY seg.i, f.j) - 1 AS idx,
  seg.x + coalesce(seg.nx - seg.x, 0) * f.j / 10.0 AS lon,
  seg.y + coalesce(seg.ny - seg.y, 0) * f.j / 10.0 AS lat
FROM demo_patrols d JOIN reaches r ON r.code = d.reach,
  LATERAL (SELECT e.i, (e.c->>0)::float8 AS x, (e.c->>1)::float8 AS y,
      lead((e.c->>0)::float8) OVER (ORDER BY e.i) AS nx, lead((e.c->>1)::float8) OVER (ORDER BY e.i) AS ny
    FROM jsonb_array_elements(r.geometry->'coordinates') WITH ORDINALITY AS e(c, i)) seg,
  LATERAL generate_series(0, CASE WHEN seg.nx IS NULL THEN 0 ELSE 9 END) AS f(j);

INSERT INTO patrols (id, reach_id, patroller_id, started_at, ended_at, track, point_count, distance_m, duration_s,
  max_speed_kmh, nearest_to_reach_m, counted, not_counted_reason, flags, notes, findings, created_at)
SELECT d.id, r.id, u.id, now() - d.ago, now() - d.ago + d.minutes * interval '1 minute',
  jsonb_build_object(
    'coordinates', (SELECT jsonb_agg(jsonb_build_array(round(p.lon::numeric, 6), round(p.lat::numeric, 6)) ORDER BY p.idx)
      FROM demo_points p WHERE p.id = d.id),
    'times', (SELECT jsonb_agg(round((extract(epoch FROM now() - d.ago) + p.idx * d.minutes * 60.0 / (n.cnt - 1)) * 1000)::bigint
      ORDER BY p.idx) FROM demo_points p WHERE p.id = d.id)),
  n.cnt, round(r.length_m::numeric, 1), d.minutes * 60,
  round((r.length_m / 1000 / (d.minutes / 60.0))::numeric, 1), 0,
  d.minutes >= 10, CASE WHEN d.minutes < 10 THEN format('too short: lasted %s min, the minimum is 10 min', d.minutes) END,
  CASE WHEN r.length_m / 1000 / (d.minutes / 60.0) * 1.1 > 30 THEN '["fast_segment"]'::jsonb ELSE '[]'::jsonb END,
  d.notes, d.findings, now() - d.ago + d.minutes * interval '1 minute'
FROM demo_patrols d JOIN reaches r ON r.code = d.reach JOIN users u ON u.username = d.who,
  LATERAL (SELECT count(*) AS cnt FROM demo_points p WHERE p.id = d.id) n;

-- Hazards at every stage. Keyed by description below to attach their events.
INSERT INTO hazards (reach_id, unit_id, type, severity, lat, lon, description, status, reported_by, reported_at,
  assigned_unit_id, assigned_at, deadline_at, rectification_note, rectified_at, escalated_at, closed_at, closed_by,
  updated_at)
SELECT r.id, r.unit_id, v.type, v.severity, v.lat, v.lon, v.description, v.status,
  (SELECT id FROM users WHERE username = v.reporter), now() - v.reported_ago,
  CASE WHEN v.status <> 'reported' THEN r.unit_id END,
  CASE WHEN v.status <> 'reported' THEN now() - v.reported_ago + interval '1 day' END,
  CASE WHEN v.status <> 'reported' THEN now() - v.reported_ago + interval '1 day' + v.days * interval '1 day' END,
  CASE WHEN v.status IN ('rectified', 'closed') THEN '已完成整改，见整改照片' END,
  CASE WHEN v.status IN ('rectified', 'closed') THEN now() - v.reported_ago + interval '5 days' END,
  CASE WHEN v.escalated THEN now() - interval '1 day' END,
  CASE WHEN v.status = 'closed' THEN now() - v.reported_ago + interval '7 days' END,
  CASE WHEN v.status = 'closed' THEN (SELECT id FROM users WHERE username = 'duty') END,
  now() - interval '1 hour'
FROM (VALUES
  ('SQLH-01', 'bank', 'high', 34.6865, 113.7020, '右岸约20米岸坡局部坍塌 Bank slope partly collapsed (20 m, right bank)',
    'rectifying', 'chief', interval '4 days', 10, false),
  ('SQLH-02', 'outfall', 'medium', 34.6815, 113.7360, '排污口异常排放 Outfall discharging abnormally',
    'reported', 'chief', interval '1 day', 0, false),
  ('SQLH-03', 'blocked_culvert', 'high', 34.6770, 113.7570, '涵洞进口淤堵 Culvert inlet blocked with silt',
    'assigned', 'chief2', interval '12 days', 7, true),
  ('XEH-01', 'signboard', 'low', 34.7490, 113.6830, '河长公示牌损坏 River-chief signboard damaged',
    'closed', 'chief3', interval '30 days', 10, false),
  ('JSH-01', 'water_surface', 'medium', 34.7660, 113.6720, '水面漂浮垃圾 Floating rubbish on the water',
    'rectified', 'chief3', interval '8 days', 7, false),
  ('CH-01', 'seepage_piping', 'high', 34.7075, 113.7710, '堤脚渗水 Seepage at the toe of the levee',
    'assigned', 'duty', interval '3 days', 6, false)
) AS v(reach, type, severity, lat, lon, description, status, reporter, reported_ago, days, escalated)
JOIN reaches r ON r.code = v.reach;

INSERT INTO hazard_events (hazard_id, at, actor_id, actor_name, action, from_status, to_status, reason)
SELECT h.id, e.at, u.id, coalesce(u.username, 'system'), e.action, e.from_status, e.to_status, e.reason
FROM hazards h
CROSS JOIN LATERAL (VALUES
  (h.reported_at, 'report', NULL, 'reported', NULL, h.reported_by, 0),
  (h.assigned_at, 'assign', 'reported', 'assigned', '请属地街道限期整改', (SELECT id FROM users WHERE username = 'duty'), 1),
  (h.assigned_at + interval '1 hour', 'start', 'assigned', 'rectifying', NULL,
    (SELECT id FROM users WHERE username = 'duty'), 2),
  (h.rectified_at, 'rectify', 'rectifying', 'rectified', h.rectification_note, h.reported_by, 3),
  (h.closed_at, 'verify', 'rectified', 'closed', '现场核查合格，销号', h.closed_by, 4),
  (h.escalated_at, 'escalate', h.status, h.status, 'overdue: past its deadline (挂牌督办)', NULL, 5)
) AS e(at, action, from_status, to_status, reason, actor, step)
LEFT JOIN users u ON u.id = e.actor
WHERE e.at IS NOT NULL
  AND (e.step <> 2 OR h.status IN ('rectifying', 'rectified', 'closed'));

-- A small evidence photo (1x1 PNG) for the hazards reported rectified.
INSERT INTO hazard_photos (hazard_id, kind, content_type, size_bytes, data, uploaded_by, uploaded_at)
SELECT h.id, 'evidence', 'image/png', length(p.data), p.data, h.reported_by, h.rectified_at - interval '10 minutes'
FROM hazards h, (SELECT decode('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8b9d80000000049454e44ae426082', 'hex') AS data) p
WHERE h.rectified_at IS NOT NULL;
