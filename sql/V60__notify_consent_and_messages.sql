-- Consent balance per user and subscribe-message template (one WeChat acceptance = one send), and the
-- in-app message centre (消息中心) that keeps every notification whether or not WeChat delivered it.
CREATE TABLE notify_consent (
    user_id    BIGINT      NOT NULL,
    template   VARCHAR(64) NOT NULL COMMENT 'template key from configuration',
    balance    INT         NOT NULL DEFAULT 0 COMMENT 'acceptances reported by the mini-program and not used yet',
    accepted   INT         NOT NULL DEFAULT 0 COMMENT 'acceptances reported in total',
    rejected   INT         NOT NULL DEFAULT 0 COMMENT 'rejections reported in total',
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, template),
    CONSTRAINT ck_notify_consent_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notify_message (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    template   VARCHAR(64)  NOT NULL,
    dedup_key  VARCHAR(128) NOT NULL COMMENT 'the outbox row of the same notification',
    title      VARCHAR(32)  NOT NULL,
    body       VARCHAR(500) NOT NULL,
    page       VARCHAR(128) NULL,
    created_at DATETIME(3)  NOT NULL,
    read_at    DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notify_message_dedup (dedup_key),
    KEY idx_notify_message_user (user_id, id),
    KEY idx_notify_message_unread (user_id, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
