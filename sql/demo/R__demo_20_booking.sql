-- Demo: bookable services and weekly slot rules (idempotent). Slots are materialised by the app.
INSERT INTO booking_service (id, station_id, name, active, sort_order, created_at) VALUES
  (1, 3, '水电代办代缴', 1, 1, NOW(3)),
  (2, 3, '老年公交充值', 1, 2, NOW(3)),
  (3, 3, '老年优待证现场办理', 1, 3, NOW(3)),
  (4, 3, '法律咨询', 1, 4, NOW(3)),
  (5, 3, '健康咨询', 1, 5, NOW(3)),
  (6, 11, '法律咨询', 1, 1, NOW(3)),
  (7, 11, '健康咨询', 1, 2, NOW(3)),
  (8, 1, '水电代办代缴', 1, 1, NOW(3)),
  (9, 1, '老年公交充值', 1, 2, NOW(3))
ON DUPLICATE KEY UPDATE name = VALUES(name), active = VALUES(active), sort_order = VALUES(sort_order);

INSERT INTO booking_rule (id, station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead,
                          cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at) VALUES
  (1, 3, 'EVENING_EXTRA', '晚间一小时', '1,2,3,4,5', '18:00:00', '19:00:00', 8, 7, 60, 1, 1, NOW(3), NOW(3)),
  (2, 3, 'RED_WEEKEND', '红色周末', '6,7', '09:00:00', '11:30:00', 12, 7, 120, 1, 1, NOW(3), NOW(3)),
  (3, 11, 'RED_WEEKEND', '红色周末', '6', '14:30:00', '16:30:00', 10, 7, 120, 1, 1, NOW(3), NOW(3)),
  (4, 1, 'EVENING_EXTRA', '晚间一小时', '1,3,5', '18:30:00', '19:30:00', 6, 7, 60, 1, 1, NOW(3), NOW(3))
ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name), weekdays = VALUES(weekdays),
  start_time = VALUES(start_time), end_time = VALUES(end_time), capacity = VALUES(capacity),
  open_days_ahead = VALUES(open_days_ahead), cancel_cutoff_minutes = VALUES(cancel_cutoff_minutes),
  waitlist_enabled = VALUES(waitlist_enabled), active = VALUES(active);

INSERT IGNORE INTO booking_rule_service (rule_id, service_id) VALUES
  (1, 1), (1, 2), (1, 3), (1, 4), (1, 5),
  (2, 1), (2, 2), (2, 3), (2, 4), (2, 5),
  (3, 6), (3, 7),
  (4, 8), (4, 9);
