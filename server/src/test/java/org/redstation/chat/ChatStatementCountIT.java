package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The staff queue and a conversation's thread do not run more statements for more rows. */
class ChatStatementCountIT extends ChatTestBase {
    private static final long COMMUNITY = 12; // 东风社区: no other chat test writes to it
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void staffQueueAndThreadRunTheSameStatementsForOneAndAHundredRows() {
        String admin = api.adminLogin();
        api.post("/api/staff/accounts", Map.of("username", "count-dongfeng", "password", "secret-pass-1", "displayName", "东风",
                "communityId", COMMUNITY), admin).expect(201);
        String staff = api.staffLogin("count-dongfeng", "secret-pass-1");
        long small = conversation("count-res-0", 1);
        api.get("/api/staff/chat/conversations", staff).expect(200); // warm-up: first-request caches

        long listOne = StatementCounter.count(() -> api.get("/api/staff/chat/conversations", staff).expect(200)).statements();
        long threadOne = StatementCounter.count(() -> api.get("/api/staff/chat/conversations/" + small, staff).expect(200)).statements();

        for (int i = 1; i < 99; i++) {
            conversation("count-res-" + i, 1);
        }
        long big = conversation("count-res-big", 100);
        StatementCounter.Counted<Integer> list = StatementCounter.count(() ->
                api.get("/api/staff/chat/conversations", staff).expect(200).body().size());
        StatementCounter.Counted<Integer> thread = StatementCounter.count(() ->
                api.get("/api/staff/chat/conversations/" + big, staff).expect(200).body().path("messages").size());

        assertThat(listOne).as("statements are counted at all").isPositive();
        assertThat(threadOne).isPositive();
        assertThat(list.value()).isEqualTo(100);
        assertThat(thread.value()).isEqualTo(100);
        assertThat(list.statements()).isEqualTo(listOne);
        assertThat(thread.statements()).isEqualTo(threadOne);
    }

    /** An open conversation of {@link #COMMUNITY} with {@code messages} messages (fixture rows). */
    private long conversation(String openid, int messages) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update("INSERT INTO chat_conversation (community_id, openid, status, open_key, created_at, last_message_at) "
                + "VALUES (?, ?, 'OPEN', ?, ?, ?)", COMMUNITY, openid, openid, now, now);
        long id = jdbc.queryForObject("SELECT id FROM chat_conversation WHERE open_key = ?", Long.class, openid);
        for (int i = 0; i < messages; i++) {
            jdbc.update("INSERT INTO chat_message (conversation_id, openid, direction, msg_type, content, created_at) "
                    + "VALUES (?, ?, 'IN', 'text', ?, ?)", id, openid, "留言 " + i, now);
        }
        return id;
    }
}
