-- Issue 10 (jobs, retries, personal data).

-- chat deliveries are retried with back-off: the sweeper selects only due rows, by index
ALTER TABLE chat_delivery ADD COLUMN next_attempt_at DATETIME(3) NULL AFTER attempts;
UPDATE chat_delivery SET next_attempt_at = created_at;
ALTER TABLE chat_delivery MODIFY next_attempt_at DATETIME(3) NOT NULL;
ALTER TABLE chat_delivery ADD KEY idx_chat_delivery_due (status, next_attempt_at),
    ADD KEY idx_chat_delivery_created (created_at);

-- retention jobs delete old rows in small batches, oldest first
ALTER TABLE notify_outbox ADD KEY idx_notify_outbox_created (created_at);
ALTER TABLE chat_message ADD KEY idx_chat_message_created (created_at);
ALTER TABLE station_audit ADD KEY idx_station_audit_created (created_at);

-- who saw whose full contact, when and why (auth.ContactAudit)
CREATE TABLE contact_audit (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    staff_id     BIGINT       NOT NULL,
    staff_name   VARCHAR(64)  NOT NULL,
    community_id BIGINT       NOT NULL,
    subject_kind VARCHAR(32)  NOT NULL COMMENT 'what the contact belongs to, e.g. PARTY_MEMBER, BOOKING',
    subject_id   BIGINT       NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_contact_audit_subject (subject_kind, subject_id, created_at),
    KEY idx_contact_audit_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
