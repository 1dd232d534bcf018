-- Demo: double-report Party organisations of demo communities (春园社区 with branches of its co-building units)
-- and some evening-extra-hour / red-weekend shifts at 春园社区红色驿站 (CY01). Idempotent.

INSERT INTO duty_org (id, community_id, name, kind, unit_name, secretary, contact_phone, created_at) VALUES
  (1, 3, '春园社区党委', 'COMMUNITY_BRANCH', '春园社区', '刘红梅', '0710-3310003', NOW(3)),
  (2, 3, '紫贞街道双报到党员党总支', 'GENERAL_BRANCH', '紫贞街道', '王建国', '0710-3320001', NOW(3)),
  (3, 3, '襄阳铁路中学党支部', 'UNIT_BRANCH', '襄阳铁路中学', '陈志远', '0710-3330011', NOW(3)),
  (4, 3, '国网襄阳供电公司紫贞供电所党支部', 'UNIT_BRANCH', '国网襄阳供电公司紫贞供电所', '李明', '0710-3330012', NOW(3)),
  (5, 3, '春园路小学党支部', 'UNIT_BRANCH', '春园路小学', '赵丽', '0710-3330013', NOW(3)),
  (6, 3, '高新区人民法院紫贞法庭党支部', 'UNIT_BRANCH', '高新区人民法院紫贞法庭', '周正', '0710-3330014', NOW(3)),
  (7, 3, '襄阳市中心医院高新院区党支部', 'UNIT_BRANCH', '襄阳市中心医院高新院区', '吴芳', '0710-3330015', NOW(3)),
  (8, 2, '五洲医院党支部', 'UNIT_BRANCH', '五洲医院', '孙伟', '0710-3340021', NOW(3)),
  (9, 2, '陈营社区党委', 'COMMUNITY_BRANCH', '陈营社区', '郑燕', '0710-3310002', NOW(3)),
  (10, 4, '中国移动襄阳分公司党支部', 'UNIT_BRANCH', '中国移动襄阳分公司', '何勇', '0710-3350031', NOW(3)),
  (11, 11, '东风医院党支部', 'UNIT_BRANCH', '东风医院', '钱进', '0710-3360041', NOW(3)),
  (12, 11, '高新区人民检察院党支部', 'UNIT_BRANCH', '高新区人民检察院', '冯涛', '0710-3360042', NOW(3))
ON DUPLICATE KEY UPDATE community_id = VALUES(community_id), name = VALUES(name), kind = VALUES(kind),
  unit_name = VALUES(unit_name), secretary = VALUES(secretary), contact_phone = VALUES(contact_phone);

-- Evening extra hour (18:00-19:00) on the next weekdays and a red weekend morning, relative to when this is applied.
INSERT INTO duty_shift (station_id, community_id, start_at, end_at, role_name, seats, taken, org_id, status, created_at)
VALUES
  (3, 3, TIMESTAMP(CURDATE() + INTERVAL 1 DAY, '18:00:00'), TIMESTAMP(CURDATE() + INTERVAL 1 DAY, '19:00:00'), '晚间一小时', 3, 0, 3, 'OPEN', NOW(3)),
  (3, 3, TIMESTAMP(CURDATE() + INTERVAL 2 DAY, '18:00:00'), TIMESTAMP(CURDATE() + INTERVAL 2 DAY, '19:00:00'), '晚间一小时', 3, 0, 4, 'OPEN', NOW(3)),
  (3, 3, TIMESTAMP(CURDATE() + INTERVAL 3 DAY, '18:00:00'), TIMESTAMP(CURDATE() + INTERVAL 3 DAY, '19:00:00'), '晚间一小时', 3, 0, 5, 'OPEN', NOW(3)),
  (3, 3, TIMESTAMP(CURDATE() + INTERVAL 4 DAY, '09:00:00'), TIMESTAMP(CURDATE() + INTERVAL 4 DAY, '11:30:00'), '红色周末', 4, 0, 6, 'OPEN', NOW(3)),
  (3, 3, TIMESTAMP(CURDATE() + INTERVAL 5 DAY, '09:00:00'), TIMESTAMP(CURDATE() + INTERVAL 5 DAY, '11:30:00'), '红色周末·义诊', 2, 0, 7, 'OPEN', NOW(3)),
  (2, 2, TIMESTAMP(CURDATE() + INTERVAL 2 DAY, '08:30:00'), TIMESTAMP(CURDATE() + INTERVAL 2 DAY, '11:30:00'), '周三义诊', 2, 0, 8, 'OPEN', NOW(3))
ON DUPLICATE KEY UPDATE end_at = VALUES(end_at);
