-- Demo supply requests: one street account (role requester) that files requests for 十八里河街道 and
-- confirms what arrives. Requests themselves are made through the API, as a street would.
INSERT INTO users (username, display_name, password_hash, role, unit_id, phone)
SELECT 'street', '街道申请人 刘洋 (Street requester)', '!demo', 'requester', id, '13800000005'
FROM units WHERE code = 'ZZ-GC-SBLH';
