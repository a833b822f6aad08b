-- Demo organisation tree and one account per role. Password hashes '!demo' are replaced by
-- DemoData with the hash of the demo password after all scripts ran.

INSERT INTO units (code, name_zh, name_en, level, parent_id) VALUES
  ('ZZ', '郑州市', 'Zhengzhou', 'city', NULL);

INSERT INTO units (code, name_zh, name_en, level, parent_id)
SELECT v.code, v.zh, v.en, 'district', (SELECT id FROM units WHERE code = 'ZZ')
FROM (VALUES
  ('ZZ-GC', '管城回族区', 'Guancheng Hui District'),
  ('ZZ-JK', '经开区', 'Economic-Technological Development Zone'),
  ('ZZ-HJ', '惠济区', 'Huiji District')) AS v(code, zh, en);

INSERT INTO units (code, name_zh, name_en, level, parent_id)
SELECT v.code, v.zh, v.en, 'street', (SELECT id FROM units WHERE code = v.parent)
FROM (VALUES
  ('ZZ-GC-SBLH', '十八里河街道', 'Shibalihe Subdistrict', 'ZZ-GC'),
  ('ZZ-GC-NC', '南曹乡', 'Nancao Township', 'ZZ-GC'),
  ('ZZ-GC-ZJS', '紫荆山南路街道', 'Zijingshan South Road Subdistrict', 'ZZ-GC'),
  ('ZZ-GC-DDJ', '东大街街道', 'Dongdajie Subdistrict', 'ZZ-GC'),
  ('ZZ-JK-MH', '明湖街道', 'Minghu Subdistrict', 'ZZ-JK'),
  ('ZZ-JK-CH', '潮河街道', 'Chaohe Subdistrict', 'ZZ-JK'),
  ('ZZ-JK-JL', '九龙镇', 'Jiulong Town', 'ZZ-JK'),
  ('ZZ-HJ-HYK', '花园口镇', 'Huayuankou Town', 'ZZ-HJ'),
  ('ZZ-HJ-GY', '古荥镇', 'Guxing Town', 'ZZ-HJ'),
  ('ZZ-HJ-LZ', '刘寨街道', 'Liuzhai Subdistrict', 'ZZ-HJ')) AS v(code, zh, en, parent);

INSERT INTO units (code, name_zh, name_en, level, parent_id)
SELECT v.code, v.zh, v.en, 'community', (SELECT id FROM units WHERE code = v.parent)
FROM (VALUES
  ('ZZ-GC-NC-WT', '王桐村', 'Wangtong Village', 'ZZ-GC-NC'),
  ('ZZ-GC-NC-ZHL', '张华楼村', 'Zhanghualou Village', 'ZZ-GC-NC'),
  ('ZZ-GC-SBLH-XWZ', '小魏庄社区', 'Xiaoweizhuang Community', 'ZZ-GC-SBLH'),
  ('ZZ-JK-MH-HH', '航海社区', 'Hanghai Community', 'ZZ-JK-MH'),
  ('ZZ-HJ-HYK-MZ', '马渡村', 'Madu Village', 'ZZ-HJ-HYK')) AS v(code, zh, en, parent);

INSERT INTO users (username, display_name, password_hash, role, unit_id, phone)
SELECT v.username, v.display_name, '!demo', v.role, (SELECT id FROM units WHERE code = v.unit), v.phone
FROM (VALUES
  ('admin', '系统管理员 Admin', 'admin', 'ZZ', '0371-66000001'),
  ('duty', '值班员 王敏 (Duty officer)', 'duty_officer', 'ZZ-GC', '0371-66000110'),
  ('keeper', '仓库管理员 李强 (Base keeper)', 'base_keeper', 'ZZ-GC-SBLH', '13800000001'),
  ('chief', '河长 张伟 (River chief)', 'river_chief', 'ZZ-GC-SBLH', '13800000002'),
  ('inspector', '巡查员 赵磊 (Inspector)', 'inspector', 'ZZ-JK-MH', '13800000003'),
  ('viewer', '只读用户 (Viewer)', 'viewer', 'ZZ', NULL)) AS v(username, display_name, role, unit, phone);
