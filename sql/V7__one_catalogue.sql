-- One service catalogue: booking rules and bookings name service_item ids (owned by station), the services a
-- station offers (station_service). booking_service is moved over BY NAME and dropped; no booking, rule or slot is lost.
-- Runs on MySQL 8 and MariaDB 10.11+ (plain joins and subqueries only).

-- 1. A catalogue entry for every booking_service name the catalogue lacks (category 便民服务, bookable).
INSERT INTO service_item (name, category, description, usage_mode, enabled, created_at, updated_at)
SELECT MIN(bs.name), '便民服务', NULL, 'BOOKABLE', 1, NOW(3), NOW(3)
FROM booking_service bs
WHERE NOT EXISTS (SELECT 1 FROM service_item si WHERE si.name = bs.name)
GROUP BY bs.name;

-- 2. old booking_service id -> catalogue id (names compare under the tables' collation, like the unique key)
CREATE TABLE booking_service_v7_map (
    old_id     BIGINT NOT NULL,
    station_id BIGINT NOT NULL,
    new_id     BIGINT NOT NULL,
    active     TINYINT(1) NOT NULL,
    sort_order INT NOT NULL,
    PRIMARY KEY (old_id)
) ENGINE = InnoDB;
INSERT INTO booking_service_v7_map (old_id, station_id, new_id, active, sort_order)
SELECT bs.id, bs.station_id, si.id, bs.active, bs.sort_order
FROM booking_service bs JOIN service_item si ON si.name = bs.name;

-- 3. A service that a rule takes bookings for is bookable.
UPDATE service_item
SET usage_mode = 'BOOKABLE', updated_at = NOW(3)
WHERE usage_mode <> 'BOOKABLE'
  AND id IN (SELECT m.new_id FROM booking_service_v7_map m JOIN booking_rule_service rs ON rs.service_id = m.old_id);

-- 4. The station offers what it took bookings for (active booking services only: inactive ones refused bookings
--    before and stay refused), after its own services.
INSERT INTO station_service (station_id, service_id, sort_order, note, hours)
SELECT m.station_id, m.new_id,
       (SELECT COALESCE(MAX(x.sort_order), 0) FROM station_service x WHERE x.station_id = m.station_id) + 1 + m.sort_order,
       NULL, NULL
FROM booking_service_v7_map m
WHERE m.active = 1
  AND NOT EXISTS (SELECT 1 FROM station_service ss WHERE ss.station_id = m.station_id AND ss.service_id = m.new_id);

-- 5. Repoint the rules: rebuilt, because two old services may map to one catalogue service.
CREATE TABLE booking_rule_service_v7 (
    rule_id    BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    PRIMARY KEY (rule_id, service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO booking_rule_service_v7 (rule_id, service_id)
SELECT DISTINCT rs.rule_id, m.new_id
FROM booking_rule_service rs JOIN booking_service_v7_map m ON m.old_id = rs.service_id;
DROP TABLE booking_rule_service;
RENAME TABLE booking_rule_service_v7 TO booking_rule_service;
ALTER TABLE booking_rule_service
    ADD KEY idx_brs_service (service_id),
    ADD CONSTRAINT fk_brs_rule FOREIGN KEY (rule_id) REFERENCES booking_rule (id),
    ADD CONSTRAINT fk_brs_service FOREIGN KEY (service_id) REFERENCES service_item (id);

-- 6. Repoint the bookings (every booking keeps its row, status, seat and 候补 place).
ALTER TABLE booking DROP FOREIGN KEY fk_booking_service;
UPDATE booking b JOIN booking_service_v7_map m ON m.old_id = b.service_id
SET b.service_id = m.new_id;
ALTER TABLE booking ADD CONSTRAINT fk_booking_service FOREIGN KEY (service_id) REFERENCES service_item (id);

DROP TABLE booking_service_v7_map;
DROP TABLE booking_service;
