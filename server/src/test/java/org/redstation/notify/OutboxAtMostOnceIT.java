package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.Subscriptions;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.redstation.wechat.sandbox.WxSandboxServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WeChat's subscribe API has no idempotency key: an outbox row reaches WeChat at most once. A verdict that cannot be
 * stored after WeChat accepted the message, a claim that expires while its send is in flight, and a former owner of
 * a claim another instance took over never lead to a second delivery. (The double-send seen once after a Redis
 * failover: the send succeeded, storing SENT failed, and the failure was handled as a failed send and retried.)
 * Every dispatcher of the test JVM polls the same outbox; deliveries are counted over all sandboxes.
 */
class OutboxAtMostOnceIT extends IntegrationTest {
    @Autowired
    Notifier notifier;
    @Autowired
    OutboxMapper outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private Map<String, Object> row(String dedup) {
        return jdbc.queryForMap("SELECT id, status, attempts, last_error, sent_at FROM notify_outbox WHERE dedup_key = ?", dedup);
    }

    private List<SandboxInbox.Message> delivered(String code) {
        return WxSandboxServer.deliveredAnywhere("subscribe", openidOf(code));
    }

    private long resident(String code) {
        String token = api.login(code);
        new Subscriptions(api, sandbox).accept(code, token, "test-notice");
        return api.get("/api/me", token).expect(200).body().path("id").asLong();
    }

    /** A row as a claim of another instance left it {@code minutes} ago, started (WeChat may have it) or not. */
    private String claimedRow(long userId, String dedup, int minutes, boolean started) {
        return claimedRow(userId, dedup, "gone-1", minutes, started);
    }

    private String claimedRow(long userId, String dedup, String claim, int minutes, boolean started) {
        LocalDateTime then = LocalDateTime.now(clock).minusMinutes(minutes);
        jdbc.update("INSERT INTO notify_outbox (dedup_key, user_id, template, page, data_json, status, attempts, next_attempt_at, "
                        + "claimed_by, claimed_at, created_at, sent_at) VALUES (?, ?, 'test-notice', NULL, '{\"thing1\":\"停电通知\"}', "
                        + "'SENDING', 0, ?, ?, ?, ?, ?)",
                dedup, userId, then, claim, then, then, started ? then : null);
        return dedup;
    }

    @Test
    void aMessageWeChatAcceptedIsNotSentAgainWhenStoringItsResultFails() {
        long uid = resident("at-most-once-a");
        String dedup = "amo-a-" + System.nanoTime();
        String trigger = "it_block_sent_" + Math.abs(System.nanoTime() % 1_000_000_000L);
        // storing SENT for this one row fails, as when the database connection is lost right after WeChat answered
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON notify_outbox FOR EACH ROW "
                + "IF NEW.status = 'SENT' AND OLD.dedup_key = '" + dedup + "' THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'database away'; END IF");
        try {
            notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "停水通知"), dedup));
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered("at-most-once-a").size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> row(dedup).get("sent_at") != null);
            assertThat(row(dedup).get("status")).as("not retried: WeChat has it").isEqualTo("SENDING");

            // three minutes pass: the claim expires; the row is given up, not sent again
            jdbc.update("UPDATE notify_outbox SET claimed_at = claimed_at - INTERVAL 3 MINUTE, "
                    + "sent_at = sent_at - INTERVAL 3 MINUTE WHERE dedup_key = ?", dedup);
            notifier.dispatchNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> !"SENDING".equals(row(dedup).get("status")));
            assertThat(row(dedup).get("status")).isEqualTo("FAILED");
            assertThat((String) row(dedup).get("last_error")).startsWith(SendFailure.UNKNOWN);
            jdbc.update("UPDATE notify_outbox SET next_attempt_at = NOW(3) - INTERVAL 1 HOUR WHERE dedup_key = ?", dedup);
            notifier.dispatchNow();
            assertThat(delivered("at-most-once-a")).hasSize(1);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
        // the database is back: the owner's verdict (kept in memory) is stored and wins over "outcome unknown"
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            notifier.dispatchNow();
            return "SENT".equals(row(dedup).get("status"));
        });
        notifier.dispatchNow();
        assertThat(delivered("at-most-once-a")).hasSize(1);
    }

    @Test
    void aSendInFlightWhenItsClaimExpiredIsNeverRepeatedWhileAClaimThatHadNotStartedIsSentOnce() {
        long uid = resident("at-most-once-b");
        String started = claimedRow(uid, "amo-b1-" + System.nanoTime(), 3, true);
        String notStarted = claimedRow(uid, "amo-b2-" + System.nanoTime(), 3, false);

        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row(notStarted).get("status")));
        assertThat(row(started).get("status")).isEqualTo("FAILED");
        assertThat((String) row(started).get("last_error")).startsWith(SendFailure.UNKNOWN);
        notifier.dispatchNow();
        assertThat(delivered("at-most-once-b")).as("only the row that had not started").hasSize(1);

        // a claim younger than the lease is left alone (its instance may still be sending)
        String young = claimedRow(uid, "amo-b3-" + System.nanoTime(), 1, true);
        notifier.dispatchNow();
        assertThat(row(young).get("status")).isEqualTo("SENDING");
    }

    @Test
    void aFormerOwnerCanNeitherStartNorFinishNorRetryARowAnotherInstanceTookOver() {
        long uid = resident("at-most-once-c");
        // "gone-1"'s claim expired; the row was released and is now claimed by "new-1" (a fresh claim: no poller touches it)
        String dedup = claimedRow(uid, "amo-c-" + System.nanoTime(), "new-1", 0, false);
        long id = ((Number) row(dedup).get("id")).longValue();
        LocalDateTime now = LocalDateTime.now(clock);

        assertThat(outbox.start(id, "gone-1", now)).isZero();
        assertThat(outbox.finish(id, "gone-1", OutboxStatus.SENT, 1, null, now)).isZero();
        assertThat(outbox.retryLater(id, "gone-1", 1, "late", now)).isZero();
        assertThat(outbox.start(id, "new-1", now)).isEqualTo(1);
        assertThat(outbox.start(id, "new-1", now)).as("started once").isZero();
        assertThat(outbox.finish(id, "new-1", OutboxStatus.SENT, 1, null, now)).isEqualTo(1);
        assertThat(row(dedup).get("status")).isEqualTo("SENT");
    }
}
