-- A large district on top of whatever the database holds (demo data or nothing): every row is made inside MariaDB with
-- INSERT … SELECT over the built-in sequence tables (seq_1_to_N), i.e. multi-row inserts, no client round trip per row.
-- Ids continue after the current maximum of each table, so demo rows stay untouched. Set the sizes first, e.g.
--   SET @stations = 5000, @residents = 100000, @members = 20000, @bookings = 1000000, @claims = 200000, @messages = 500000;
-- (bench/data/generate.sh does; HotQueryPlanIT runs it with smaller sizes). Needs MariaDB (sequence engine, 10.x).
SET @stations = COALESCE(@stations, 5000), @residents = COALESCE(@residents, 100000), @members = COALESCE(@members, 20000),
    @bookings = COALESCE(@bookings, 1000000), @claims = COALESCE(@claims, 200000), @messages = COALESCE(@messages, 500000);
SET @communities = CEIL(@stations / 10), @streets = CEIL(@communities / 10);
SET @slot_days = 60, @shift_days = 20; -- slots: 50 past days + 10 ahead per station; shifts: 10 past + 10 ahead
SET @unique_checks = @@unique_checks, @foreign_key_checks = @@foreign_key_checks;
SET unique_checks = 0, foreign_key_checks = 0; -- generated keys are unique by construction

SELECT COALESCE(MAX(id), 0) INTO @street0 FROM street;
INSERT INTO street (id, name, kind) SELECT @street0 + seq, CONCAT('生成街道', @street0 + seq), 'STREET'
FROM seq_1_to_1000 WHERE seq <= @streets;

SELECT COALESCE(MAX(id), 0) INTO @community0 FROM community;
INSERT INTO community (id, street_id, name) SELECT @community0 + seq, @street0 + 1 + (seq - 1) DIV 10, CONCAT('生成社区', seq)
FROM seq_1_to_100000 WHERE seq <= @communities;

SELECT COALESCE(MAX(id), 0) INTO @station0 FROM station;
-- 10 stations per community, spread over a 0.5° x 0.8° box around the demo district (Xiangyang)
INSERT INTO station (id, code, community_id, name, address, latitude, longitude, build_type, status, created_at, updated_at)
SELECT @station0 + seq, CONCAT('G', seq), @community0 + 1 + (seq - 1) DIV 10, CONCAT('生成社区', 1 + (seq - 1) DIV 10, '红色驿站', seq),
       CONCAT('生成路', seq, '号'), 31.8 + (seq MOD 100) * 0.005, 111.8 + (seq DIV 100) * 0.008, 'NEW',
       IF(seq MOD 50 = 0, 'PAUSED', 'OPEN'), NOW(3), NOW(3)
FROM seq_1_to_1000000 WHERE seq <= @stations;

-- each station offers the first three catalogue services
INSERT INTO station_service (station_id, service_id, sort_order)
SELECT @station0 + s.seq, si.id, si.id FROM seq_1_to_1000000 s
JOIN (SELECT id FROM service_item ORDER BY id LIMIT 3) si WHERE s.seq <= @stations;
SELECT MIN(id) INTO @service FROM service_item;

SELECT COALESCE(MAX(id), 0) INTO @user0 FROM app_user;
INSERT INTO app_user (id, openid, nickname, roles, created_at)
SELECT @user0 + seq, CONCAT('gen-', @user0 + seq), CONCAT('居民', seq), IF(seq <= @members, 'RESIDENT,MEMBER', 'RESIDENT'), NOW(3)
FROM seq_1_to_10000000 WHERE seq <= @residents;

SELECT COALESCE(MAX(id), 0) INTO @org0 FROM duty_org;
INSERT INTO duty_org (id, community_id, name, kind, created_at)
SELECT @org0 + seq, @community0 + seq, CONCAT('生成社区', seq, '党支部'), 'COMMUNITY_BRANCH', NOW(3)
FROM seq_1_to_100000 WHERE seq <= @communities;

SELECT COALESCE(MAX(id), 0) INTO @member0 FROM party_member;
INSERT INTO party_member (id, user_id, community_id, org_id, name, phone, status, created_at, updated_at)
SELECT @member0 + seq, @user0 + seq, @community0 + 1 + seq MOD @communities, @org0 + 1 + seq MOD @communities,
       CONCAT('党员', seq), CONCAT('138', LPAD(seq, 8, '0')), 'APPROVED', NOW(3), NOW(3)
FROM seq_1_to_10000000 WHERE seq <= @members;

-- booking: one evening rule per station, @slot_days slots each, @bookings bookings spread over them
SELECT COALESCE(MAX(id), 0) INTO @rule0 FROM booking_rule;
INSERT INTO booking_rule (id, station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead,
                          cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at)
SELECT @rule0 + seq, @station0 + seq, 'EVENING_EXTRA', '晚间一小时', '1,2,3,4,5,6,7', '18:00', '19:00', 8, 10, 60, 1, 1, NOW(3), NOW(3)
FROM seq_1_to_1000000 WHERE seq <= @stations;
INSERT INTO booking_rule_service (rule_id, service_id) SELECT @rule0 + seq, @service FROM seq_1_to_1000000 WHERE seq <= @stations;

SELECT COALESCE(MAX(id), 0) INTO @slot0 FROM booking_slot;
SET @slots = @stations * @slot_days;
INSERT INTO booking_slot (id, station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked,
                          cancel_cutoff_minutes, waitlist_enabled, status, created_at)
SELECT @slot0 + seq, @station0 + 1 + (seq - 1) DIV @slot_days, @rule0 + 1 + (seq - 1) DIV @slot_days,
       CURDATE() - INTERVAL 50 DAY + INTERVAL ((seq - 1) MOD @slot_days) DAY, '18:00', '19:00', 'EVENING_EXTRA', '晚间一小时',
       8, 0, 60, 1, 'OPEN', NOW(3)
FROM seq_1_to_10000000 WHERE seq <= @slots;

-- slot k = (seq-1) mod slots; the j-th booking of a slot (j = (seq-1) div slots) goes to a different resident
INSERT INTO booking (slot_id, station_id, user_id, service_id, status, active_slot_id, cancelled_by, cancel_reason,
                     reminded_at, created_at, updated_at)
SELECT @slot0 + 1 + k, @station0 + 1 + k DIV @slot_days, @user0 + 1 + (k * 37 + j * 25013) MOD @residents, @service,
       CASE WHEN k MOD @slot_days >= 50 THEN 'CONFIRMED' WHEN seq MOD 10 = 0 THEN 'CANCELLED' WHEN seq MOD 10 = 1 THEN 'NO_SHOW'
            ELSE 'ATTENDED' END,
       IF(k MOD @slot_days >= 50, @slot0 + 1 + k, NULL),
       IF(k MOD @slot_days < 50 AND seq MOD 10 = 0, 'RESIDENT', NULL), IF(k MOD @slot_days < 50 AND seq MOD 10 = 0, '本人取消', NULL),
       IF(k MOD @slot_days < 50, NOW(3), NULL), NOW(3) - INTERVAL 60 DAY, NOW(3) - INTERVAL 50 DAY + INTERVAL (k MOD @slot_days) DAY
FROM (SELECT seq, (seq - 1) MOD @slots AS k, (seq - 1) DIV @slots AS j FROM seq_1_to_10000000 WHERE seq <= @bookings) b;

UPDATE booking_slot s JOIN (SELECT slot_id, COUNT(*) AS n FROM booking WHERE status = 'CONFIRMED' AND slot_id > @slot0
                            GROUP BY slot_id) c ON c.slot_id = s.id
SET s.booked = LEAST(c.n, s.capacity);

-- duty: @shift_days shifts of 5 seats per station, @claims claims spread over them
SELECT COALESCE(MAX(id), 0) INTO @shift0 FROM duty_shift;
SET @shifts = @stations * @shift_days;
INSERT INTO duty_shift (id, station_id, community_id, start_at, end_at, role_name, seats, taken, status, reminded, alerted, created_at)
SELECT @shift0 + seq, @station0 + 1 + (seq - 1) DIV @shift_days, @community0 + 1 + ((seq - 1) DIV @shift_days) DIV 10,
       TIMESTAMP(CURDATE() - INTERVAL 10 DAY + INTERVAL ((seq - 1) MOD @shift_days) DAY, '18:00'),
       TIMESTAMP(CURDATE() - INTERVAL 10 DAY + INTERVAL ((seq - 1) MOD @shift_days) DAY, '19:00'), '日常值守', 5, 0, 'OPEN',
       IF((seq - 1) MOD @shift_days < 10, 1, 0), IF((seq - 1) MOD @shift_days < 10, 1, 0), NOW(3)
FROM seq_1_to_10000000 WHERE seq <= @shifts;

-- shift i = (seq-1) mod shifts (its columns computed as above, no join); the j-th claim of a shift by another member
INSERT INTO duty_claim (shift_id, member_id, user_id, station_id, start_at, end_at, status, active_shift, checkin_at, checkout_at,
                        minutes, created_at, updated_at)
SELECT @shift0 + 1 + i, @member0 + m, @user0 + m, @station0 + 1 + i DIV @shift_days, st, st + INTERVAL 1 HOUR, 'ACTIVE',
       @shift0 + 1 + i, IF(st < NOW() - INTERVAL 1 HOUR, st, NULL), IF(st < NOW() - INTERVAL 1 HOUR, st + INTERVAL 1 HOUR, NULL),
       IF(st < NOW() - INTERVAL 1 HOUR, 60, 0), NOW(3), NOW(3)
FROM (SELECT (seq - 1) MOD @shifts AS i,
             1 + (((seq - 1) MOD @shifts) * 13 + ((seq - 1) DIV @shifts) * 7777) MOD @members AS m,
             TIMESTAMP(CURDATE() - INTERVAL 10 DAY + INTERVAL ((seq - 1) MOD @shifts) MOD @shift_days DAY, '18:00') AS st
      FROM seq_1_to_10000000 WHERE seq <= @claims) c;

UPDATE duty_shift s JOIN (SELECT shift_id, COUNT(*) AS n FROM duty_claim WHERE active_shift IS NOT NULL AND shift_id > @shift0
                          GROUP BY shift_id) c ON c.shift_id = s.id
SET s.taken = LEAST(c.n, s.seats);

-- notifications already sent (the outbox keeps its history)
INSERT INTO notify_outbox (dedup_key, user_id, template, page, data_json, status, attempts, next_attempt_at, created_at, sent_at)
SELECT CONCAT('gen:', @user0, ':', seq), @user0 + 1 + seq MOD @residents, 'booking-confirmed', 'pages/booking/mine/index',
       '{"thing1":"法律援助"}', 'SENT', 1, NOW(3) - INTERVAL 30 DAY, NOW(3) - INTERVAL 30 DAY, NOW(3) - INTERVAL 30 DAY
FROM seq_1_to_10000000 WHERE seq <= @bookings DIV 5;

-- chat: ten messages per conversation, most conversations closed, deliveries sent
SELECT COALESCE(MAX(id), 0) INTO @conv0 FROM chat_conversation;
SET @conversations = CEIL(@messages / 10);
INSERT INTO chat_conversation (id, community_id, openid, status, open_key, created_at, last_message_at, closed_at)
SELECT @conv0 + seq, @community0 + 1 + seq MOD @communities, CONCAT('gen-oa-', @conv0 + seq), IF(seq MOD 20 = 0, 'OPEN', 'CLOSED'),
       IF(seq MOD 20 = 0, CONCAT('gen-oa-', @conv0 + seq), NULL), NOW(3) - INTERVAL 20 DAY, NOW(3) - INTERVAL (seq MOD 20) DAY,
       IF(seq MOD 20 = 0, NULL, NOW(3) - INTERVAL (seq MOD 20) DAY)
FROM seq_1_to_10000000 WHERE seq <= @conversations;
INSERT INTO chat_message (conversation_id, openid, direction, msg_type, content, wx_msg_key, created_at)
SELECT @conv0 + 1 + (seq - 1) DIV 10, CONCAT('gen-oa-', @conv0 + 1 + (seq - 1) DIV 10), IF(seq MOD 2 = 0, 'OUT', 'IN'), 'text',
       '请问周末可以预约法律援助吗', IF(seq MOD 2 = 0, NULL, CONCAT('gen:', @conv0, ':', seq)), NOW(3) - INTERVAL 20 DAY
FROM seq_1_to_10000000 WHERE seq <= @messages;
INSERT INTO chat_delivery (kind, to_openid, content, conversation_id, status, channel, attempts, next_attempt_at, created_at, sent_at)
SELECT 'FORWARD', CONCAT('gen-staff-', seq MOD 100), '居民留言', @conv0 + 1 + seq MOD @conversations, 'SENT', 'CUSTOM', 1,
       NOW(3) - INTERVAL 20 DAY, NOW(3) - INTERVAL 20 DAY, NOW(3) - INTERVAL 20 DAY
FROM seq_1_to_10000000 WHERE seq <= @messages DIV 5;

SET unique_checks = @unique_checks, foreign_key_checks = @foreign_key_checks;
ANALYZE TABLE station, station_service, app_user, party_member, booking_slot, booking, duty_shift, duty_claim, notify_outbox,
  chat_conversation, chat_message, chat_delivery;
