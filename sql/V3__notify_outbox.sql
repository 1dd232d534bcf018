-- Durable outbox of WeChat subscribe messages: written in the business transaction, sent after commit.
CREATE TABLE notify_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    dedup_key       VARCHAR(128) NOT NULL,
    user_id         BIGINT       NOT NULL,
    template        VARCHAR(64)  NOT NULL COMMENT 'template key from configuration',
    page            VARCHAR(128) NULL,
    data_json       TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING' COMMENT 'PENDING, SENDING, SENT, REFUSED (43101), FAILED',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL,
    claimed_by      VARCHAR(64)  NULL,
    claimed_at      DATETIME(3)  NULL,
    last_error      VARCHAR(255) NULL,
    created_at      DATETIME(3)  NOT NULL,
    sent_at         DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notify_outbox_dedup (dedup_key),
    KEY idx_notify_outbox_due (status, next_attempt_at),
    KEY idx_notify_outbox_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
