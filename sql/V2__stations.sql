-- Streets/towns -> communities -> stations, the service catalogue and what each station offers.

CREATE TABLE street (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(32) NOT NULL,
    kind       VARCHAR(8)  NOT NULL DEFAULT 'STREET' COMMENT 'STREET 街道 or TOWN 镇',
    PRIMARY KEY (id),
    UNIQUE KEY uk_street_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE community (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    street_id  BIGINT      NOT NULL,
    name       VARCHAR(32) NOT NULL,
    phone      VARCHAR(20) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_community_name (street_id, name),
    CONSTRAINT fk_community_street FOREIGN KEY (street_id) REFERENCES street (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE station (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    code             VARCHAR(16)   NOT NULL COMMENT 'short stable code used in the QR scene',
    community_id     BIGINT        NOT NULL,
    name             VARCHAR(64)   NOT NULL,
    address          VARCHAR(128)  NOT NULL,
    latitude         DECIMAL(10,7) NOT NULL,
    longitude        DECIMAL(10,7) NOT NULL,
    phone            VARCHAR(20)   NULL,
    build_type       VARCHAR(16)   NOT NULL COMMENT 'REBUILT 改建, CO_BUILT 共建, NEW 新建',
    co_building_unit VARCHAR(64)   NULL,
    photo_url        VARCHAR(255)  NULL,
    status           VARCHAR(16)   NOT NULL DEFAULT 'OPEN' COMMENT 'OPEN, PAUSED, CLOSED',
    notice           VARCHAR(500)  NULL,
    version          INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_station_code (code),
    KEY idx_station_community (community_id),
    CONSTRAINT fk_station_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Weekly opening schedule: one row per weekday window. kind: REGULAR, EVENING_EXTRA (晚间一小时), RED_WEEKEND (红色周末).
CREATE TABLE station_hours (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    station_id  BIGINT      NOT NULL,
    day_of_week TINYINT     NOT NULL COMMENT '1 = Monday ... 7 = Sunday',
    open_time   TIME        NOT NULL,
    close_time  TIME        NOT NULL,
    kind        VARCHAR(16) NOT NULL DEFAULT 'REGULAR',
    PRIMARY KEY (id),
    UNIQUE KEY uk_station_hours (station_id, day_of_week, open_time),
    CONSTRAINT fk_station_hours_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The district-wide service catalogue. usage_mode: SELF_SERVICE 自助, STAFFED 人工, BOOKABLE 预约.
CREATE TABLE service_item (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(32)  NOT NULL,
    category    VARCHAR(16)  NOT NULL,
    description VARCHAR(255) NULL,
    usage_mode  VARCHAR(16)  NOT NULL,
    enabled     TINYINT(1)   NOT NULL DEFAULT 1,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_service_item_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which station offers which service, in display order, with its own note and hours.
CREATE TABLE station_service (
    station_id BIGINT       NOT NULL,
    service_id BIGINT       NOT NULL,
    sort_order INT          NOT NULL DEFAULT 0,
    note       VARCHAR(255) NULL,
    hours      VARCHAR(64)  NULL,
    PRIMARY KEY (station_id, service_id),
    KEY idx_station_service_service (service_id),
    CONSTRAINT fk_station_service_station FOREIGN KEY (station_id) REFERENCES station (id),
    CONSTRAINT fk_station_service_service FOREIGN KEY (service_id) REFERENCES service_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every staff change to stations and services: who, when, what.
CREATE TABLE station_audit (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    staff_id   BIGINT       NOT NULL,
    staff_name VARCHAR(32)  NOT NULL,
    station_id BIGINT       NULL,
    service_id BIGINT       NULL,
    action     VARCHAR(32)  NOT NULL,
    detail     TEXT         NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_station_audit_station (station_id, created_at),
    KEY idx_station_audit_service (service_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Mini-program codes made once per scene (the code of a station never changes, nor its QR).
CREATE TABLE station_qrcode (
    station_id BIGINT       NOT NULL,
    scene      VARCHAR(32)  NOT NULL,
    page       VARCHAR(64)  NOT NULL,
    png        MEDIUMBLOB   NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (station_id),
    CONSTRAINT fk_station_qrcode_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
