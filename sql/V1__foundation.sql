-- Foundation: WeChat users (residents, Party members) and staff accounts.
-- MySQL 8 and MariaDB 10.11+; utf8mb4 everywhere; times are local (Asia/Shanghai).

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    openid        VARCHAR(64)  NOT NULL COMMENT 'mini-program openid',
    unionid       VARCHAR(64)  NULL,
    nickname      VARCHAR(64)  NULL,
    phone         VARCHAR(20)  NULL,
    roles         VARCHAR(64)  NOT NULL DEFAULT 'RESIDENT' COMMENT 'comma list: RESIDENT, MEMBER, STAFF',
    created_at    DATETIME(3)  NOT NULL,
    last_login_at DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_openid (openid),
    KEY idx_app_user_unionid (unionid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(32)  NOT NULL,
    community_id  BIGINT       NULL COMMENT 'NULL = district administrator (all communities)',
    admin         TINYINT(1)   NOT NULL DEFAULT 0,
    enabled       TINYINT(1)   NOT NULL DEFAULT 1,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_account_username (username),
    KEY idx_staff_account_community (community_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
