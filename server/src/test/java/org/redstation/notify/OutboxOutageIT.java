package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.redstation.wechat.sandbox.WxSandboxServer;
import org.redstation.wechat.sandbox.WxSandboxServer.Outage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribe messages through a WeChat outage (sandbox answering errcode -1): retried with back-off well past the old
 * five-minute give-up, sent exactly once after recovery; given up = FAILED, listed for and retried by a district
 * administrator. Time passes by moving {@code next_attempt_at} back (no waiting).
 */
class OutboxOutageIT extends IntegrationTest {
    @Autowired
    Notifier notifier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void endOutage() {
        WxSandboxServer.setOutage(Outage.NONE);
    }

    private Map<String, Object> row(String dedup) {
        return jdbc.queryForMap("SELECT id, status, attempts, next_attempt_at FROM notify_outbox WHERE dedup_key = ?", dedup);
    }

    private int attempts(String dedup) {
        return ((Number) row(dedup).get("attempts")).intValue();
    }

    private void makeDue(String dedup) {
        jdbc.update("UPDATE notify_outbox SET next_attempt_at = NOW(3) - INTERVAL 1 SECOND WHERE dedup_key = ?", dedup);
    }

    /** Accepted by any sandbox of the JVM: other application contexts poll the same outbox; it must still be once. */
    private List<SandboxInbox.Message> delivered(String code) {
        return WxSandboxServer.deliveredAnywhere("subscribe", openidOf(code));
    }

    /** A resident who accepted the test template once (WeChat delivers only against an acceptance). */
    private long userId(String code) {
        String token = api.login(code);
        new org.redstation.support.Subscriptions(api, sandbox).accept(code, token, "test-notice");
        return api.get("/api/me", token).expect(200).body().path("id").asLong();
    }

    @Test
    void aWeChatOutageLongerThanFiveMinutesLosesNothingAndTheMessageIsSentOnceAfterRecovery() {
        long uid = userId("outage-notify-a");
        String dedup = "outage-a-" + System.nanoTime();
        WxSandboxServer.setOutage(Outage.BUSY);
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "停水通知"), dedup));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(dedup) == 1);
        Duration waited = Duration.ZERO;
        for (int attempt = 2; attempt <= 8; attempt++) {
            Duration delay = Duration.between(LocalDateTime.now(clock), (LocalDateTime) row(dedup).get("next_attempt_at"));
            Duration expected = Duration.ofSeconds(10L << (attempt - 2));
            assertThat(delay).isBetween(expected.minusSeconds(5), expected.plusSeconds(5));
            waited = waited.plus(delay);
            makeDue(dedup);
            notifier.dispatchNow();
            final int n = attempt;
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(dedup) == n);
            assertThat(row(dedup).get("status")).isEqualTo("PENDING");
        }
        // 10 s + 20 s + … + 640 s: over 20 minutes of outage, the old policy had given up after ~5
        assertThat(waited).isGreaterThan(Duration.ofMinutes(20));
        assertThat(delivered("outage-notify-a")).isEmpty();

        WxSandboxServer.setOutage(Outage.NONE);
        makeDue(dedup);
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(dedup).get("status")));
        notifier.dispatchNow();
        assertThat(delivered("outage-notify-a")).hasSize(1);
    }

    @Test
    void aGivenUpMessageIsListedForTheDistrictAdministratorAndTheirRetrySendsItOnce() {
        long uid = userId("outage-notify-b");
        String dedup = "outage-b-" + System.nanoTime();
        WxSandboxServer.setOutage(Outage.HTTP_500);
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "活动提醒"), dedup));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(dedup) == 1);
        jdbc.update("UPDATE notify_outbox SET attempts = 15 WHERE dedup_key = ?", dedup);
        makeDue(dedup);
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(row(dedup).get("status")));
        WxSandboxServer.setOutage(Outage.NONE);
        long id = ((Number) row(dedup).get("id")).longValue();

        String admin = api.adminLogin();
        var listed = api.get("/api/staff/notify/outbox", admin).expect(200).body();
        var mine = StreamSupport.stream(listed.spliterator(), false).filter(r -> r.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(mine.path("statusName").asText()).isEqualTo("发送失败");
        assertThat(mine.path("attempts").asInt()).isEqualTo(16);
        assertThat(mine.has("dataJson")).as("message data is not shown").isFalse();
        assertThat(api.get("/api/staff/notify/outbox?status=NOPE", admin).expect(400).code()).isEqualTo("VALIDATION_FAILED");

        api.post("/api/staff/accounts", Map.of("username", "outbox-staff", "password", "outbox-pass-123", "displayName", "重发测试",
                "role", "COMMUNITY_STAFF", "communityId", 3), admin).expect(201);
        String staff = api.staffLogin("outbox-staff", "outbox-pass-123");
        assertThat(api.get("/api/staff/notify/outbox", staff).expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/staff/notify/outbox/" + id + "/retry", null, staff).expect(403).code()).isEqualTo("FORBIDDEN");

        api.post("/api/staff/notify/outbox/" + id + "/retry", null, admin).expect(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(dedup).get("status")));
        assertThat(api.post("/api/staff/notify/outbox/" + id + "/retry", null, admin).expect(409).code()).isEqualTo("OUTBOX_NOT_FAILED");
        assertThat(api.post("/api/staff/notify/outbox/999999999/retry", null, admin).expect(404).code()).isEqualTo("OUTBOX_NOT_FOUND");
        assertThat(delivered("outage-notify-b")).hasSize(1);
    }
}
