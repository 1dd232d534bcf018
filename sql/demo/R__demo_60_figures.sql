-- Demo: the duty and booking side of 东风社区 (12), so every figure of GET /api/staff/figures is non-zero for it:
-- approved Party members with resource lists (and one application waiting), an evening shift served, and a red
-- weekend slot with attended, no-show and cancelled bookings. Fixed dates in October 2025 (beside the needs of
-- R__demo_50_wish.sql, whose users it reuses); the slot's rule is inactive, so no new slots appear at the station.
-- WishFiguresIT counts on these rows exactly. Ids from 9001. Idempotent.

-- 周律师 and 钱护士 double-reported to 东风社区 (the role follows the approval; app_user belongs to auth: demo seed only)
UPDATE app_user SET roles = 'MEMBER,RESIDENT' WHERE id IN (9101, 9103);

INSERT INTO duty_org (id, community_id, name, kind, unit_name, secretary, contact_phone, created_at) VALUES
  (9001, 12, '东风社区双报到党员党支部', 'UNIT_BRANCH', '东风社区', '周正明', '0710-3360012', '2025-09-01 09:00:00')
ON DUPLICATE KEY UPDATE community_id = VALUES(community_id), name = VALUES(name), kind = VALUES(kind);

INSERT INTO party_member (id, user_id, community_id, org_id, name, phone, workplace, status, reviewed_by, reviewed_at,
                          created_at, updated_at) VALUES
  (9001, 9101, 12, 9001, '周律师', '13800009101', '东风律师事务所', 'APPROVED', 1, '2025-09-02 10:00:00', '2025-09-01 09:00:00', '2025-09-02 10:00:00'),
  (9002, 9103, 12, 9001, '钱护士', '13800009103', '东风医院', 'APPROVED', 1, '2025-09-02 10:00:00', '2025-09-01 09:00:00', '2025-09-02 10:00:00'),
  (9003, 9102, 12, 9001, '吴医生', '13800009102', '东风医院', 'PENDING', NULL, NULL, '2025-10-20 09:00:00', '2025-10-20 09:00:00')
ON DUPLICATE KEY UPDATE community_id = VALUES(community_id), org_id = VALUES(org_id), status = VALUES(status);

-- resource lists (资源清单): three items of approved members; the waiting application's item is not counted
INSERT INTO member_resource (id, member_id, category, description, created_at) VALUES
  (9001, 9001, 'LEGAL', '租赁、劳动合同法律咨询', '2025-09-02 10:00:00'),
  (9002, 9001, 'DISPUTE', '邻里纠纷调解', '2025-09-02 10:00:00'),
  (9003, 9002, 'MEDICAL', '量血压、健康咨询', '2025-09-02 10:00:00'),
  (9004, 9003, 'MEDICAL', '义诊', '2025-10-20 09:00:00')
ON DUPLICATE KEY UPDATE category = VALUES(category), description = VALUES(description);

-- an evening extra hour served on 2025-10-25: 60 + 45 minutes (钱护士 came late)
INSERT INTO duty_shift (id, station_id, community_id, start_at, end_at, role_name, seats, taken, org_id, status, reminded,
                        alerted, created_at) VALUES
  (9001, 12, 12, '2025-10-25 18:00:00', '2025-10-25 19:00:00', '晚间一小时', 2, 2, 9001, 'OPEN', 1, 0, '2025-10-18 09:00:00')
ON DUPLICATE KEY UPDATE start_at = VALUES(start_at), end_at = VALUES(end_at), taken = VALUES(taken);

INSERT INTO duty_claim (id, shift_id, member_id, user_id, station_id, start_at, end_at, status, active_shift, checkin_at,
                        checkout_at, minutes, auto_closed, created_at, updated_at) VALUES
  (9001, 9001, 9001, 9101, 12, '2025-10-25 18:00:00', '2025-10-25 19:00:00', 'ACTIVE', 9001, '2025-10-25 17:58:00',
   '2025-10-25 19:00:00', 60, 0, '2025-10-19 09:00:00', '2025-10-25 19:00:00'),
  (9002, 9001, 9002, 9103, 12, '2025-10-25 18:00:00', '2025-10-25 19:00:00', 'ACTIVE', 9001, '2025-10-25 18:15:00',
   '2025-10-25 19:00:00', 45, 0, '2025-10-19 10:00:00', '2025-10-25 19:00:00')
ON DUPLICATE KEY UPDATE checkin_at = VALUES(checkin_at), checkout_at = VALUES(checkout_at), minutes = VALUES(minutes);

-- a red weekend morning at 龙轩苑 on 2025-10-25: three bookings (two attended, one no-show) and one cancelled
INSERT INTO booking_rule (id, station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead,
                          cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at) VALUES
  (9001, 12, 'RED_WEEKEND', '红色周末（秋季）', '6', '09:00:00', '11:30:00', 10, 7, 120, 1, 0, '2025-10-01 09:00:00', '2025-11-01 09:00:00')
ON DUPLICATE KEY UPDATE station_id = VALUES(station_id), active = VALUES(active);

INSERT INTO booking_slot (id, station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked,
                          cancel_cutoff_minutes, waitlist_enabled, status, created_at) VALUES
  (9001, 12, 9001, '2025-10-25', '09:00:00', '11:30:00', 'RED_WEEKEND', '红色周末（秋季）', 10, 3, 120, 1, 'OPEN', '2025-10-18 09:00:00')
ON DUPLICATE KEY UPDATE slot_date = VALUES(slot_date), booked = VALUES(booked);

INSERT INTO booking (id, slot_id, station_id, user_id, service_id, status, active_slot_id, cancelled_by, created_at, updated_at) VALUES
  (9001, 9001, 12, 9104, 17, 'ATTENDED', NULL, NULL, '2025-10-19 09:00:00', '2025-10-25 09:05:00'),
  (9002, 9001, 12, 9105, 17, 'ATTENDED', NULL, NULL, '2025-10-19 10:00:00', '2025-10-25 09:10:00'),
  (9003, 9001, 12, 9102, 12, 'NO_SHOW', NULL, NULL, '2025-10-20 09:00:00', '2025-10-25 11:30:00'),
  (9004, 9001, 12, 9101, 12, 'CANCELLED', NULL, 'RESIDENT', '2025-10-20 10:00:00', '2025-10-21 10:00:00')
ON DUPLICATE KEY UPDATE status = VALUES(status), active_slot_id = VALUES(active_slot_id);
