-- Booking of station time slots (evening extra hour 晚间一小时, red weekend 红色周末).

-- What a resident can book a seat for at a station (own table of the booking module).
CREATE TABLE booking_service (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    station_id  BIGINT      NOT NULL,
    name        VARCHAR(32) NOT NULL,
    active      TINYINT(1)  NOT NULL DEFAULT 1,
    sort_order  INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_service_name (station_id, name),
    CONSTRAINT fk_booking_service_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Weekly rule: on these weekdays, this time, this many seats, opened N days ahead.
CREATE TABLE booking_rule (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    station_id            BIGINT      NOT NULL,
    kind                  VARCHAR(16) NOT NULL COMMENT 'EVENING_EXTRA, RED_WEEKEND, OTHER',
    name                  VARCHAR(32) NOT NULL,
    weekdays              VARCHAR(16) NOT NULL COMMENT 'ISO days 1=Mon..7=Sun, comma separated',
    start_time            TIME        NOT NULL,
    end_time              TIME        NOT NULL,
    capacity              INT         NOT NULL,
    open_days_ahead       INT         NOT NULL DEFAULT 7,
    cancel_cutoff_minutes INT         NOT NULL DEFAULT 60,
    waitlist_enabled      TINYINT(1)  NOT NULL DEFAULT 1,
    active                TINYINT(1)  NOT NULL DEFAULT 1,
    created_at            DATETIME(3) NOT NULL,
    updated_at            DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_booking_rule_station (station_id),
    CONSTRAINT fk_booking_rule_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking_rule_service (
    rule_id    BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    PRIMARY KEY (rule_id, service_id),
    CONSTRAINT fk_brs_rule FOREIGN KEY (rule_id) REFERENCES booking_rule (id),
    CONSTRAINT fk_brs_service FOREIGN KEY (service_id) REFERENCES booking_service (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Holidays (station_id 0 = every station) and one-off closures: no slots on that day.
CREATE TABLE booking_closure (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    station_id  BIGINT       NOT NULL DEFAULT 0 COMMENT '0 = all stations (public holiday)',
    closed_on   DATE         NOT NULL,
    reason      VARCHAR(64)  NOT NULL,
    created_by  BIGINT       NULL COMMENT 'staff account',
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_closure (station_id, closed_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A materialised slot; booked is guarded by a conditional UPDATE (booked < capacity).
CREATE TABLE booking_slot (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    station_id            BIGINT      NOT NULL,
    rule_id               BIGINT      NOT NULL,
    slot_date             DATE        NOT NULL,
    start_time            TIME        NOT NULL,
    end_time              TIME        NOT NULL,
    kind                  VARCHAR(16) NOT NULL,
    name                  VARCHAR(32) NOT NULL,
    capacity              INT         NOT NULL,
    booked                INT         NOT NULL DEFAULT 0,
    cancel_cutoff_minutes INT         NOT NULL,
    waitlist_enabled      TINYINT(1)  NOT NULL,
    status                VARCHAR(16) NOT NULL DEFAULT 'OPEN' COMMENT 'OPEN, CLOSED',
    created_at            DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_slot_rule_date (rule_id, slot_date),
    KEY idx_booking_slot_station_date (station_id, slot_date),
    CONSTRAINT fk_booking_slot_rule FOREIGN KEY (rule_id) REFERENCES booking_rule (id),
    CONSTRAINT chk_booking_slot_seats CHECK (booked >= 0 AND booked <= capacity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A resident's booking. active_slot_id = slot_id while CONFIRMED or WAITING, NULL otherwise:
-- the unique key allows one active booking per resident per slot.
CREATE TABLE booking (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    slot_id         BIGINT       NOT NULL,
    station_id      BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    service_id      BIGINT       NOT NULL,
    note            VARCHAR(100) NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'CONFIRMED, WAITING, CANCELLED, ATTENDED, NO_SHOW',
    active_slot_id  BIGINT       NULL,
    idempotency_key VARCHAR(64)  NULL,
    cancel_reason   VARCHAR(64)  NULL,
    cancelled_by    VARCHAR(16)  NULL COMMENT 'RESIDENT, STAFF, CLOSURE',
    reminded_at     DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_active (active_slot_id, user_id),
    UNIQUE KEY uk_booking_idem (user_id, idempotency_key),
    KEY idx_booking_slot_status (slot_id, status),
    KEY idx_booking_user (user_id, status),
    CONSTRAINT fk_booking_slot FOREIGN KEY (slot_id) REFERENCES booking_slot (id),
    CONSTRAINT fk_booking_service FOREIGN KEY (service_id) REFERENCES booking_service (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
