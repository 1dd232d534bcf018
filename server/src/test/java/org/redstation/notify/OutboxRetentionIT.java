package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finished outbox rows older than the retention are deleted; pending ones and recent ones stay. */
class OutboxRetentionIT extends IntegrationTest {
    @Autowired
    OutboxRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    private void row(String dedup, String status, int daysAgo) {
        jdbc.update("INSERT INTO notify_outbox (dedup_key, user_id, template, data_json, status, attempts, next_attempt_at, created_at) "
                + "VALUES (?, 1, 'test-notice', '{}', ?, 1, NOW(3) + INTERVAL 1 DAY, NOW(3) - INTERVAL ? DAY)", dedup, status, daysAgo);
    }

    @Test
    void finishedRowsOlderThanTheRetentionAreDeletedInBatchesAndTheRestStays() {
        String p = "ret-" + System.nanoTime() + "-";
        for (int i = 0; i < 1_200; i++) {
            row(p + "sent-" + i, i % 3 == 0 ? "FAILED" : "SENT", 40);
        }
        row(p + "pending-old", "PENDING", 40);
        row(p + "sent-recent", "SENT", 2);
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1_200);
        assertThat(jdbc.queryForList("SELECT dedup_key FROM notify_outbox WHERE dedup_key LIKE ?", String.class, p + "%"))
                .containsExactlyInAnyOrder(p + "pending-old", p + "sent-recent");
    }
}
