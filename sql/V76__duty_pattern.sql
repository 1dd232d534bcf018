-- Weekly shift patterns staff edit in the console: each active pattern keeps the next weeks of its station's rota
-- materialised as duty_shift rows (pattern_id). Editing a pattern reshapes or removes its future UNCLAIMED shifts
-- and adds the missing ones; a shift somebody claimed is never changed by a pattern (see the duty README).
CREATE TABLE duty_pattern (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    station_id   BIGINT      NOT NULL,
    community_id BIGINT      NOT NULL COMMENT 'the station''s community (scope checks without a join)',
    weekdays     VARCHAR(16) NOT NULL COMMENT 'ISO days 1=Mon..7=Sun, comma separated',
    start_time   TIME        NOT NULL,
    end_time     TIME        NOT NULL COMMENT 'at or before start_time = the next day',
    role_name    VARCHAR(32) NOT NULL,
    seats        INT         NOT NULL,
    org_id       BIGINT      NULL COMMENT 'organisation on rota for the shifts it makes',
    active       TINYINT(1)  NOT NULL DEFAULT 1,
    created_by   BIGINT      NULL COMMENT 'staff account',
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_duty_pattern_community (community_id, station_id),
    CONSTRAINT ck_duty_pattern_seats CHECK (seats >= 1 AND seats <= 50),
    CONSTRAINT fk_duty_pattern_station FOREIGN KEY (station_id) REFERENCES station (id),
    CONSTRAINT fk_duty_pattern_org FOREIGN KEY (org_id) REFERENCES duty_org (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE duty_shift
    ADD COLUMN pattern_id BIGINT NULL COMMENT 'the weekly pattern that made it; NULL = published by hand' AFTER org_id,
    ADD KEY idx_duty_shift_pattern (pattern_id, start_at),
    ADD CONSTRAINT fk_duty_shift_pattern FOREIGN KEY (pattern_id) REFERENCES duty_pattern (id);
