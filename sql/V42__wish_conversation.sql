-- A need turned from an official-account conversation (转心愿) keeps the conversation's id, once per conversation.
-- No foreign key: chat owns its conversations and its retention may delete them; the wish stays.
ALTER TABLE wish
    ADD COLUMN conversation_id BIGINT NULL COMMENT 'chat_conversation it was turned from' AFTER merged_into,
    ADD UNIQUE KEY uk_wish_conversation (conversation_id);
