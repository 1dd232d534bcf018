-- Party members (双报到), their organisations and resource lists; duty shifts, claims, check-in/out.
-- The database is the source of truth for seats and overlaps; Redis only adds locks and presence.

CREATE TABLE duty_org (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    community_id  BIGINT      NOT NULL,
    name          VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL COMMENT 'UNIT_BRANCH 单位党支部, GENERAL_BRANCH 党总支, COMMUNITY_BRANCH 社区党支部',
    unit_name     VARCHAR(64) NULL,
    secretary     VARCHAR(32) NULL,
    contact_phone VARCHAR(20) NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_duty_org_name (community_id, name),
    CONSTRAINT fk_duty_org_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE party_member (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    community_id  BIGINT       NOT NULL,
    org_id        BIGINT       NOT NULL,
    name          VARCHAR(32)  NOT NULL,
    phone         VARCHAR(20)  NOT NULL,
    workplace     VARCHAR(64)  NULL,
    status        VARCHAR(16)  NOT NULL COMMENT 'PENDING, APPROVED, REJECTED',
    reject_reason VARCHAR(200) NULL,
    reviewed_by   BIGINT       NULL,
    reviewed_at   DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_party_member_user (user_id),
    KEY idx_party_member_community (community_id, status),
    CONSTRAINT fk_party_member_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_party_member_org FOREIGN KEY (org_id) REFERENCES duty_org (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member_resource (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member_id   BIGINT       NOT NULL,
    category    VARCHAR(16)  NOT NULL COMMENT 'LEGAL, MEDICAL, TUTORING, REPAIR, ...',
    description VARCHAR(200) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_member_resource_member (member_id),
    KEY idx_member_resource_category (category),
    CONSTRAINT fk_member_resource_member FOREIGN KEY (member_id) REFERENCES party_member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE duty_shift (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    station_id   BIGINT      NOT NULL,
    community_id BIGINT      NOT NULL,
    start_at     DATETIME    NOT NULL,
    end_at       DATETIME    NOT NULL,
    role_name    VARCHAR(32) NOT NULL COMMENT 'e.g. 晚间一小时, 红色周末, 日常值守',
    seats        INT         NOT NULL,
    taken        INT         NOT NULL DEFAULT 0,
    org_id       BIGINT      NULL COMMENT 'organisation on rota for this shift',
    status       VARCHAR(16) NOT NULL DEFAULT 'OPEN' COMMENT 'OPEN, CANCELLED',
    reminded     TINYINT(1)  NOT NULL DEFAULT 0,
    alerted      TINYINT(1)  NOT NULL DEFAULT 0 COMMENT 'understaffed alert raised',
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_duty_shift_slot (station_id, start_at, role_name),
    KEY idx_duty_shift_start (start_at),
    KEY idx_duty_shift_community (community_id, start_at),
    CONSTRAINT ck_duty_shift_taken CHECK (taken >= 0 AND taken <= seats),
    CONSTRAINT fk_duty_shift_station FOREIGN KEY (station_id) REFERENCES station (id),
    CONSTRAINT fk_duty_shift_org FOREIGN KEY (org_id) REFERENCES duty_org (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE duty_claim (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    shift_id     BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    user_id      BIGINT      NOT NULL,
    station_id   BIGINT      NOT NULL,
    start_at     DATETIME    NOT NULL COMMENT 'copied from the shift for overlap checks',
    end_at       DATETIME    NOT NULL,
    status       VARCHAR(16) NOT NULL COMMENT 'ACTIVE, RELEASED, CANCELLED',
    active_shift BIGINT      NULL COMMENT '= shift_id while ACTIVE, NULL otherwise (unique guard)',
    checkin_at   DATETIME(3) NULL,
    checkout_at  DATETIME(3) NULL,
    minutes      INT         NOT NULL DEFAULT 0,
    auto_closed  TINYINT(1)  NOT NULL DEFAULT 0 COMMENT 'no check-out: closed at shift end',
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_duty_claim_active (active_shift, member_id),
    KEY idx_duty_claim_member (member_id, status, start_at),
    KEY idx_duty_claim_user (user_id, status, start_at),
    KEY idx_duty_claim_shift (shift_id, status),
    CONSTRAINT fk_duty_claim_shift FOREIGN KEY (shift_id) REFERENCES duty_shift (id),
    CONSTRAINT fk_duty_claim_member FOREIGN KEY (member_id) REFERENCES party_member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE duty_alert (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    community_id BIGINT       NOT NULL,
    station_id   BIGINT       NOT NULL,
    shift_id     BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL COMMENT 'UNDERSTAFFED',
    message      VARCHAR(200) NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_duty_alert (kind, shift_id),
    KEY idx_duty_alert_community (community_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
