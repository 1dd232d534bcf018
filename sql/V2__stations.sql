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
