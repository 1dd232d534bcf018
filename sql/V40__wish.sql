-- Needs and micro-wishes (群众点单、社区派单、单位接单), service projects, the timeline of every item, photos;
-- volunteer teams, activities and sign-ups. Owned by the wish module (org.redstation.wish).

CREATE TABLE wish_project (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    community_id BIGINT       NOT NULL,
    title        VARCHAR(64)  NOT NULL,
    created_by   BIGINT       NOT NULL COMMENT 'staff account',
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_wish_project_community (community_id, created_at),
    CONSTRAINT fk_wish_project_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wish (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    user_id          BIGINT       NOT NULL COMMENT 'the resident who posted it',
    community_id     BIGINT       NOT NULL,
    station_id       BIGINT       NULL,
    category         VARCHAR(16)  NOT NULL COMMENT 'WishCategory name',
    content          VARCHAR(500) NOT NULL,
    may_contact      TINYINT(1)   NOT NULL DEFAULT 0,
    state            VARCHAR(16)  NOT NULL COMMENT 'WishState name',
    version          INT          NOT NULL DEFAULT 0 COMMENT 'bumped by every transition (guard of concurrent ones)',
    photo_count      INT          NOT NULL DEFAULT 0,
    project_id       BIGINT       NULL,
    merged_into      BIGINT       NULL,
    assignee_kind    VARCHAR(8)   NULL COMMENT 'AssigneeKind name: TEAM, ORG, MEMBER',
    assignee_id      BIGINT       NULL,
    assignee_user_id BIGINT       NULL COMMENT 'the user who accepts and completes',
    assignee_name    VARCHAR(64)  NULL,
    escalation_level INT          NOT NULL DEFAULT 0 COMMENT '0 none, 1 community, 2 street; raised once each by a conditional UPDATE',
    state_since      DATETIME(3)  NOT NULL COMMENT 'when the current state began (escalation clock)',
    dispatched_at    DATETIME(3)  NULL,
    accepted_at      DATETIME(3)  NULL,
    completed_at     DATETIME(3)  NULL,
    closed_at        DATETIME(3)  NULL,
    completion_note  VARCHAR(500) NULL,
    rating           TINYINT      NULL,
    rating_comment   VARCHAR(200) NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_wish_community_state (community_id, state, created_at),
    KEY idx_wish_user (user_id, created_at),
    KEY idx_wish_assignee (assignee_user_id, state),
    KEY idx_wish_escalation (state, escalation_level, state_since),
    CONSTRAINT ck_wish_rating CHECK (rating IS NULL OR (rating BETWEEN 1 AND 5)),
    CONSTRAINT ck_wish_photos CHECK (photo_count BETWEEN 0 AND 6),
    CONSTRAINT fk_wish_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_wish_project FOREIGN KEY (project_id) REFERENCES wish_project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The timeline: every transition (and escalation, grouping) with who, when, from -> to and a note.
CREATE TABLE wish_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    wish_id    BIGINT       NOT NULL,
    action     VARCHAR(16)  NOT NULL COMMENT 'WishAction name',
    actor_kind VARCHAR(8)   NOT NULL COMMENT 'RESIDENT, STAFF, ASSIGNEE, SYSTEM',
    actor_id   BIGINT       NULL,
    actor_name VARCHAR(64)  NULL,
    from_state VARCHAR(16)  NULL,
    to_state   VARCHAR(16)  NOT NULL,
    note       VARCHAR(500) NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_wish_event_wish (wish_id, id),
    CONSTRAINT fk_wish_event_wish FOREIGN KEY (wish_id) REFERENCES wish (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wish_photo (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    wish_id      BIGINT      NOT NULL,
    kind         VARCHAR(12) NOT NULL COMMENT 'POSTED (resident), COMPLETION (assignee)',
    storage_key  VARCHAR(80) NOT NULL,
    content_type VARCHAR(16) NOT NULL,
    size_bytes   INT         NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wish_photo_key (storage_key),
    KEY idx_wish_photo_wish (wish_id),
    CONSTRAINT fk_wish_photo_wish FOREIGN KEY (wish_id) REFERENCES wish (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_team (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    community_id   BIGINT      NOT NULL,
    name           VARCHAR(64) NOT NULL,
    category       VARCHAR(16) NOT NULL COMMENT 'TeamCategory name',
    leader_user_id BIGINT      NOT NULL,
    leader_name    VARCHAR(32) NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_team_name (community_id, name),
    CONSTRAINT fk_volunteer_team_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_member (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    team_id    BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    name       VARCHAR(32) NOT NULL,
    joined_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_member (team_id, user_id),
    KEY idx_volunteer_member_user (user_id),
    CONSTRAINT fk_volunteer_member_team FOREIGN KEY (team_id) REFERENCES volunteer_team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_activity (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    station_id   BIGINT       NOT NULL,
    community_id BIGINT       NOT NULL,
    team_id      BIGINT       NULL,
    title        VARCHAR(64)  NOT NULL,
    description  VARCHAR(500) NULL,
    start_at     DATETIME     NOT NULL,
    end_at       DATETIME     NOT NULL,
    capacity     INT          NOT NULL,
    taken        INT          NOT NULL DEFAULT 0,
    open_to      VARCHAR(8)   NOT NULL COMMENT 'ALL: anyone, TEAM: members of team_id',
    status       VARCHAR(12)  NOT NULL COMMENT 'OPEN, CANCELLED',
    reminded     TINYINT(1)   NOT NULL DEFAULT 0,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_volunteer_activity_station (station_id, start_at),
    KEY idx_volunteer_activity_start (start_at),
    CONSTRAINT ck_volunteer_activity_taken CHECK (taken >= 0 AND taken <= capacity),
    CONSTRAINT ck_volunteer_activity_time CHECK (end_at > start_at),
    CONSTRAINT fk_volunteer_activity_station FOREIGN KEY (station_id) REFERENCES station (id),
    CONSTRAINT fk_volunteer_activity_team FOREIGN KEY (team_id) REFERENCES volunteer_team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer_signup (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    activity_id BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    status      VARCHAR(12) NOT NULL COMMENT 'ACTIVE, CANCELLED',
    active_user BIGINT      NULL COMMENT '= user_id while ACTIVE, NULL otherwise (unique guard)',
    checkin_at  DATETIME(3) NULL,
    minutes     INT         NOT NULL DEFAULT 0 COMMENT 'service time credited at check-in',
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_signup_active (activity_id, active_user),
    KEY idx_volunteer_signup_user (user_id, status),
    CONSTRAINT fk_volunteer_signup_activity FOREIGN KEY (activity_id) REFERENCES volunteer_activity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
