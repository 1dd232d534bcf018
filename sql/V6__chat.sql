-- Official-account chat-bot: keyword rules, WeChat users of the account, staff bindings,
-- conversations with their messages, and the durable queue of outgoing customer-service messages.

CREATE TABLE chat_rule (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    community_id BIGINT       NULL COMMENT 'NULL = every community (district administrators edit these)',
    match_type   VARCHAR(16)  NOT NULL COMMENT 'EXACT, CONTAINS or REGEX (found in the normalized text)',
    pattern      VARCHAR(200) NOT NULL,
    reply        VARCHAR(2000) NOT NULL,
    priority     INT          NOT NULL DEFAULT 0 COMMENT 'higher first',
    enabled      TINYINT(1)   NOT NULL DEFAULT 1,
    updated_by   VARCHAR(32)  NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_chat_rule_community (community_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_user (
    openid             VARCHAR(64) NOT NULL COMMENT 'official-account openid',
    unionid            VARCHAR(64) NULL,
    app_user_id        BIGINT      NULL COMMENT 'mini-program user with the same unionid',
    community_id       BIGINT      NULL,
    awaiting_community TINYINT(1)  NOT NULL DEFAULT 0 COMMENT 'asked "请回复您所在的社区", waiting for the answer',
    created_at         DATETIME(3) NOT NULL,
    last_in_at         DATETIME(3) NULL,
    PRIMARY KEY (openid),
    KEY idx_chat_user_app_user (app_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_staff_binding (
    staff_id     BIGINT      NOT NULL,
    openid       VARCHAR(64) NOT NULL,
    display_name VARCHAR(32) NOT NULL,
    community_id BIGINT      NULL COMMENT 'NULL = district administrator',
    bound_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (staff_id),
    UNIQUE KEY uk_chat_staff_binding_openid (openid),
    KEY idx_chat_staff_binding_community (community_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_conversation (
    id                BIGINT      NOT NULL AUTO_INCREMENT COMMENT 'the short number staff reply to (#id)',
    community_id      BIGINT      NOT NULL,
    openid            VARCHAR(64) NOT NULL COMMENT 'the resident',
    app_user_id       BIGINT      NULL,
    status            VARCHAR(16) NOT NULL DEFAULT 'OPEN' COMMENT 'OPEN or CLOSED',
    open_key          VARCHAR(64) NULL COMMENT 'openid while OPEN, NULL when closed: one open conversation per resident',
    assigned_staff_id BIGINT      NULL,
    created_at        DATETIME(3) NOT NULL,
    last_message_at   DATETIME(3) NOT NULL,
    closed_at         DATETIME(3) NULL,
    closed_by         BIGINT      NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_chat_conversation_open (open_key),
    KEY idx_chat_conversation_community (community_id, status, last_message_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    conversation_id BIGINT        NULL COMMENT 'NULL while the resident has not named the community yet',
    openid          VARCHAR(64)   NOT NULL COMMENT 'the resident',
    direction       VARCHAR(8)    NOT NULL COMMENT 'IN (resident) or OUT (staff)',
    staff_id        BIGINT        NULL,
    msg_type        VARCHAR(16)   NOT NULL,
    content         VARCHAR(2000) NOT NULL,
    wx_msg_key      VARCHAR(128)  NULL COMMENT 'MsgId of an incoming message',
    delivery        VARCHAR(16)   NULL COMMENT 'OUT: PENDING, CUSTOM, TEMPLATE or FAILED',
    delivery_error  VARCHAR(255)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_chat_message_wx (wx_msg_key),
    KEY idx_chat_message_conversation (conversation_id, id),
    KEY idx_chat_message_pending (openid, conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(16)   NOT NULL COMMENT 'FORWARD (to staff), REPLY (to resident, template fallback), NOTICE',
    to_openid       VARCHAR(64)   NOT NULL,
    content         VARCHAR(2000) NOT NULL,
    message_id      BIGINT        NULL COMMENT 'REPLY: the chat_message delivered',
    conversation_id BIGINT        NULL,
    report_openid   VARCHAR(64)   NULL COMMENT 'REPLY: the staff member told how it went',
    status          VARCHAR(16)   NOT NULL DEFAULT 'PENDING' COMMENT 'PENDING, SENDING, SENT, FAILED',
    channel         VARCHAR(16)   NULL COMMENT 'CUSTOM or TEMPLATE',
    attempts        INT           NOT NULL DEFAULT 0,
    claimed_at      DATETIME(3)   NULL,
    last_error      VARCHAR(255)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY idx_chat_delivery_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
