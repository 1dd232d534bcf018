package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chat messages and deliveries older than the retention are deleted; recent ones and deliveries in flight stay. */
class ChatRetentionIT extends IntegrationTest {
    @Autowired
    ChatRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void messagesAndDeliveriesOlderThanTheRetentionAreDeleted() {
        String openid = ("oret" + System.nanoTime() + "xxxxxxxxxxxxxxxxxxxxxxxxx").substring(0, 28);
        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO chat_message (openid, direction, msg_type, content, created_at) VALUES (?, 'IN', 'text', ?, "
                    + "NOW(3) - INTERVAL 200 DAY)", openid, "旧留言" + i);
            jdbc.update("INSERT INTO chat_delivery (kind, to_openid, content, status, attempts, next_attempt_at, created_at) "
                    + "VALUES ('FORWARD', ?, '旧转发', 'SENT', 1, NOW(3), NOW(3) - INTERVAL 200 DAY)", openid);
        }
        jdbc.update("INSERT INTO chat_message (openid, direction, msg_type, content, created_at) VALUES (?, 'IN', 'text', '新留言', NOW(3))", openid);
        jdbc.update("INSERT INTO chat_delivery (kind, to_openid, content, status, attempts, next_attempt_at, claimed_at, created_at) "
                + "VALUES ('FORWARD', ?, '发送中', 'SENDING', 1, NOW(3), NOW(3), NOW(3) - INTERVAL 200 DAY)", openid);
        assertThat(retention.purge()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForList("SELECT content FROM chat_message WHERE openid = ?", String.class, openid)).containsExactly("新留言");
        assertThat(jdbc.queryForList("SELECT status FROM chat_delivery WHERE to_openid = ?", String.class, openid)).containsExactly("SENDING");
    }
}
