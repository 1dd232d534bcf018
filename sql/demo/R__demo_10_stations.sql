-- Demo: the streets, communities and stations named in the source article (襄阳高新区).
-- Idempotent: re-applied whenever this file changes. Coordinates are plausible, not surveyed.

INSERT INTO street (id, name, kind) VALUES
  (1, '七里河街道', 'STREET'),
  (2, '紫贞街道', 'STREET'),
  (3, '团山镇', 'TOWN'),
  (4, '米庄镇', 'TOWN'),
  (5, '东风街道', 'STREET')
ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind);

INSERT INTO community (id, street_id, name, phone) VALUES
  (1, 1, '大石桥社区', '0710-3310001'),
  (2, 1, '陈营社区', '0710-3310002'),
  (3, 2, '春园社区', '0710-3310003'),
  (4, 2, '园林社区', '0710-3310004'),
  (5, 3, '中车社区', '0710-3310005'),
  (6, 4, '官庄社区', '0710-3310006'),
  (7, 4, '谢洼社区', '0710-3310007'),
  (8, 4, '车城湖社区', '0710-3310008'),
  (9, 5, '五月花社区', '0710-3310009'),
  (10, 5, '鼎府社区', '0710-3310010'),
  (11, 5, '车城社区', '0710-3310011'),
  (12, 5, '东风社区', '0710-3310012')
ON DUPLICATE KEY UPDATE street_id = VALUES(street_id), name = VALUES(name), phone = VALUES(phone);

INSERT INTO station (id, code, community_id, name, address, latitude, longitude, phone, build_type, co_building_unit,
                     photo_url, status, notice, created_at, updated_at) VALUES
  (1, 'DSQ01', 1, '大石桥社区红色驿站', '七里河街道大石桥小区物业用房（文化长廊旁）', 32.0912300, 112.1721500, '0710-3310101', 'REBUILT', NULL, NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (2, 'CYG01', 2, '陈营社区·五洲医院红色驿站', '七里河街道五洲医院临街门面', 32.0865400, 112.1650200, '0710-3310102', 'CO_BUILT', '五洲医院党支部', NULL, 'OPEN', '每周三上午义诊', NOW(3), NOW(3)),
  (3, 'CY01', 3, '春园社区红色驿站', '紫贞街道铁路游泳池小区移交用房', 32.0781200, 112.1432100, '0710-3310103', 'REBUILT', NULL, NULL, 'OPEN', '工作日晚间一小时、周末红色周末照常服务', NOW(3), NOW(3)),
  (4, 'YL01', 4, '园林社区·齐星小区红色驿站', '紫贞街道齐星小区', 32.0745600, 112.1398700, '0710-3310104', 'CO_BUILT', '中国移动襄阳分公司', NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (5, 'ZC01', 5, '中车社区红色驿站', '团山镇中车家属区B区入口门房', 32.0603400, 112.1987600, '0710-3310105', 'REBUILT', NULL, NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (6, 'GZ01', 6, '官庄社区红色驿站', '米庄镇官庄安置小区水泵房', 32.1023400, 112.2154300, '0710-3310106', 'REBUILT', NULL, NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (7, 'XW01', 7, '谢洼社区·农贸市场红色驿站', '米庄镇谢洼农贸市场大门旁', 32.1087600, 112.2231200, '0710-3310107', 'NEW', NULL, NULL, 'OPEN', '复称、加热、歇脚，赶集就来', NOW(3), NOW(3)),
  (8, 'CCH01', 8, '车城湖社区·东湖国际花园红色驿站', '米庄镇东湖国际花园临街商铺（70平方米）', 32.0998700, 112.2065400, '0710-3310108', 'REBUILT', NULL, NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (9, 'WYH01', 9, '五月花社区红色驿站', '东风街道五月花小区前广场（红色休闲长廊）', 32.0689900, 112.1576500, '0710-3310109', 'NEW', NULL, NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (10, 'DF01', 10, '鼎府社区·华宇苑红色驿站', '东风街道华宇苑小区大门（腾飞广场旁）', 32.0654300, 112.1623400, '0710-3310110', 'NEW', NULL, NULL, 'OPEN', NULL, NOW(3), NOW(3)),
  (11, 'CC01', 11, '车城社区·富康商业街红色驿站', '东风街道富康商业街', 32.0632100, 112.1689900, '0710-3310111', 'NEW', NULL, NULL, 'OPEN', '每月一次检察院、东风置业、东风医院普法与健康讲座', NOW(3), NOW(3)),
  (12, 'DFS01', 12, '东风社区·龙轩苑红色驿站', '东风街道龙轩苑、佳园二期', 32.0610200, 112.1543200, '0710-3310112', 'REBUILT', NULL, NULL, 'OPEN', '三方联动议事厅、民意角、矛盾调处中心', NOW(3), NOW(3))
ON DUPLICATE KEY UPDATE code = VALUES(code), community_id = VALUES(community_id), name = VALUES(name),
  address = VALUES(address), latitude = VALUES(latitude), longitude = VALUES(longitude), phone = VALUES(phone),
  build_type = VALUES(build_type), co_building_unit = VALUES(co_building_unit);
