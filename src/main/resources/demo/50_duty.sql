-- Duty roster demo: the city flood-control office (市防汛办) is on duty day (08:00-20:00) and night
-- (20:00-08:00) last week and this week, in the district's default zone; contacts of the demo people.

UPDATE users SET email = username || '@floodready.example' WHERE username IN ('admin', 'duty', 'keeper', 'keeper_b',
  'chief', 'inspector');

INSERT INTO duty_shifts (unit_id, duty_date, start_time, end_time, leader_user_id, note, created_at, updated_at)
SELECT (SELECT id FROM units WHERE code = 'ZZ'), d::date, s.start_time, s.end_time,
  (SELECT id FROM users WHERE username = 'admin'), s.note, now(), now()
FROM generate_series(date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai')::date) - interval '7 days',
                     date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai')::date) + interval '6 days',
                     interval '1 day') AS d
CROSS JOIN (VALUES (time '08:00', time '20:00', '白班'), (time '20:00', time '08:00', '夜班'))
  AS s(start_time, end_time, note);

INSERT INTO duty_shift_officers (shift_id, user_id)
SELECT s.id, (SELECT id FROM users WHERE username = 'duty') FROM duty_shifts s;
