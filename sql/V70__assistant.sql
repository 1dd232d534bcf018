-- One bot brain for the official account, the mini-program assistant page and mini-program customer service.

-- Keyword rules say whether they only answer or also forward the message to the community's staff.
ALTER TABLE chat_rule
    ADD COLUMN forwards TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = answer and forward to staff' AFTER reply;

-- A resident is known per channel: MP = official-account openid, MA = mini-program openid (assistant page and
-- mini-program customer service share it).
ALTER TABLE chat_user
    ADD COLUMN channel    VARCHAR(8)  NOT NULL DEFAULT 'MP' COMMENT 'MP official account, MA mini-program' AFTER openid,
    ADD COLUMN station_id BIGINT      NULL COMMENT 'station of the poster QR code the follower scanned' AFTER community_id,
    ADD COLUMN kefu_at    DATETIME(3) NULL COMMENT 'MA: last message to customer service (48-hour window)';

-- The assistant thread: bot answers are stored too (parts as JSON); a message the bot answered is never
-- adopted into a conversation later.
ALTER TABLE chat_message
    ADD COLUMN parts_json  TEXT       NULL COMMENT 'BOT: the answer parts (cards, chips) as JSON' AFTER content,
    ADD COLUMN bot_handled TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = answered by the bot, not waiting for a conversation',
    ADD KEY idx_chat_message_thread (openid, id);

-- Escalation of conversations nobody answered: waiting_since = first resident message after the last staff
-- reply; escalation moves 0 -> 1 (community's other staff) -> 2 (the street) once, by conditional UPDATE.
ALTER TABLE chat_conversation
    ADD COLUMN channel       VARCHAR(8)  NOT NULL DEFAULT 'MP' AFTER openid,
    ADD COLUMN waiting_since DATETIME(3) NULL,
    ADD COLUMN escalation    INT         NOT NULL DEFAULT 0,
    ADD KEY idx_chat_conversation_waiting (status, escalation, waiting_since);

-- Which app sends a delivery: MP (official-account API) or MA (mini-program customer-service API).
ALTER TABLE chat_delivery
    ADD COLUMN app VARCHAR(8) NOT NULL DEFAULT 'MP' COMMENT 'MP or MA' AFTER kind;
