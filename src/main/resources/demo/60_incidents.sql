-- Rescue teams (抢险队伍) of the three districts, their standby requirements, and one incident under way
-- (a piping on the Shiqili River) with a team deployed to it.
INSERT INTO rescue_teams (name, unit_id, leader_name, leader_phone, members, specialities, base_id, status, updated_at)
SELECT v.name, (SELECT id FROM units WHERE code = v.unit), v.leader, v.phone, v.members, v.spec::TEXT[],
  (SELECT id FROM bases WHERE code = v.base), v.status, now() - interval '2 days'
FROM (VALUES
  ('管城区防汛抢险一队', 'ZZ-GC', '刘建国', '13900000101', 30, '{sandbagging,pumps}', 'B-GC-SBLH', 'standby'),
  ('管城区防汛抢险二队', 'ZZ-GC', '陈志强', '13900000102', 24, '{sandbagging,machinery}', 'B-GC-NC', 'standby'),
  ('管城区水上救援队', 'ZZ-GC', '孙海涛', '13900000103', 12, '{boats,divers,rescue}', 'B-GC-ZJS', 'standby'),
  ('管城区排涝突击队', 'ZZ-GC', '周明', '13900000104', 16, '{pumps,electrical}', 'B-GC-DDJ', 'standby'),
  ('经开区应急抢险队', 'ZZ-JK', '吴磊', '13900000201', 28, '{sandbagging,pumps,machinery}', 'B-JK-MH', 'standby'),
  ('经开区电力抢修队', 'ZZ-JK', '郑涛', '13900000202', 10, '{electrical,communications}', 'B-JK-JL', 'resting'),
  ('惠济区黄河抢险队', 'ZZ-HJ', '王振华', '13900000301', 40, '{sandbagging,boats,machinery}', 'B-HJ-HYK', 'standby'),
  ('惠济区医疗救护队', 'ZZ-HJ', '李静', '13900000302', 8, '{medical,rescue}', 'B-HJ-GY', 'standby'))
  AS v(name, unit, leader, phone, members, spec, base, status);

INSERT INTO team_requirements (unit_id, required, updated_by, updated_at)
SELECT (SELECT id FROM units WHERE code = v.unit), v.required, (SELECT id FROM users WHERE username = 'admin'),
  now() - interval '30 days'
FROM (VALUES ('ZZ-GC', 3), ('ZZ-JK', 2), ('ZZ-HJ', 2)) AS v(unit, required);

INSERT INTO incidents (kind, title, description, unit_id, lat, lon, reach_id, severity, status, reported_by,
  reported_at, version)
SELECT 'piping', '十七里河右岸管涌', '右岸堤脚出现管涌，出水带沙，直径约10厘米 Piping at the toe of the right bank',
  r.unit_id, 34.6915, 113.7041, r.id, 'high', 'responding', (SELECT id FROM users WHERE username = 'chief'),
  now() - interval '95 minutes', 2
FROM reaches r WHERE r.code = 'SQLH-01';

INSERT INTO incident_log (incident_id, at, user_id, kind, status, note, detail)
SELECT i.id, v.at, (SELECT id FROM users WHERE username = v.who), v.kind, v.status, v.note, v.detail::jsonb
FROM incidents i, (VALUES
  (now() - interval '95 minutes', 'chief', 'report', 'reported', '右岸堤脚出现管涌，出水带沙', '{"kind":"piping","severity":"high"}'),
  (now() - interval '80 minutes', 'duty', 'status', 'responding', '已通知街道，抢险队出发 Street notified, team on its way', '{"from":"reported"}'))
  AS v(at, who, kind, status, note, detail)
WHERE i.title = '十七里河右岸管涌';

UPDATE rescue_teams SET status = 'deployed', incident_id = (SELECT id FROM incidents WHERE title = '十七里河右岸管涌'),
  version = version + 1
WHERE name = '管城区防汛抢险二队';

INSERT INTO team_deployments (team_id, incident_id, dispatched_at, dispatched_by, note)
SELECT t.id, t.incident_id, now() - interval '78 minutes', (SELECT id FROM users WHERE username = 'duty'), '反滤围井压渗'
FROM rescue_teams t WHERE t.status = 'deployed';

INSERT INTO incident_log (incident_id, at, user_id, kind, note, detail)
SELECT d.incident_id, d.dispatched_at, d.dispatched_by, 'team_dispatched', d.note,
  jsonb_build_object('teamId', d.team_id, 'teamName', t.name, 'deploymentId', d.id)
FROM team_deployments d JOIN rescue_teams t ON t.id = d.team_id;
