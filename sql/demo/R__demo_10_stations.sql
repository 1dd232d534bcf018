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

-- Weekly hours (only for demo stations that have none yet, so staff edits survive a re-apply):
-- weekdays 08:30-12:00 and 14:00-18:00, the evening extra hour 18:00-19:00, red weekend Sat/Sun 09:00-11:30.
INSERT INTO station_hours (station_id, day_of_week, open_time, close_time, kind)
SELECT s.id, w.d, w.o, w.c, w.k
FROM station s
CROSS JOIN (
  SELECT 1 AS d, '08:30:00' AS o, '12:00:00' AS c, 'REGULAR' AS k UNION ALL SELECT 1, '14:00:00', '18:00:00', 'REGULAR' UNION ALL SELECT 1, '18:00:00', '19:00:00', 'EVENING_EXTRA' UNION ALL
  SELECT 2, '08:30:00', '12:00:00', 'REGULAR' UNION ALL SELECT 2, '14:00:00', '18:00:00', 'REGULAR' UNION ALL SELECT 2, '18:00:00', '19:00:00', 'EVENING_EXTRA' UNION ALL
  SELECT 3, '08:30:00', '12:00:00', 'REGULAR' UNION ALL SELECT 3, '14:00:00', '18:00:00', 'REGULAR' UNION ALL SELECT 3, '18:00:00', '19:00:00', 'EVENING_EXTRA' UNION ALL
  SELECT 4, '08:30:00', '12:00:00', 'REGULAR' UNION ALL SELECT 4, '14:00:00', '18:00:00', 'REGULAR' UNION ALL SELECT 4, '18:00:00', '19:00:00', 'EVENING_EXTRA' UNION ALL
  SELECT 5, '08:30:00', '12:00:00', 'REGULAR' UNION ALL SELECT 5, '14:00:00', '18:00:00', 'REGULAR' UNION ALL SELECT 5, '18:00:00', '19:00:00', 'EVENING_EXTRA' UNION ALL
  SELECT 6, '09:00:00', '11:30:00', 'RED_WEEKEND' UNION ALL SELECT 7, '09:00:00', '11:30:00', 'RED_WEEKEND'
) w
WHERE s.id BETWEEN 1 AND 12
  AND NOT EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id);

-- The service catalogue: the services the article names.
INSERT INTO service_item (id, name, category, description, usage_mode, enabled, created_at, updated_at) VALUES
  (1, '免费手机充电', '便民服务', '多种接口充电线，随到随充', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (2, '报刊阅读', '文化学习', '当日报纸和期刊', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (3, '爱心雨具', '便民服务', '雨伞借用，用后归还', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (4, '医药箱', '健康医疗', '常用药品、创可贴、血压计', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (5, '微波炉加热', '便民服务', '饭菜加热', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (6, '饮用热水', '便民服务', '免费开水', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (7, '电视观看', '文化学习', '休息时看看电视', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (8, '座椅遮阳歇脚', '便民服务', '桌椅、遮阳棚，走累了歇一歇', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (9, '水电代办代缴', '事务代办', '水费、电费代缴', 'STAFFED', 1, NOW(3), NOW(3)),
  (10, '老年公交充值', '事务代办', '老年公交卡充值', 'STAFFED', 1, NOW(3), NOW(3)),
  (11, '老年优待证办理', '事务代办', '现场办理老年优待证，请带身份证和一寸照片', 'STAFFED', 1, NOW(3), NOW(3)),
  (12, '政策咨询', '事务代办', '社保、医保、低保等政策解答', 'STAFFED', 1, NOW(3), NOW(3)),
  (13, '事务代办', '事务代办', '各类证明和手续帮您跑腿', 'STAFFED', 1, NOW(3), NOW(3)),
  (14, '法律援助', '法律调解', '律师和检察官答疑、普法讲座', 'BOOKABLE', 1, NOW(3), NOW(3)),
  (15, '义诊与健康咨询', '健康医疗', '医生坐诊，量血压、测血糖', 'BOOKABLE', 1, NOW(3), NOW(3)),
  (16, '物业问题解答', '议事协商', '物业收费、维修等问题', 'STAFFED', 1, NOW(3), NOW(3)),
  (17, '三方联动议事', '议事协商', '居委会、业委会、物业公司一起商量小区的事', 'BOOKABLE', 1, NOW(3), NOW(3)),
  (18, '矛盾调处', '法律调解', '邻里纠纷调解', 'STAFFED', 1, NOW(3), NOW(3)),
  (19, '四点半课堂', '文化学习', '放学后作业辅导和兴趣课', 'BOOKABLE', 1, NOW(3), NOW(3)),
  (20, '老年人活动室', '老年服务', '棋牌、聊天、健身', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (21, '图书阅读', '文化学习', '图书借阅', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (22, '复称', '便民服务', '买菜回来复称，缺斤短两帮您找', 'SELF_SERVICE', 1, NOW(3), NOW(3)),
  (23, '晚间一小时', '延时服务', '工作日下班后延时服务，党员轮值', 'BOOKABLE', 1, NOW(3), NOW(3)),
  (24, '红色周末', '延时服务', '周末服务日', 'BOOKABLE', 1, NOW(3), NOW(3)),
  (25, '党员活动室', '党建服务', '双报到党员学习和活动', 'STAFFED', 1, NOW(3), NOW(3))
ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), description = VALUES(description),
  usage_mode = VALUES(usage_mode);

-- What to bring (shown on the booking form, the result page and in the reminder).
UPDATE service_item SET what_to_bring = '身份证、一寸照片' WHERE id = 11;
UPDATE service_item SET what_to_bring = '身份证、相关材料或合同' WHERE id = 14;
UPDATE service_item SET what_to_bring = '医保卡、近期病历或体检报告' WHERE id = 15;
UPDATE service_item SET what_to_bring = '身份证' WHERE id = 10;

-- What each demo station offers (春园社区: 21 services). INSERT IGNORE keeps staff edits.
INSERT IGNORE INTO station_service (station_id, service_id, sort_order, note, hours) VALUES
  (1, 2, 1, NULL, NULL), (1, 6, 2, NULL, NULL), (1, 8, 3, '广场和文化长廊', NULL), (1, 12, 4, NULL, NULL), (1, 20, 5, NULL, NULL), (1, 21, 6, NULL, NULL),
  (2, 15, 1, '五洲医院医生坐诊', '每周三 09:00-11:30'), (2, 4, 2, NULL, NULL), (2, 6, 3, NULL, NULL), (2, 12, 4, NULL, NULL),
  (3, 1, 1, NULL, NULL), (3, 2, 2, NULL, NULL), (3, 3, 3, NULL, NULL), (3, 4, 4, NULL, NULL), (3, 5, 5, NULL, NULL),
  (3, 6, 6, NULL, NULL), (3, 9, 7, NULL, NULL), (3, 10, 8, NULL, NULL), (3, 11, 9, '请带身份证和一寸照片', NULL),
  (3, 12, 10, NULL, NULL), (3, 13, 11, NULL, NULL), (3, 14, 12, '共建单位律师轮值', NULL), (3, 15, 13, NULL, NULL),
  (3, 17, 14, '三方议事室', NULL), (3, 18, 15, NULL, NULL), (3, 19, 16, '放学后', '工作日 16:30-18:00'),
  (3, 20, 17, '老年人之家', NULL), (3, 21, 18, NULL, NULL), (3, 23, 19, NULL, '工作日 18:00-19:00'),
  (3, 24, 20, NULL, '周六、周日 09:00-11:30'), (3, 25, 21, '党员之家', NULL),
  (4, 1, 1, NULL, NULL), (4, 2, 2, NULL, NULL), (4, 6, 3, NULL, NULL), (4, 12, 4, NULL, NULL), (4, 13, 5, NULL, NULL),
  (5, 1, 1, NULL, NULL), (5, 3, 2, NULL, NULL), (5, 6, 3, NULL, NULL), (5, 8, 4, NULL, NULL), (5, 13, 5, NULL, NULL),
  (6, 6, 1, NULL, NULL), (6, 9, 2, NULL, NULL), (6, 10, 3, NULL, NULL), (6, 12, 4, NULL, NULL), (6, 13, 5, NULL, NULL),
  (7, 22, 1, '市场门口，免费复称', NULL), (7, 5, 2, NULL, NULL), (7, 8, 3, NULL, NULL), (7, 6, 4, NULL, NULL), (7, 1, 5, NULL, NULL),
  (8, 1, 1, NULL, NULL), (8, 2, 2, NULL, NULL), (8, 6, 3, NULL, NULL), (8, 13, 4, NULL, NULL), (8, 16, 5, NULL, NULL), (8, 17, 6, NULL, NULL),
  (9, 8, 1, '红色休闲长廊', NULL), (9, 2, 2, NULL, NULL), (9, 20, 3, NULL, NULL), (9, 1, 4, NULL, NULL),
  (10, 1, 1, NULL, NULL), (10, 3, 2, NULL, NULL), (10, 6, 3, NULL, NULL), (10, 8, 4, NULL, NULL), (10, 12, 5, NULL, NULL),
  (11, 14, 1, '区检察院每月普法讲座', '每月一次'), (11, 15, 2, '东风医院健康讲座', '每月一次'), (11, 12, 3, NULL, NULL), (11, 1, 4, NULL, NULL), (11, 8, 5, NULL, NULL),
  (12, 17, 1, '三方联动议事厅', NULL), (12, 18, 2, '矛盾调处中心', NULL), (12, 16, 3, NULL, NULL), (12, 12, 4, '民意角', NULL), (12, 13, 5, NULL, NULL);
