-- Demo: weekly slot rules (idempotent). Slots are materialised by the app.
-- Rules name services of the station catalogue (R__demo_10_stations.sql) that the station offers and that are
-- BOOKABLE there: 法律援助 14, 义诊与健康咨询 15, 三方联动议事 17, 四点半课堂 19, 晚间一小时 23, 红色周末 24.
INSERT INTO booking_rule (id, station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead,
                          cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at) VALUES
  (1, 3, 'EVENING_EXTRA', '晚间一小时', '1,2,3,4,5', '18:00:00', '19:00:00', 8, 7, 60, 1, 1, NOW(3), NOW(3)),
  (2, 3, 'RED_WEEKEND', '红色周末', '6,7', '09:00:00', '11:30:00', 12, 7, 120, 1, 1, NOW(3), NOW(3)),
  (3, 11, 'RED_WEEKEND', '红色周末', '6', '14:30:00', '16:30:00', 10, 7, 120, 1, 1, NOW(3), NOW(3))
ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name), weekdays = VALUES(weekdays),
  start_time = VALUES(start_time), end_time = VALUES(end_time), capacity = VALUES(capacity),
  open_days_ahead = VALUES(open_days_ahead), cancel_cutoff_minutes = VALUES(cancel_cutoff_minutes),
  waitlist_enabled = VALUES(waitlist_enabled), active = VALUES(active);

-- INSERT IGNORE keeps staff edits.
INSERT IGNORE INTO booking_rule_service (rule_id, service_id) VALUES
  (1, 23), (1, 14), (1, 15), (1, 17), (1, 19),
  (2, 24), (2, 14), (2, 15), (2, 17), (2, 19),
  (3, 14), (3, 15);
