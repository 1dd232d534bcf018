package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.redstation.wechat.sandbox.WxSandboxServer;
import org.redstation.wechat.sandbox.WxSandboxServer.Outage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer-service deliveries through a WeChat outage (sandbox answering HTTP 500): retried with back-off far longer
 * than five minutes, delivered exactly once after recovery; given up = FAILED, listed for staff and retried by them.
 * Time passes without waiting: the test runs each attempt itself ({@link Deliveries#process}, which claims by id),
 * so the row never becomes due for the other application contexts of the test JVM.
 */
class DeliveryOutageIT extends IntegrationTest {
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void endOutage() {
        WxSandboxServer.setOutage(Outage.NONE);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, attempts, next_attempt_at, last_error FROM chat_delivery WHERE id = ?", id);
    }

    /** Lets the back-off pass for one row (as if the clock had moved on to its next attempt). */
    private void makeDue(long id) {
        jdbc.update("UPDATE chat_delivery SET next_attempt_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?", id);
    }

    /** Accepted by any sandbox of the JVM (another context could have sent it: it must still be once). */
    private List<SandboxInbox.Message> delivered(String openid) {
        return WxSandboxServer.deliveredAnywhere("custom", openid);
    }

    /** A well-formed openid (o + 27 characters) of its own. */
    private static String openid(String tag) {
        return ("o" + tag + System.nanoTime() + "xxxxxxxxxxxxxxxxxxxxxxxxxxx").substring(0, 28);
    }

    @Test
    void aWeChatOutageOfHoursLosesNothingAndTheMessageArrivesOnceAfterRecovery() {
        String openid = openid("outage");
        WxSandboxServer.setOutage(Outage.HTTP_500);
        long hits = WxSandboxServer.outageHits();
        long id = deliveries.enqueue(DeliveryKind.NOTICE, openid, "值班提醒：明早8点春园驿站缺1人", null, null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) row(id).get("attempts")).intValue() == 1
                && "PENDING".equals(row(id).get("status")));
        assertThat(WxSandboxServer.outageHits()).isGreaterThan(hits);
        // eight more attempts: back-off 5 s, 10 s, … 640 s = over 20 minutes of outage, far past the old 15 s
        Duration waited = Duration.ZERO;
        for (int attempt = 2; attempt <= 9; attempt++) {
            LocalDateTime next = (LocalDateTime) row(id).get("next_attempt_at");
            Duration delay = Duration.between(LocalDateTime.now(clock), next);
            assertThat(delay).as("back-off after attempt %d", attempt - 1)
                    .isBetween(Duration.ofSeconds(5L << (attempt - 2)).minusSeconds(5), Duration.ofSeconds(5L << (attempt - 2)).plusSeconds(5));
            waited = waited.plus(delay);
            deliveries.processDue();
            assertThat(row(id).get("status")).as("not yet due: untouched").isEqualTo("PENDING");
            assertThat(((Number) row(id).get("attempts")).intValue()).isEqualTo(attempt - 1);
            deliveries.process(id); // its time has come
            final int n = attempt;
            await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) row(id).get("attempts")).intValue() >= n);
            assertThat(row(id).get("status")).isEqualTo("PENDING");
        }
        assertThat(waited).isGreaterThan(Duration.ofMinutes(5));
        assertThat(delivered(openid)).isEmpty();

        WxSandboxServer.setOutage(Outage.NONE);
        deliveries.process(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(id).get("status")));
        makeDue(id);
        deliveries.processDue();
        deliveries.sweep();
        assertThat(delivered(openid)).hasSize(1);
        assertThat(delivered(openid).get(0).body().path("text").path("content").asText()).contains("春园驿站缺1人");
    }

    @Test
    void aGivenUpDeliveryIsListedForStaffAndTheirRetrySendsItOnce() {
        String openid = openid("giveup");
        WxSandboxServer.setOutage(Outage.BUSY);
        long id = deliveries.enqueue(DeliveryKind.NOTICE, openid, "系统提醒：请处理待回复留言", null, null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) row(id).get("attempts")).intValue() == 1);
        // the last allowed attempt
        jdbc.update("UPDATE chat_delivery SET attempts = 13 WHERE id = ?", id);
        deliveries.process(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(row(id).get("status")));
        WxSandboxServer.setOutage(Outage.NONE);

        String admin = api.adminLogin();
        var listed = api.get("/api/staff/chat/deliveries", admin).expect(200).body();
        var mine = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(d -> d.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(mine.path("statusName").asText()).isEqualTo("发送失败");
        assertThat(mine.path("attempts").asInt()).isEqualTo(14);
        assertThat(mine.path("to").asText()).contains("…").isNotEqualTo(openid);
        // a notice outside any conversation: community staff do not see it
        api.post("/api/staff/accounts", Map.of("username", "outage-staff", "password", "outage-pass-123", "displayName", "重发测试",
                "role", "COMMUNITY_STAFF", "communityId", 3), admin).expect(201);
        String staff = api.staffLogin("outage-staff", "outage-pass-123");
        assertThat(api.get("/api/staff/chat/deliveries", staff).expect(200).body().toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.post("/api/staff/chat/deliveries/" + id + "/retry", null, staff).expect(403).code()).isEqualTo("FORBIDDEN");

        api.post("/api/staff/chat/deliveries/" + id + "/retry", null, admin).expect(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(id).get("status")));
        assertThat(api.post("/api/staff/chat/deliveries/" + id + "/retry", null, admin).expect(409).code()).isEqualTo("DELIVERY_NOT_FAILED");
        assertThat(delivered(openid)).hasSize(1);
    }
}
